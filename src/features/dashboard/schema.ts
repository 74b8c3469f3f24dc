/** Kysely table types for migrations/0021_dashboard.sql; they join `Database` below. */
export interface MemberActivityWeeksTable {
  community_id: number;
  member_id: number;
  /** ISO week, 'YYYY-Www'. */
  week: string;
  active_days: number;
  last_day: string;
}

export interface DashboardLinksTable {
  token_hash: string;
  community_id: number;
  user_id: string;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface DashboardSessionsTable {
  session_hash: string;
  community_id: number;
  user_id: string;
  expires_at: string;
  created_at: string;
}

/** migrations/0022_dashboard_rollup.sql: counts per community per finished ISO week. */
export interface DashboardWeekRollupTable {
  community_id: number;
  week: string;
  active_members: number;
  period_active: number;
  period_returning: number;
  period_top_days: number;
  period_all_days: number;
  rolled_at: string;
}

declare module "../../db/schema.ts" {
  interface FeatureTables {
    member_activity_weeks: MemberActivityWeeksTable;
    dashboard_links: DashboardLinksTable;
    dashboard_sessions: DashboardSessionsTable;
    dashboard_week_rollup: DashboardWeekRollupTable;
  }
}
