import type { CompiledQuery } from "kysely";
import { type Db, runBatch } from "./client.ts";

/** What a cron tick leaves for the health page: when, and which parts failed (names, no text). */
export interface TickRecord {
  readonly scheduledAt: Date;
  readonly finishedAt: Date;
  readonly failed: readonly string[];
}

/**
 * The tick's record and the heartbeats it sent, in one D1 batch. Both upserts move forward only:
 * a slow tick finishing after a later one (or a retried write) never replaces newer news.
 */
export async function recordTick(
  db: Db,
  d1: D1Database,
  tick: TickRecord,
  heartbeatsSent: readonly { queue: string; sentAt: Date }[],
): Promise<void> {
  const queries: CompiledQuery[] = [
    db
      .insertInto("health_cron_tick")
      .values({
        id: 1,
        scheduled_at: tick.scheduledAt.toISOString(),
        finished_at: tick.finishedAt.toISOString(),
        ok: tick.failed.length === 0 ? 1 : 0,
        failed: tick.failed.length === 0 ? null : JSON.stringify(tick.failed),
      })
      .onConflict((oc) =>
        oc
          .column("id")
          .doUpdateSet((eb) => ({
            scheduled_at: eb.ref("excluded.scheduled_at"),
            finished_at: eb.ref("excluded.finished_at"),
            ok: eb.ref("excluded.ok"),
            failed: eb.ref("excluded.failed"),
          }))
          .where("excluded.scheduled_at", ">=", (eb) => eb.ref("health_cron_tick.scheduled_at")),
      )
      .compile(),
    ...heartbeatsSent.map(({ queue, sentAt }) =>
      db
        .insertInto("health_queue_heartbeats")
        .values({ queue, sent_at: sentAt.toISOString() })
        .onConflict((oc) =>
          oc
            .column("queue")
            .doUpdateSet((eb) => ({ sent_at: eb.ref("excluded.sent_at") }))
            .where((eb) =>
              eb.or([
                eb("health_queue_heartbeats.sent_at", "is", null),
                eb("excluded.sent_at", ">", eb.ref("health_queue_heartbeats.sent_at")),
              ]),
            ),
        )
        .compile(),
    ),
  ];
  await runBatch(d1, queries);
}

/** A heartbeat came back through `queue`: its round trip, unless a newer one is already recorded. */
export async function recordHeartbeatBack(db: Db, queue: string, sentAt: Date, backAt: Date): Promise<void> {
  await db
    .insertInto("health_queue_heartbeats")
    .values({
      queue,
      back_sent_at: sentAt.toISOString(),
      back_at: backAt.toISOString(),
      round_trip_ms: backAt.getTime() - sentAt.getTime(),
    })
    .onConflict((oc) =>
      oc
        .column("queue")
        .doUpdateSet((eb) => ({
          back_sent_at: eb.ref("excluded.back_sent_at"),
          back_at: eb.ref("excluded.back_at"),
          round_trip_ms: eb.ref("excluded.round_trip_ms"),
        }))
        .where((eb) =>
          eb.or([
            eb("health_queue_heartbeats.back_sent_at", "is", null),
            eb("excluded.back_sent_at", ">", eb.ref("health_queue_heartbeats.back_sent_at")),
          ]),
        ),
    )
    .execute();
}
