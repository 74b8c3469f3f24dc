import type { Generated } from "kysely";

/** Kysely table types for migrations/0008_topics.sql (they join `Database` below). */

export interface TopicsTable {
  id: Generated<number>;
  community_id: number;
  title: string;
  title_key: string;
  details: string | null;
  suggested_by: string | null;
  source: Generated<"member" | "intro">;
  status: Generated<"open" | "archived" | "retired">;
  pinned: Generated<number>;
  last_discussed_on: string | null;
  archived_at: string | null;
  archive_reported: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface TopicVotesTable {
  community_id: number;
  topic_id: number;
  user_id: string;
  voted_at: string;
}

export interface MeetingTopicsTable {
  community_id: number;
  meeting_day: string;
  topic_id: number;
  source: "pinned" | "rule" | "host";
  candidates: Generated<string>;
  chosen_by: string | null;
  decided_at: string;
}

declare module "../../db/schema.ts" {
  interface FeatureTables {
    topics: TopicsTable;
    topic_votes: TopicVotesTable;
    meeting_topics: MeetingTopicsTable;
  }
}
