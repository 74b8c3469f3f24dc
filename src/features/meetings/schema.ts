/** Kysely table types for migrations/0006_meetings.sql (and `meeting_rsvps`, 0007); they join `Database` below. */

export interface MeetingSeriesTable {
  community_id: number;
  cadence: "weekly" | "biweekly" | "monthly";
  first_day: string;
  start_minute: number;
  minutes: number;
  link: string | null;
  updated_at: string;
}

export interface MeetingOverridesTable {
  community_id: number;
  day: string;
  cancelled: number;
  to_day: string | null;
  to_minute: number | null;
  updated_at: string;
}

export interface HolidaysTable {
  community_id: number;
  start_day: string;
  end_day: string;
  name: string | null;
  created_at: string;
}

/** A member's answer to one meeting (migrations/0007_rotation.sql). */
export interface MeetingRsvpsTable {
  community_id: number;
  meeting_day: string;
  user_id: string;
  answer: "yes" | "no" | "maybe";
  updated_at: string;
}

declare module "../../db/schema.ts" {
  interface FeatureTables {
    meeting_series: MeetingSeriesTable;
    meeting_overrides: MeetingOverridesTable;
    holidays: HolidaysTable;
    meeting_rsvps: MeetingRsvpsTable;
  }
}
