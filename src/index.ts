import { createApp } from "./app.ts";
import { consumeOutbox, deliveryDeps } from "./delivery/consumer.ts";
import type { AppEnv } from "./env.ts";
import { consumeJobs } from "./jobs/consumer.ts";
import { jobDepsAt } from "./jobs/deps.ts";
import { dispatchDueJobs } from "./jobs/dispatcher.ts";
import { JOB_KINDS } from "./jobs/registry.ts";

const app = createApp();

/** Queue names from wrangler.toml: each batch goes to its own consumer. */
export const QUEUES = { jobs: "guyub-jobs", outbox: "guyub-outbox" } as const;

/** The Worker: HTTP (Slack, Discord, health), the 15-minute cron, and the two queues. */
export default {
  fetch: (request, env, ctx) => app.fetch(request, env, ctx),

  async scheduled(controller, env) {
    // Awaited, not left in waitUntil: a failing dispatch fails the cron run visibly, with its cause.
    const at = new Date(controller.scheduledTime);
    try {
      await dispatchDueJobs(jobDepsAt(env)(at), env.JOBS, JOB_KINDS);
    } catch (error) {
      console.error("scheduled dispatch failed", {
        cron: controller.cron,
        scheduledTime: at.toISOString(),
        error: error instanceof Error ? error.message : String(error),
        cause: error instanceof Error ? String(error.cause ?? "") : undefined,
      });
      throw error;
    }
  },

  async queue(batch, env) {
    switch (batch.queue) {
      case QUEUES.jobs:
        return consumeJobs(batch, jobDepsAt(env), JOB_KINDS);
      case QUEUES.outbox:
        return consumeOutbox(batch, deliveryDeps(env));
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
