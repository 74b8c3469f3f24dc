import { type CompiledQuery, sql } from "kysely";
import { ERASE_AFTER_DAYS } from "../core/access.ts";
import type { LossCause } from "../core/delivery.ts";
import { DAY_MS } from "../core/durations.ts";
import type { Db } from "./client.ts";

/** The first probe of a blocked scope comes this long after the loss; later ones: `nextProbeAt`. */
const PROBE_AFTER_MS = [60 * 60_000, 6 * 60 * 60_000, 24 * 60 * 60_000] as const;

/**
 * When probe number `n` (1-based) of a block recorded at `since` is due: 1 h, 6 h and 24 h after
 * the loss, then once a day. A probe is one waiting message sent as usual: if it goes through,
 * the block clears and everything waiting goes out.
 */
export function nextProbeAt(since: Date, n: number): Date {
  const last = PROBE_AFTER_MS[PROBE_AFTER_MS.length - 1] as number;
  const after = PROBE_AFTER_MS[n - 1] ?? last + (n - PROBE_AFTER_MS.length) * DAY_MS;
  return new Date(since.getTime() + after);
}

export interface LossRecord {
  readonly communityId: number;
  /** `*` for the whole community, else a channel id. */
  readonly scope: string;
  readonly cause: LossCause;
  readonly reason: string;
  /** The credential id the loss was seen with (workspace-wide losses), or null. */
  readonly credential: string | null;
}

/**
 * Records a loss. A scope already blocked keeps its start, probes and notice, and takes the
 * latest reason (a channel first left, then deleted, says "deleted").
 */
export function recordLossQuery(db: Db, loss: LossRecord, now: Date): CompiledQuery {
  return db
    .insertInto("delivery_blocks")
    .values({
      community_id: loss.communityId,
      scope: loss.scope,
      cause: loss.cause,
      reason: loss.reason.slice(0, 300),
      credential: loss.credential,
      created_at: now.toISOString(),
      probe_at: nextProbeAt(now, 1).toISOString(),
    })
    .onConflict((oc) =>
      oc.columns(["community_id", "scope"]).doUpdateSet({
        cause: sql`excluded.cause`,
        reason: sql`excluded.reason`,
        credential: sql`coalesce(excluded.credential, delivery_blocks.credential)`,
      }),
    )
    .compile();
}

/**
 * A loss and what follows from it: losing the whole community (`*`, cause `uninstalled`: Slack's
 * app_uninstalled, tokens_revoked or a revoked token, Discord's removal from the server) also
 * deactivates it, and its data is erased `ERASE_AFTER_DAYS` later unless access comes back first.
 * Every path that learns of an uninstall goes through here.
 */
export function lossQueries(db: Db, loss: LossRecord, now: Date): CompiledQuery[] {
  const queries = [recordLossQuery(db, loss, now)];
  if (loss.scope === "*" && loss.cause === "uninstalled")
    queries.push(
      db
        .updateTable("communities")
        .set({
          deactivated_at: sql`coalesce(deactivated_at, ${now.toISOString()})`,
          deactivated_reason: loss.reason.slice(0, 300),
          erase_after: sql`coalesce(erase_after, ${eraseAfter(now).toISOString()})`,
        })
        .where("id", "=", loss.communityId)
        .compile(),
    );
  return queries;
}

/** When the data of a community deactivated at `now` is erased. */
export function eraseAfter(now: Date): Date {
  return new Date(now.getTime() + ERASE_AFTER_DAYS * DAY_MS);
}

/**
 * Clears blocks and hands their waiting messages back to the queue: the second statement returns
 * the ids to enqueue (`store.apply` and the engine both enqueue what returns an id). `all` clears
 * every loss of the community, never the "no main channel" notice, which only a channel clears.
 */
