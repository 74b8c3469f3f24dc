import type { Generated } from "kysely";

/** Kysely table types for migrations/0007_rotation.sql and 0013; they join `Database` below. */

export interface RotationMembersTable {
  community_id: number;
  user_id: string;
  opted_in: Generated<number>;
  excluded: Generated<number>;
  updated_at: string;
}

export interface RotationLedgerTable {
  id: Generated<number>;
  community_id: number;
  kind: "hosted" | "passed" | "swapped" | "skipped" | "cancelled" | "volunteered" | "assigned";
  meeting_day: string;
  member_id: string | null;
  other_member_id: string | null;
  reason: string;
  notes: string | null;
  recorded_by: string | null;
  created_at: string;
}

/**
 * One member's standing in the ledger (migrations/0013_rotation_tally.sql): kept by triggers on
 * every ledger write and every change of the member's status or rotation choices.
 */
export interface RotationTallyTable {
  community_id: number;
  user_id: string;
  hosted: Generated<number>;
  owed: Generated<number>;
  passed: Generated<number>;
  last_hosted: string | null;
  /** `hosted - owed`, generated. */
  standing: Generated<number>;
  /** Active and not taken out of the rotation by a moderator. */
  in_pool: Generated<number>;
  opted_in: Generated<number>;
}

export interface RotationAwaysTable {
  community_id: number;
  user_id: string;
  from_day: string;
  to_day: string;
  created_at: string;
}

export interface SwapRequestsTable {
  id: Generated<number>;
  community_id: number;
  meeting_day: string;
  from_user: string;
  to_user: string;
  status: Generated<"pending" | "accepted" | "declined" | "expired">;
  created_at: string;
  answered_at: string | null;
}

declare module "../../db/schema.ts" {
  interface FeatureTables {
    rotation_members: RotationMembersTable;
    rotation_ledger: RotationLedgerTable;
    rotation_aways: RotationAwaysTable;
    rotation_tally: RotationTallyTable;
    swap_requests: SwapRequestsTable;
  }
}
