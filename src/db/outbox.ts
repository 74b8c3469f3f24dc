import { type CompiledQuery, type Expression, type SqlBool, sql } from "kysely";
import type { OutboxDraft } from "../core/delivery.ts";
import type { Db } from "./client.ts";

/** The JSON kept in `outbox.payload`: the message, and a follow-up's token. */
export interface OutboxPayload {
  readonly message: unknown;
  readonly token?: string;
  readonly tokenExpiresAt?: string;
  /** A post's parent: the outbox key of the post it replies under (`OutboxDraft` `replyTo`). */
  readonly replyTo?: string;
  /** The state the message draws (`OutboxDraft` `drawn`). */
  readonly drawn?: string;
}

/**
 * The statements that write one draft: for an edit, older pending edits of the same message are
 * superseded first (only the newest edit needs sending: counts end up current). The insert
 * returns the new row's id, or nothing when the key was already written. With `onlyIf`, every
 * statement does its part only while that condition holds (checked by each, in the batch's
 * transaction): a message that belongs to a change another request may have won.
 */
export function writeDraftQueries(
  db: Db,
  communityId: number,
  draft: OutboxDraft,
  now: Date,
  onlyIf: Expression<SqlBool> = sql<SqlBool>`1`,
): CompiledQuery[] {
  const at = now.toISOString();
  const queries: CompiledQuery[] = [];
  if (draft.kind === "edit") {
    queries.push(
      db
        .updateTable("outbox")
        .set({ status: "superseded", updated_at: at })
        .where("community_id", "=", communityId)
        .where("kind", "=", "edit")
        .where("target", "=", draft.editOf)
        .where("status", "=", "pending")
        .where("idempotency_key", "!=", draft.key)
        .where(onlyIf)
        .compile(),
      // The message to edit has not gone out yet (or failed and may be retried): it goes out as
      // the newest edit says. Otherwise a post that is retried after its edits were skipped (the
      // target was dead then) would show stale counts for good. The edit row stays, for a post
      // already on its way with the old text. `updated_at` is left alone: the sweep goes by it.
      // Only the message (and what it draws) changes: a reply keeps its parent (`replyTo`).
      db
        .updateTable("outbox")
        .set({
          payload: sql<string>`json_set(payload, '$.message', json(${JSON.stringify(draft.message)}),
            '$.drawn', ${draft.drawn ?? null})`,
        })
        .where("community_id", "=", communityId)
        .where("idempotency_key", "=", draft.editOf)
        .where("kind", "in", ["post", "dm"])
        .where("status", "in", ["pending", "dead"])
        .where(onlyIf)
        .compile(),
    );
  }
  const base: OutboxPayload =
    draft.kind === "followup"
      ? { message: draft.message, token: draft.token, tokenExpiresAt: draft.tokenExpiresAt.toISOString() }
      : draft.kind === "post" && draft.replyTo
        ? { message: draft.message, replyTo: draft.replyTo }
        : { message: draft.message };
  const payload: OutboxPayload = draft.drawn ? { ...base, drawn: draft.drawn } : base;
  const row = {
    community_id: communityId,
    idempotency_key: draft.key,
    kind: draft.kind,
    target: targetOf(draft),
    payload: JSON.stringify(payload),
    fallback: draft.kind === "dm" && draft.fallback ? JSON.stringify(draft.fallback) : null,
    expires_at: draft.expiresAt?.toISOString() ?? null,
    created_at: at,
    updated_at: at,
  };
  // INSERT … SELECT … WHERE: the row is written only while `onlyIf` holds (the WHERE also keeps
  // SQLite from reading ON CONFLICT as part of the SELECT).
  const columns = Object.keys(row) as (keyof typeof row)[];
  queries.push(
    db
      .insertInto("outbox")
      .columns(columns)
      .expression(db.selectNoFrom(columns.map((c) => sql.val(row[c]).as(c))).where(onlyIf))
      .onConflict((oc) => oc.columns(["community_id", "idempotency_key"]).doNothing())
      .returning("id")
      .compile(),
  );
  return queries;
}

function targetOf(draft: OutboxDraft): string {
  switch (draft.kind) {
    case "post":
      return draft.channelId;
    case "dm":
    case "followup":
      return draft.userId;
    case "edit":
      return draft.editOf;
  }
}

/**
 * Moves a community's oldest `limit` dead messages back to pending (attempts reset, due now);
 * returns their ids. Bounded: one command enqueues at most that many.
 */
export function retryDeadQuery(db: Db, communityId: number, limit: number, now: Date): CompiledQuery {
  return db
    .updateTable("outbox")
    .set({
      status: "pending",
      attempts: 0,
      next_try_at: now.toISOString(),
      claimed_until: null,
      held_by: null,
      updated_at: now.toISOString(),
    })
    .where("id", "in", (eb) =>
      eb
        .selectFrom("outbox")
        .select("id")
        .where("community_id", "=", communityId)
        .where("status", "=", "dead")
        .orderBy("id")
        .limit(limit),
    )
    .returning("id")
    .compile();
}

/** Pending message ids of a community, oldest first, to enqueue again (after a resume, a sweep). */
export function pendingIdsQuery(db: Db, communityId: number, olderThan: Date | null, limit: number) {
  let query = db
    .selectFrom("outbox")
    .select("id")
    .where("community_id", "=", communityId)
    .where("status", "=", "pending");
  if (olderThan) query = query.where("updated_at", "<", olderThan.toISOString());
  return query.orderBy("id").limit(limit);
}
