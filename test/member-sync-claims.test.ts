import { createMessageBatch } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { jobDepsAt } from "../src/compose.ts";
import { memberSync } from "../src/features/membership/member-sync-job.ts";
import { UNFINISHED_SYNC_MS } from "../src/features/membership/sync-store.ts";
import { consumeJobs } from "../src/jobs/consumer.ts";
import { dispatchDueJobs } from "../src/jobs/dispatcher.ts";
import type { JobMessage } from "../src/jobs/job-message.ts";
import { resetDb } from "./support/db.ts";
import { seedCommunity } from "./support/delivery.ts";
import { RecordingQueue } from "./support/queue.ts";
import { resetStandins, testEnv } from "./support/worker.ts";

const AT = new Date("2027-03-02T09:00:00Z");
const QUARTER = 15 * 60_000;
const later = (ms: number) => new Date(AT.getTime() + ms);

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});

/** One cron tick of the member sync alone; returns the runs it queued. */
async function tick(at: Date): Promise<JobMessage[]> {
  const jobs = new RecordingQueue();
  await dispatchDueJobs(jobDepsAt(testEnv())(at), jobs.asQueue(), [memberSync]);
  return jobs.take().map((m) => m.body as JobMessage);
}

/** The JOBS consumer running queued runs, as the queue would deliver them. */
async function runQueued(runs: JobMessage[]): Promise<void> {
  const batch = createMessageBatch(
    "guyub-jobs",
    runs.map((body, i) => ({ id: `m${i}`, timestamp: new Date(), attempts: 1, body })),
  );
  await consumeJobs(batch, jobDepsAt(testEnv()), [memberSync]);
}

describe("the member sync while the jobs queue lags behind the cron", () => {
  it("a claimed run not yet run is not claimed again; once it ran, the next is due an hour on", async () => {
    await seedCommunity("slack");
    const first = await tick(AT);
    expect(first).toHaveLength(1);
    // The queue has not delivered it yet: the next ticks claim nothing.
    expect(await tick(later(QUARTER))).toEqual([]);
    expect(await tick(later(2 * QUARTER))).toEqual([]);
    await runQueued(first);
    expect(await tick(later(3 * QUARTER))).toEqual([]); // synced at 09:00: next due at 10:00
    expect(await tick(later(4 * QUARTER))).toHaveLength(1);
    const runs = await env.DB.prepare("SELECT count(*) AS n FROM job_runs WHERE job = 'member-sync'").first(
      "n",
    );
    expect(runs).toBe(2);
  });

  it("a run left running by an invocation that died does not hold the sync back for good", async () => {
    const community = await seedCommunity("slack");
    const stale = new Date(AT.getTime() - UNFINISHED_SYNC_MS - QUARTER).toISOString();
    await env.DB.prepare(
      "INSERT INTO job_runs (job, community_id, period, status, scheduled_at, claimed_at) VALUES ('member-sync', ?, 'old', 'running', ?, ?)",
    )
      .bind(community.id, stale, stale)
      .run();
    expect(await tick(AT)).toHaveLength(1);
  });
});
