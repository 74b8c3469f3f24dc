import type { AppEnv } from "../env.ts";
import type { JobDefinition } from "./registry.ts";

/**
 * The cron entry point (every 15 minutes): asks each job what is due and queues it. Work
 * scales with what is due, not with the number of communities.
 */
export async function dispatchDueJobs(
  env: AppEnv,
  jobs: readonly JobDefinition[],
  now: Date,
): Promise<number> {
  let queued = 0;
  for (const job of jobs) {
    const due = await job.due(env, now);
    for (let i = 0; i < due.length; i += 100) {
      const chunk = due.slice(i, i + 100);
      await env.JOBS.sendBatch(chunk.map((body) => ({ body })));
      queued += chunk.length;
    }
  }
  return queued;
}
