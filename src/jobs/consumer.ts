import { sql } from "kysely";
import type { Db } from "../db/client.ts";
import type { JobDeps, JobKind } from "./job-kind.ts";
import { jobMessage } from "./job-message.ts";

/**
 * The `guyub-jobs` queue consumer. Each message names a claimed run; the run is started only
 * if it is still claimed (or failed), so a message delivered twice runs the job once. A
 * message that is malformed or names no known job is acknowledged and logged (retrying cannot
 * fix it); a job that throws is marked failed and retried by the queue, ending in `guyub-dead`.
 */
export async function consumeJobs(
  batch: Pick<MessageBatch<unknown>, "messages">,
  depsAt: (now: Date) => JobDeps,
  kinds: readonly JobKind[],
): Promise<void> {
  for (const message of batch.messages) {
    const parsed = jobMessage.safeParse(message.body);
    const kind = parsed.success ? kinds.find((k) => k.name === parsed.data.job) : undefined;
    if (!parsed.success || !kind) {
      console.warn("dropping unusable job message", { id: message.id, body: message.body });
      message.ack();
      continue;
    }
    const job = parsed.data;
    const deps = depsAt(new Date(job.at));
    try {
      if (!(await start(deps.db, job.runId, message.attempts > 1))) {
        message.ack();
        continue;
      }
      const result = await kind.run(deps, { communityId: job.communityId, period: job.period });
      await finish(deps.db, job.runId, result.status, result.status === "skipped" ? result.reason : null);
      message.ack();
    } catch (error) {
      console.error("job failed; the queue will retry it", { job: job.job, runId: job.runId, error });
      await finish(deps.db, job.runId, "failed", String(error).slice(0, 500)).catch(() => {});
      message.retry();
    }
  }
}

/**
 * Moves a run to 'running' if it may start: claimed, failed before, or left running by an
 * invocation that died (only a redelivery, `attempts > 1`, may take that one over).
 */
async function start(db: Db, runId: number, redelivery: boolean): Promise<boolean> {
  const row = await db
    .updateTable("job_runs")
    .set({ status: "running", attempts: sql`attempts + 1` })
    .where("id", "=", runId)
    .where((eb) =>
      eb.or([
        eb("status", "in", ["claimed", "failed"]),
        ...(redelivery ? [eb("status", "=", "running")] : []),
      ]),
    )
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
}

async function finish(db: Db, runId: number, status: "done" | "skipped" | "failed", detail: string | null) {
  await db
    .updateTable("job_runs")
    .set({ status, detail, finished_at: new Date().toISOString() })
    .where("id", "=", runId)
    .execute();
}
