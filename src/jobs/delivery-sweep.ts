import { sql } from "kysely";
import { retentionCutoff } from "../core/retention.ts";
import type { JobKind } from "./job-kind.ts";
import { nextQuarterHour, quarterHour } from "./periods.ts";

/** A pending row untouched this long was probably never enqueued (or its queue message was lost). */
export const SWEEP_AFTER_MS = 10 * 60 * 1000;
/** At most this many rows are re-enqueued per sweep; the next quarter-hour takes the rest. */
const SWEEP_LIMIT = 1000;

/**
 * Writing an outbox row and `queue.send` are not atomic: a row can be committed and never
 * enqueued, and a queue message can be lost. Every quarter-hour this job re-enqueues pending
 * rows overdue by ten minutes (not those of paused communities: resume enqueues them), and wakes
 * rows that wait longer than a queue delay allows (a blocked channel's 24-hour probe). A
 * duplicate on the queue is harmless: a row is claimed before it is sent, and never sent once
 * it is no longer pending.
 */
export const deliverySweep: JobKind = {
  name: "delivery-sweep",
  async due(deps) {
    return [{ communityId: 0, period: quarterHour(deps.now) }];
  },
  async run(deps) {
    const at = deps.now.toISOString();
    await eraseInteractionTokens(deps.d1, deps.now);
    const cutoff = new Date(deps.now.getTime() - SWEEP_AFTER_MS).toISOString();
    // A row is due back when it was last expected on the queue: its deferral's moment if it was
    // deferred (updated_at does not move then), else its last change. Marking it expected now
    // keeps the next sweep off it.
    const rows = await deps.db
      .updateTable("outbox")
      .set({ updated_at: at, next_try_at: at })
      .where("id", "in", (eb) =>
        eb
          .selectFrom("outbox as o")
          .innerJoin("communities as c", "c.id", "o.community_id")
          .select("o.id")
          .where("o.status", "=", "pending")
          .where(sql<string>`coalesce(o.next_try_at, o.updated_at)`, "<", cutoff)
          .where((w) => w.or([w("o.claimed_until", "is", null), w("o.claimed_until", "<", at)]))
          .where("c.delivery_paused", "=", 0)
          .orderBy("o.id")
          .limit(SWEEP_LIMIT),
      )
      .returning("id")
      .execute();
    if (rows.length === 0) return { status: "skipped", reason: "nothing left pending" };
    await deps.outbox.enqueue(rows.map((row) => row.id));
    console.info("delivery sweep re-enqueued pending rows", { count: rows.length, at });
    return { status: "done" };
  },
  async nextRun(deps) {
    return nextQuarterHour(deps.now);
  },
};

/**
 * A follow-up's interaction token (Discord's, or Slack's response_url) is a credential to answer
 * as guyub; it is dead after 15 minutes, so its row keeps no copy past then (a row still pending
 * goes as a DM, as a late follow-up does anyway). Every quarter-hour, before re-enqueueing.
 */
async function eraseInteractionTokens(d1: D1Database, now: Date): Promise<void> {
  await d1
    .prepare(
      "UPDATE outbox SET payload = json_remove(payload, '$.token') WHERE kind = 'followup' AND created_at < ? AND json_extract(payload, '$.token') IS NOT NULL",
    )
    .bind(retentionCutoff("interactionTokens", now))
    .run();
}
