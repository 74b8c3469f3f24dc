import { type CompiledQuery, type Expression, type SqlBool, sql } from "kysely";
import type { OutboxDraft } from "../../core/delivery.ts";
import type { Db } from "../../db/client.ts";
import { writeDraftQueries } from "../../db/outbox.ts";
import { CLAIMED } from "./assign.ts";
import type { RotationEffect } from "./effects.ts";
import type { LedgerEntry } from "./types.ts";

/** The statements of one rotation effect, for `store.apply`'s batch. */
export function rotationEffectQueries(
  db: Db,
  communityId: number,
  effect: RotationEffect,
  now: Date,
): CompiledQuery[] {
  const at = now.toISOString();
  switch (effect.type) {
    case "rotation.mode":
      return [
        db
          .updateTable("communities")
          .set({ rotation_mode: effect.mode, updated_at: at })
          .where("id", "=", communityId)
          .compile(),
      ];
    case "rotation.member": {
      const changes = {
        ...(effect.optedIn === undefined ? {} : { opted_in: effect.optedIn ? 1 : 0 }),
        ...(effect.excluded === undefined ? {} : { excluded: effect.excluded ? 1 : 0 }),
        updated_at: at,
      };
      return [
        db
          .insertInto("rotation_members")
          .values({ community_id: communityId, user_id: effect.userId, ...changes })
          .onConflict((oc) => oc.columns(["community_id", "user_id"]).doUpdateSet(changes))
          .compile(),
      ];
    }
    case "rotation.away": {
      const { memberId, from, to } = effect.away;
      return [
        db
          .insertInto("rotation_aways")
          .values({
            community_id: communityId,
            user_id: memberId,
            from_day: from,
            to_day: to,
            created_at: at,
          })
          .onConflict((oc) => oc.columns(["community_id", "user_id", "from_day"]).doUpdateSet({ to_day: to }))
          .compile(),
      ];
    }
    case "rotation.ledger":
      return ledgerQuery(db, communityId, effect.entries, effect.recordedBy, at, sql<SqlBool>`true`);
    case "swap.request":
      // Once per day and pair, whatever became of an earlier request: the buttons name the
      // request by its day and asker, and the presser is the one asked.
      return [
        sql`INSERT INTO swap_requests (community_id, meeting_day, from_user, to_user, created_at)
          SELECT ${communityId}, ${effect.day}, ${effect.fromUser}, ${effect.toUser}, ${at}
          WHERE NOT EXISTS (SELECT 1 FROM swap_requests WHERE community_id = ${communityId}
            AND meeting_day = ${effect.day} AND from_user = ${effect.fromUser} AND to_user = ${effect.toUser})`.compile(
          db,
        ),
      ];
    case "swap.answer": {
      // Everything the answer causes is written only while the request is pending, and before
      // the statement that closes it: a second press or a retry finds it closed and adds nothing.
      const pending = sql<SqlBool>`EXISTS (SELECT 1 FROM swap_requests WHERE community_id = ${communityId}
        AND meeting_day = ${effect.day} AND from_user = ${effect.fromUser} AND to_user = ${effect.toUser}
        AND status = 'pending')`;
      return [
        ...ledgerQuery(db, communityId, effect.entries, effect.toUser, at, pending),
        ...effect.drafts.map((draft) => conditionalDmQuery(db, communityId, draft, at, pending)),
        db
          .updateTable("swap_requests")
          .set({ status: effect.status, answered_at: at })
          .where("community_id", "=", communityId)
          .where("meeting_day", "=", effect.day)
          .where("from_user", "=", effect.fromUser)
          .where("to_user", "=", effect.toUser)
          .where("status", "=", "pending")
          .compile(),
      ];
    }
    case "rotation.claim": {
      // The day's ledger as the press read it: any entry since (another press, the announcement,
      // a pass or a swap) means the meeting is no longer open, and this claim writes nothing.
      const open = sql<SqlBool>`(SELECT count(*) FROM rotation_ledger WHERE community_id = ${communityId}
        AND meeting_day = ${effect.day}) = ${effect.seen}`;
      const entry: LedgerEntry = {
        kind: "volunteered",
        meetingDate: effect.day,
        memberId: effect.memberId,
        reason: CLAIMED,
      };
      return [
        ...effect.drafts.flatMap((draft) => writeDraftQueries(db, communityId, draft, now, open)),
        ...ledgerQuery(db, communityId, [entry], effect.memberId, at, open),
      ];
    }
  }
}

/**
 * Appends ledger entries in one statement (one JSON parameter), when `condition` holds. A close
 * (hosted, skipped, cancelled) or an assignment already recorded for the day is left alone by the
 * unique partial indexes: a second one changes nothing.
 */
function ledgerQuery(
  db: Db,
  communityId: number,
  entries: readonly LedgerEntry[],
  recordedBy: string | null,
  at: string,
  condition: Expression<SqlBool>,
): CompiledQuery[] {
  if (entries.length === 0) return [];
  const rows = entries.map((e) => ({
    kind: e.kind,
    day: e.meetingDate,
    member: e.memberId ?? null,
    other: e.otherMemberId ?? null,
    reason: e.reason.slice(0, 40),
  }));
  return [
    sql`INSERT INTO rotation_ledger
        (community_id, kind, meeting_day, member_id, other_member_id, reason, recorded_by, created_at)
      SELECT ${communityId}, j.value ->> 'kind', j.value ->> 'day', j.value ->> 'member',
        j.value ->> 'other', j.value ->> 'reason', ${recordedBy}, ${at}
      FROM json_each(${JSON.stringify(rows)}) AS j
      WHERE ${condition}
      ORDER BY j.key
      ON CONFLICT DO NOTHING`.compile(db),
  ];
}

/** An outbox DM written only when `condition` holds (same columns as `writeDraftQueries`). */
function conditionalDmQuery(
  db: Db,
  communityId: number,
  draft: OutboxDraft & { readonly kind: "dm" },
  at: string,
  condition: Expression<SqlBool>,
): CompiledQuery {
  const payload = JSON.stringify({ message: draft.message });
  const fallback = draft.fallback ? JSON.stringify(draft.fallback) : null;
  const expires = draft.expiresAt?.toISOString() ?? null;
  return sql`INSERT INTO outbox
      (community_id, idempotency_key, kind, target, payload, fallback, expires_at, created_at, updated_at)
    SELECT ${communityId}, ${draft.key}, 'dm', ${draft.userId}, ${payload}, ${fallback}, ${expires}, ${at}, ${at}
    WHERE ${condition}
    ON CONFLICT (community_id, idempotency_key) DO NOTHING
    RETURNING id`.compile(db);
}
