import type { Generated } from "kysely";

/** Kysely table types for migrations/0020_meeting_memory.sql; they join `Database` below. */
export interface MeetingEntriesTable {
  id: Generated<number>;
  community_id: number;
  meeting_day: string;
  /** The short number members use; per community. */
  number: number;
  kind: "note" | "resource" | "action";
  /** The note, the action, or the resource's title. */
  body: string;
  /** Resources only. */
  url: string | null;
  /** Actions: who took it on. */
  assignee: string | null;
  author: string;
  created_at: string;
  updated_at: string;
}

export interface TopicResourcesTable {
  id: Generated<number>;
  community_id: number;
  topic_id: number;
  url: string;
  title: string;
  added_by: string;
  created_at: string;
}

export interface MeetingAttendanceTable {
  community_id: number;
  meeting_day: string;
  user_id: string;
  source: "self" | "host";
  recorded_by: string;
  recorded_at: string;
}

declare module "../../db/schema.ts" {
  interface FeatureTables {
    meeting_entries: MeetingEntriesTable;
    topic_resources: TopicResourcesTable;
    meeting_attendance: MeetingAttendanceTable;
  }
}