export function clearBlocksQueries(
  db: Db,
  communityId: number,
  scopes: readonly string[] | "all",
  now: Date,
): CompiledQuery[] {
  if (scopes !== "all" && scopes.length === 0) return [];
  const list = JSON.stringify(scopes === "all" ? [] : scopes);
  const inList = sql<string>`(select value from json_each(${list}))`;
  let remove = db
    .deleteFrom("delivery_blocks")
    .where("community_id", "=", communityId)
    .where("cause", "!=", "no_main_channel");
  if (scopes !== "all") remove = remove.where("scope", "in", inList);
  let release = db
    .updateTable("outbox")
    .set({ held_by: null, next_try_at: now.toISOString() })
    .where("community_id", "=", communityId)
    .where("status", "=", "pending")
    .where("held_by", "is not", null);
  if (scopes !== "all") release = release.where("held_by", "in", inList);
  const queries = [remove.compile(), release.returning("id").compile()];
  if (scopes === "all" || scopes.includes("*"))
    // Access is back for the whole community (a send went through, a new token): it is active
    // again, and nothing of it will be erased.
    queries.push(
      db
        .updateTable("communities")
        .set({ deactivated_at: null, deactivated_reason: null, erase_after: null })
        .where("id", "=", communityId)
        .where("deactivated_at", "is not", null)
        .compile(),
    );
  return queries;
}

/** A block as the engine and the status report read it. */
export interface BlockRow {
  readonly communityId: number;
  readonly scope: string;
  readonly cause: string;
  readonly reason: string;
  readonly since: Date;
  readonly probeAt: Date | null;
  readonly probes: number;
  readonly credential: string | null;
}

/** The blocks of the given communities: one statement. */
export async function loadBlockRows(db: Db, communityIds: readonly number[]): Promise<BlockRow[]> {
  if (communityIds.length === 0) return [];
  const rows = await db
    .selectFrom("delivery_blocks")
    .selectAll()
    .where("community_id", "in", sql<number>`(select value from json_each(${JSON.stringify(communityIds)}))`)
    .execute();
  return rows.map((row) => ({
    communityId: row.community_id,
    scope: row.scope,
    cause: row.cause,
    reason: row.reason,
    since: new Date(row.created_at),
    probeAt: row.probe_at ? new Date(row.probe_at) : null,
    probes: row.probes,
    credential: row.credential,
  }));
}

/**
 * Takes the block's next probe: true for the one caller whose update moved it on (a probe is
 * taken once even when two batches race for it). The next probe time is set at once, so a
 * probe that fails again leaves the block waiting for the next one.
 */
export async function claimProbe(db: Db, block: BlockRow, now: Date): Promise<Date | null> {
  // This is probe number probes + 1; the one after it is due on the schedule, and never sooner
  // than an hour from now (a block from before the schedule existed catches up gently).
  const scheduled = nextProbeAt(block.since, block.probes + 2);
  const next = new Date(Math.max(scheduled.getTime(), now.getTime() + PROBE_AFTER_MS[0]));
  const row = await db
    .updateTable("delivery_blocks")
    .set({ probes: block.probes + 1, probe_at: next.toISOString() })
    .where("community_id", "=", block.communityId)
    .where("scope", "=", block.scope)
    .where("probes", "=", block.probes)
    .where("probe_at", "<=", now.toISOString())
    .returning("probes")
    .executeTakeFirst();
  return row ? next : null;
}

/**
 * A removal found earlier is over (the platform answers again): the uninstall block clears, its
 * messages come back, and the community is active again. Nothing when there was no such block.
 */
export function reactivateQueries(db: Db, communityId: number, now: Date): CompiledQuery[] {
  const uninstalled = sql<boolean>`exists (select 1 from delivery_blocks where community_id = ${communityId} and scope = '*' and cause = 'uninstalled')`;
  return [
    db
      .updateTable("outbox")
      .set({ held_by: null, next_try_at: now.toISOString() })
      .where("community_id", "=", communityId)
      .where("status", "=", "pending")
      .where("held_by", "=", "*")
      .where(uninstalled)
      .returning("id")
      .compile(),
    db
      .updateTable("communities")
      .set({ deactivated_at: null, deactivated_reason: null, erase_after: null })
      .where("id", "=", communityId)
      .where(uninstalled)
      .compile(),
    db
      .deleteFrom("delivery_blocks")
      .where("community_id", "=", communityId)
      .where("scope", "=", "*")
      .where("cause", "=", "uninstalled")
      .compile(),
  ];
}
