import { createApp } from "./app.ts";
import type { AppEnv } from "./env.ts";
import { consumeJobs } from "./jobs/consumer.ts";
import { dispatchDueJobs } from "./jobs/dispatcher.ts";
import { JOBS } from "./jobs/registry.ts";

const app = createApp();

/** The Worker: HTTP (Slack, Discord, health), the 15-minute cron, and the job queue. */
export default {
  fetch: (request, env, ctx) => app.fetch(request, env, ctx),
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(dispatchDueJobs(env, JOBS, new Date(controller.scheduledTime)));
  },
  async queue(batch, env) {
    await consumeJobs(batch, env, JOBS, new Date());
  },
} satisfies ExportedHandler<AppEnv>;
