import type { Generated } from "kysely";

/** Kysely table types for migrations/0018_reports.sql; they join `Database` below. */
export interface ReportSettingsTable {
  community_id: number;
  channel_id: string | null;
  updated_at: string;
}

export interface ReportsTable {
  id: Generated<number>;
  community_id: number;
  subject: string;
  reported_user: string | null;
  message_link: string | null;
  /** Sealed envelope (src/secrets/envelope.ts); NULL once erased. */
  snapshot: string | null;
  report_count: Generated<number>;
  status: Generated<"open" | "claimed" | "resolved" | "dismissed">;
  claimed_by: string | null;
  note: string | null;
  card_key: string | null;
  card_channel_id: string | null;
  created_at: string;
  closed_at: string | null;
  escalated_at: string | null;
  /** The first moderator action (claim or decision), set once (migration 0023). */
  first_action_at: Generated<string | null>;
}

export interface ReportReportersTable {
  id: Generated<number>;
  community_id: number;
  report_id: number;
  reporter: string;
  /** Sealed envelope, or NULL when no reason was given. */
  reason: string | null;
  reported_on: string;
  created_at: string;
}

declare module "../../db/schema.ts" {
  interface FeatureTables {
    report_settings: ReportSettingsTable;
    reports: ReportsTable;
    report_reporters: ReportReportersTable;
  }
}
