/** Kysely table types for migrations/0009_activity_nudges.sql (they join `Database` below; `activity_channels`
 * of the same migration is shared, src/db/activity-schema.ts). */

export interface NudgeSettingsTable {
  community_id: number;
  quiet_days: number;
  cooldown_days: number;
  per_day: number;
  paused: number;
  updated_at: string;
}

export interface MemberNudgesTable {
  member_id: number;
  community_id: number;
  snoozed_until: string | null;
  last_nudged_at: string | null;
  updated_at: string;
}

declare module "../../db/schema.ts" {
  interface FeatureTables {
    nudge_settings: NudgeSettingsTable;
    member_nudges: MemberNudgesTable;
  }
}
