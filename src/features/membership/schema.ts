import type { Generated } from "kysely";

/** The member-list sync of one community (migrations/0003_membership.sql). */
export interface MemberSyncTable {
  community_id: number;
  pass_started_at: string | null;
  cursor: string | null;
  pages: Generated<number>;
  seen: Generated<number>;
  joined: Generated<number>;
  left_count: Generated<number>;
  last_finished_at: string | null;
  last_seen: number | null;
  last_joined: number | null;
  last_left: number | null;
  first_completed_at: string | null;
  next_run_at: string | null;
  last_error: string | null;
  updated_at: string;
}

/** The user ids one page of the sync pass in progress saw, as a JSON array. */
export interface MemberSyncPagesTable {
  community_id: number;
  page: number;
  user_ids: string;
}

declare module "../../db/schema.ts" {
  interface FeatureTables {
    member_sync: MemberSyncTable;
    member_sync_pages: MemberSyncPagesTable;
  }
}
