import { env } from "cloudflare:workers";
import { dispatchDueJobs } from "../../src/jobs/dispatcher.ts";
import type { JobMessage } from "../../src/jobs/job-message.ts";
import { JOB_KINDS } from "../../src/jobs/registry.ts";
import { seedCommunities } from "../support/communities-seed.ts";
import { RecordingQueue } from "../support/queue.ts";
import { countedJobDeps } from "./counting-d1.ts";

/** One measured cron tick: its moment, D1 statements and round trips, wall time, claims by kind. */
export interface CronTick {
  readonly at: string;
  readonly communities: number;
  readonly seedMs: number;
  readonly statements: number;
  readonly roundTrips: number;
  readonly ms: number;
  readonly claimed: Record<string, number>;
}

// A Monday at 09:00 UTC: weekly topic refreshes and Monday digests are due, as are the
// announcements, reminders and closes of meetings in every zone.
const AROUND = Date.parse("2027-03-15T09:00:00Z");

/**
 * Seeds `count` communities (weekly, biweekly and monthly series in eleven zones, moves,
 * cancellations, a year of holidays, rotation ledgers, topics: test/support/communities-seed.ts)
 * and runs the whole dispatcher, every job kind, as `scheduled()` does, three ticks in a row: the
 * first catches up on everything due (the heaviest), the next two find what is new. Each is timed
 * from the first D1 call to the last (workerd's clock moves on I/O), its statements counted.
 */
export async function measureCronTicks(count: number): Promise<CronTick[]> {
  const seedStart = performance.now();
  await seedCommunities(count, new Date(AROUND));
  const seedMs = performance.now() - seedStart;
  const ticks: CronTick[] = [];
  for (const offset of [0, 15, 30]) {
    const at = new Date(AROUND + offset * 60_000);
    const { deps, counts } = countedJobDeps(at);
    const jobs = new RecordingQueue();
    await env.DB.prepare("SELECT 1").first();
    const start = performance.now();
    await dispatchDueJobs(deps, jobs.asQueue(), JOB_KINDS);
    const ms = performance.now() - start;
    const claimed: Record<string, number> = {};
    for (const { body } of jobs.take()) {
      const job = (body as JobMessage).job;
      claimed[job] = (claimed[job] ?? 0) + 1;
    }
    ticks.push({ at: at.toISOString(), communities: count, seedMs, ...counts, ms, claimed });
  }
  return ticks;
}
