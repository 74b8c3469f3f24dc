/** Kysely table types for migrations/0009_activity_nudges.sql (listed in `Database`, schema.ts). */

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

export interface ActivityChannelsTable {
  community_id: number;
  channel_id: string;
  last_message_id: string | null;
  last_error: string | null;
  updated_at: string;
}
