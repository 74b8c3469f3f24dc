import { sql } from "kysely";
import type { Db } from "../../db/client.ts";
import { featureStore } from "../../db/feature-store.ts";
import { rotationEffectQueries } from "./effects-store.ts";
import { readFairness } from "./fairness-store.ts";
import { rotationMemberData } from "./member-data-store.ts";
import type { RotationReads } from "./reads.ts";
import { swapReads } from "./swaps-store.ts";
import {
  MEMBER_COLUMNS,
  MEMBER_JOINS,
  type MemberRow,
  poolWhere,
  readView,
  toLedgerEntry,
  toRotationMember,
} from "./view-store.ts";

/** The rotation's store part (listed in src/features/server.ts). */
export const rotationStore = featureStore({
  name: "rotation",
  reads: createRotationReads,
  effectTypes: [
    "rotation.mode",
    "rotation.member",
    "rotation.away",
    "rotation.ledger",
    "swap.request",
    "swap.answer",
    "rotation.claim",
  ],
  effectQueries: rotationEffectQueries,
  communityTables: [
    "rotation_ledger",
    "rotation_aways",
    "swap_requests",
    "rotation_tally",
    "rotation_members",
  ],
  memberData: rotationMemberData,
});

/**
 * Reads of the rotation. None lists every member: plans read the fairest candidates of their
 * scope (view-store.ts), and counts are counted in SQL over the tally's indexes.
 */
export function createRotationReads(db: Db): RotationReads {
  return {
    ...swapReads(db),
    view: (communityId, scope) => readView(db, communityId, scope),
    fairness: (communityId, scope) => readFairness(db, communityId, scope),

    async settings(communityId) {
      const row = await db
        .selectFrom("communities")
        .select(["rotation_mode", "announce_days", "remind_day", "remind_hour", "timezone_set"])
        .where("id", "=", communityId)
        .executeTakeFirst();
      return {
        mode: row?.rotation_mode ?? "everyone",
        announceDays: row?.announce_days ?? 3,
        remindDay: row?.remind_day !== 0,
        remindHour: row?.remind_hour !== 0,
        timezoneSet: row?.timezone_set === 1,
      };
    },

    async member(communityId, userId) {
      const { rows } = await sql<MemberRow>`SELECT ${MEMBER_COLUMNS} FROM members m ${MEMBER_JOINS}
        WHERE m.community_id = ${communityId} AND m.platform_user_id = ${userId}`.execute(db);
      return rows[0] ? toRotationMember(rows[0]) : null;
    },

    async poolSize(communityId, mode) {
      // The mode decides which partial index holds the pool; both are counted without a table read.
      const volunteers =
        mode === undefined
          ? sql`(SELECT rotation_mode FROM communities WHERE id = ${communityId})`
          : sql`${mode}`;
      const { rows } = await sql<{ n: number }>`SELECT CASE
          WHEN ${volunteers} = 'volunteers'
          THEN (SELECT count(*) FROM rotation_tally WHERE community_id = ${communityId} AND ${poolWhere("volunteers")})
          ELSE (SELECT count(*) FROM rotation_tally WHERE community_id = ${communityId} AND ${poolWhere("everyone")})
        END AS n`.execute(db);
      return rows[0]?.n ?? 0;
    },

    async closes(communityId, limit) {
      const rows = await db
        .selectFrom("rotation_ledger")
        .select(["kind", "meeting_day", "member_id", "other_member_id", "reason"])
        .where("community_id", "=", communityId)
        .where("kind", "in", ["hosted", "skipped", "cancelled"])
        .orderBy("meeting_day", "desc")
        .limit(limit)
        .execute();
      return rows.map(toLedgerEntry);
    },
  };
}
