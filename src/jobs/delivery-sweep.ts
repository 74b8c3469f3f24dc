import { nextQuarterHour, quarterHour } from "./periods.ts";
import type { JobKind } from "./registry.ts";

/** A pending row untouched this long was probably never enqueued (or its queue message was lost). */
export const SWEEP_AFTER_MS = 10 * 60 * 1000;
/** At most this many rows are re-enqueued per sweep; the next quarter-hour takes the rest. */
const SWEEP_LIMIT = 1000;

/**
 * Writing an outbox row and `queue.send` are not atomic: a row can be committed and never
 * enqueued. Every quarter-hour this job re-enqueues pending rows left untouched too long (not
 * those of paused communities: resume enqueues them). A duplicate on the queue is harmless:
 * the sender never sends a row that is no longer pending.
 */
export const deliverySweep: JobKind = {
  name: "delivery-sweep",
  async due(deps) {
    return [{ communityId: 0, period: quarterHour(deps.now) }];
  },
  async run(deps) {
    const at = deps.now.toISOString();
    const cutoff = new Date(deps.now.getTime() - SWEEP_AFTER_MS).toISOString();
    // Touching updated_at marks them enqueued now, so the next sweep leaves them alone.
    const rows = await deps.db
      .updateTable("outbox")
      .set({ updated_at: at })
      .where("id", "in", (eb) =>
        eb
          .selectFrom("outbox as o")
          .innerJoin("communities as c", "c.id", "o.community_id")
          .select("o.id")
          .where("o.status", "=", "pending")
          .where("o.updated_at", "<", cutoff)
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
