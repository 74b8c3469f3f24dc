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

declare module "../../db/schema.ts" {
  interface FeatureTables {
    member_activity_weeks: MemberActivityWeeksTable;
    dashboard_links: DashboardLinksTable;
    dashboard_sessions: DashboardSessionsTable;
  }
}
