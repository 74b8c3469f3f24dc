import type { AppEnv } from "../env.ts";
import { jobMessage } from "./job-message.ts";
import type { JobDefinition } from "./registry.ts";

/**
 * The `guyub-jobs` queue consumer. A message that is malformed or names no known job is
 * acknowledged and logged (retrying cannot fix it); a job that throws is retried by the queue
 * and ends in `guyub-dead` after its last try.
 */
export async function consumeJobs(
  batch: MessageBatch<unknown>,
  env: AppEnv,
  jobs: readonly JobDefinition[],
  now: Date,
): Promise<void> {
  for (const message of batch.messages) {
    const parsed = jobMessage.safeParse(message.body);
    const job = parsed.success ? jobs.find((j) => j.name === parsed.data.job) : undefined;
    if (!parsed.success || !job) {
      console.warn("dropping unusable job message", { id: message.id, body: message.body });
      message.ack();
      continue;
    }
    try {
      await job.run(env, parsed.data, now);
      message.ack();
    } catch (error) {
      console.error("job failed; the queue will retry it", { job: job.name, error });
      message.retry();
    }
  }
}
