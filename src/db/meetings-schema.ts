/** Kysely table types for migrations/0006_meetings.sql (listed in `Database`, schema.ts). */

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
