import { sql } from "kysely";
import type { Db } from "../../db/client.ts";
import type { FairnessReads } from "./reads.ts";
import type { RotationScope } from "./scope.ts";
import type { MemberTally } from "./tally.ts";
import {
  MEMBER_COLUMNS,
  MEMBER_JOINS,
  type MemberRow,
  poolWhere,
  readView,
  toRotationMember,
} from "./view-store.ts";

interface TallyRow {
  user_id: string;
  hosted: number;
  owed: number;
  passed: number;
  last_hosted: string | null;
}

/**
 * What `/cop rotation fairness` shows and counts (`RotationReads.fairness`): the view of its scope
 * (today), the fairest members with a turn on record (rotation_tally_history), the two counts,
 * and the members without one who may not be eligible today: away then, or joined lately.
 */
export async function readFairness(
  db: Db,
  communityId: number,
  scope: RotationScope,
): Promise<FairnessReads> {
  const view = await readView(db, communityId, scope);
  const pool = poolWhere(view.state.mode, "t");
  const fresh = sql`t.community_id = ${communityId} AND ${pool} AND t.hosted = 0 AND t.passed = 0`;
  // A count the ledger names without a member row (never in practice) is not a line.
  const stored = sql`EXISTS (SELECT 1 FROM members s
    WHERE s.community_id = rotation_tally.community_id AND s.platform_user_id = rotation_tally.user_id)`;
  const [history, counts, unsettled] = await Promise.all([
    sql<TallyRow>`SELECT user_id, hosted, owed, passed, last_hosted FROM rotation_tally
      WHERE community_id = ${communityId} AND (hosted > 0 OR passed > 0) AND ${stored}
      ORDER BY standing, last_hosted, user_id LIMIT ${scope.extra}`.execute(db),
    sql<{ history: number; fresh: number }>`SELECT
      (SELECT count(*) FROM rotation_tally WHERE community_id = ${communityId} AND (hosted > 0 OR passed > 0)
        AND ${stored}) AS history,
      (SELECT count(*) FROM rotation_tally t WHERE ${fresh}) AS fresh`.execute(db),
    sql<MemberRow>`SELECT ${MEMBER_COLUMNS} FROM members m
      JOIN rotation_tally t ON t.community_id = m.community_id AND t.user_id = m.platform_user_id
      ${MEMBER_JOINS}
      WHERE m.community_id = ${communityId} AND ${fresh} AND m.platform_user_id IN (
        SELECT platform_user_id FROM members WHERE community_id = ${communityId} AND status = 'active'
          AND founder = 0 AND joined_at > ${scope.newcomersAfter}
        UNION SELECT platform_user_id FROM members WHERE community_id = ${communityId} AND status = 'active'
          AND founder = 1 AND joined_at >= ${scope.joinedAfter}
        UNION SELECT user_id FROM rotation_aways WHERE community_id = ${communityId}
          AND to_day >= ${scope.first} AND from_day <= ${scope.last})`.execute(db),
  ]);
  return {
    state: view.state,
    history: history.rows.map(
      (r): MemberTally => ({
        memberId: r.user_id,
        hosted: r.hosted,
        owed: r.owed,
        passed: r.passed,
        lastHosted: r.last_hosted,
      }),
    ),
    historyCount: counts.rows[0]?.history ?? 0,
    freshCount: counts.rows[0]?.fresh ?? 0,
    unsettled: unsettled.rows.map(toRotationMember),
  };
}
