import { createApp } from "./app.ts";
import { platformsFrom } from "./compose.ts";
import { createDb } from "./db/client.ts";
import { consumeOutbox, deliveryDeps } from "./delivery/consumer.ts";
import type { AppEnv } from "./env.ts";
import { consumeJobs } from "./jobs/consumer.ts";
import { jobDepsWith } from "./jobs/deps.ts";
import { DispatchError, dispatchDueJobs } from "./jobs/dispatcher.ts";
import { takeHeartbeats } from "./jobs/heartbeat.ts";
import { JOB_KINDS } from "./jobs/registry.ts";
import { runTick } from "./jobs/tick.ts";

import { QUEUES } from "./queues.ts";

export { QUEUES };

export interface WorkerOptions {
  /**
   * The community clock for HTTP requests (joins, RSVPs, activity) and for message expiry in
   * delivery. Production never sets it: `src/index.ts` builds the Worker with the system time.
   * The local demo sets it to play weeks in seconds (jobs always take the scheduled event's time).
   */
  readonly now?: () => Date;
  /** The clock request signatures are checked against; default `now`. */
  readonly verifyNow?: () => Date;
  /** Divides delivery's pacing intervals, for stand-ins that run faster than real time (demo). */
  readonly paceScale?: number;
}

/** The Worker: HTTP (Slack, Discord, health), the 15-minute cron, and the two queues. */
export function createWorker(options: WorkerOptions = {}) {
  const app = createApp({ now: options.now, verifyNow: options.verifyNow });
  // The Worker's own clock: when a tick finished, when a heartbeat left and came back.
  const clock = options.now ?? (() => new Date());
  const worker = {
    fetch: (request: Request, env: AppEnv, ctx: ExecutionContext) => app.fetch(request, env, ctx),

    async scheduled(controller: ScheduledController, env: AppEnv) {
      // Awaited, not left in waitUntil: a failing dispatch fails the cron run visibly, with its
      // cause. Every job kind runs first (each failure logged as it happens); then one error names
      // every kind that failed, and Cloudflare's cron events show the run as failed with it.
      // The tick also sends each queue a heartbeat and records how it went (the health page).
      const at = new Date(controller.scheduledTime);
      await runTick({
        scheduledAt: at,
        clock,
        db: createDb(env.DB),
        d1: env.DB,
        heartbeatQueues: [
          { name: QUEUES.jobs, queue: env.JOBS },
          { name: QUEUES.outbox, queue: env.OUTBOX },
        ],
        dispatch: async () => {
          try {
            await dispatchDueJobs(jobDepsWith(env, platformsFrom(env))(at), env.JOBS, JOB_KINDS);
          } catch (error) {
            console.error("scheduled dispatch failed", {
              cron: controller.cron,
              scheduledTime: at.toISOString(),
              failed: error instanceof DispatchError ? error.failures.map((f) => f.job) : undefined,
              error: error instanceof Error ? error.message : String(error),
              cause: error instanceof Error ? String(error.cause ?? "") : undefined,
            });
            throw error;
          }
        },
      });
    },

    async queue(batch: MessageBatch<unknown>, env: AppEnv) {
      switch (batch.queue) {
        case QUEUES.jobs: {
          const jobs = await takeHeartbeats(batch, createDb(env.DB), clock);
          if (jobs.length > 0)
            await consumeJobs({ messages: jobs }, jobDepsWith(env, platformsFrom(env)), JOB_KINDS);
          return;
        }
        case QUEUES.outbox: {
          const outbox = await takeHeartbeats(batch, createDb(env.DB), clock);
          if (outbox.length > 0)
            await consumeOutbox(
              { messages: outbox },
              deliveryDeps(env, platformsFrom(env), { clock: options.now, paceScale: options.paceScale }),
            );
          return;
        }
        default:
          // A queue this Worker does not know: never acknowledge what it cannot handle.
          console.error("batch from an unknown queue; retrying it", {
            queue: batch.queue,
            size: batch.messages.length,
          });
          batch.retryAll();
      }
    },
  } satisfies ExportedHandler<AppEnv>;
  return worker;
}
