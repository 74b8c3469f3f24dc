import type { Db } from "../db/client.ts";
import { recordTick } from "../db/health.ts";
import { DispatchError } from "./dispatcher.ts";
import { type HeartbeatQueue, sendHeartbeats } from "./heartbeat.ts";

export interface TickDeps {
  /** The scheduled event's time: what the tick's jobs were due at. */
  readonly scheduledAt: Date;
  /** The Worker's clock, for when heartbeats leave and when the tick finished. */
  readonly clock: () => Date;
  readonly db: Db;
  readonly d1: D1Database;
  readonly heartbeatQueues: readonly HeartbeatQueue[];
  /** The tick's work: finds, claims and queues due jobs; throws `DispatchError` naming failed kinds. */
  readonly dispatch: () => Promise<unknown>;
}

/**
 * One cron tick: a heartbeat through each queue, the due jobs, then one D1 batch recording how it
 * went for the health page. The record names the parts that failed (job kinds, heartbeats), never
 * an error's text, which could quote community data. The tick still fails (throws) when any part
 * did, so Cloudflare's cron events show it too.
 */
export async function runTick(deps: TickDeps): Promise<void> {
  const heartbeats = await sendHeartbeats(deps.heartbeatQueues, deps.clock);
  const failed: string[] = [];
  let error: unknown;
  try {
    await deps.dispatch();
  } catch (dispatchError) {
    error = dispatchError;
    failed.push(
      ...(dispatchError instanceof DispatchError ? dispatchError.failures.map((f) => f.job) : ["dispatch"]),
    );
  }
  failed.push(...heartbeats.failed);
  try {
    await recordTick(
      deps.db,
      deps.d1,
      { scheduledAt: deps.scheduledAt, finishedAt: deps.clock(), failed },
      heartbeats.sent,
    );
  } catch (recordError) {
    console.error("the cron tick could not be recorded", { error: String(recordError) });
    error ??= recordError;
  }
  if (error === undefined && heartbeats.failed.length > 0)
    error = new Error(`heartbeats could not be sent: ${heartbeats.failed.join(", ")}`);
  if (error !== undefined) throw error;
}
