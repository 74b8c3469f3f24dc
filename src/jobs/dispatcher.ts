import { sql } from "kysely";
import type { JobMessage } from "./job-message.ts";
import type { DueItem, JobDeps, JobKind } from "./registry.ts";

/** A claim still 'claimed' after this long was never picked up (its queue send failed): send again. */
export const RESEND_CLAIMED_AFTER_MS = 30 * 60 * 1000;
const CLAIM_CHUNK = 500;
const SEND_CHUNK = 100;

export interface DispatchResult {
  readonly claimed: number;
  readonly resent: number;
}

/**
 * The cron entry point (every 15 minutes). Asks each job kind what is due at the scheduled
 * event's time, claims each item by inserting `(job, community, period)` into `job_runs`
 * (unique: a second cron run for the same moment claims nothing), and only then queues it.
 * Work scales with what is due, not with the number of communities.
 */
export async function dispatchDueJobs(
  deps: JobDeps,
  jobs: JobQueue,
  kinds: readonly JobKind[],
): Promise<DispatchResult> {
  let claimed = 0;
  for (const kind of kinds) {
    const due = await kind.due(deps);
    for (let i = 0; i < due.length; i += CLAIM_CHUNK) {
      const runs = await claim(deps, kind.name, due.slice(i, i + CLAIM_CHUNK));
      await send(jobs, runs, deps.now);
      claimed += runs.length;
    }
  }
  const resent = await resendStaleClaims(deps, jobs);
  return { claimed, resent };
}

/** The JOBS queue, as far as dispatching needs it. */
export interface JobQueue {
  sendBatch(messages: Iterable<MessageSendRequest<JobMessage>>): Promise<unknown>;
}

interface ClaimedRun extends DueItem {
  readonly runId: number;
  readonly job: string;
}

/** One INSERT for the whole chunk; RETURNING yields only the rows this call inserted. */
async function claim(deps: JobDeps, job: string, items: readonly DueItem[]): Promise<ClaimedRun[]> {
  if (items.length === 0) return [];
  const at = deps.now.toISOString();
  const json = JSON.stringify(items.map((item) => ({ c: item.communityId, p: item.period })));
  const result = await sql<{ id: number; community_id: number; period: string }>`
    insert into job_runs (job, community_id, period, scheduled_at, claimed_at)
    select ${job}, json_extract(value, '$.c'), json_extract(value, '$.p'), ${at}, ${at}
    from json_each(${json}) where true
    on conflict (job, community_id, period) do nothing
    returning id, community_id, period
  `.execute(deps.db);
  return result.rows.map((row) => ({
    runId: row.id,
    job,
    communityId: row.community_id,
    period: row.period,
  }));
}

async function send(jobs: JobQueue, runs: readonly ClaimedRun[], at: Date): Promise<void> {
  for (let i = 0; i < runs.length; i += SEND_CHUNK) {
    await jobs.sendBatch(
      runs.slice(i, i + SEND_CHUNK).map((run) => ({
        body: {
          job: run.job,
          communityId: run.communityId,
          period: run.period,
          runId: run.runId,
          at: at.toISOString(),
        },
      })),
    );
  }
}

/**
 * Claims whose queue message never arrived: claimed, not started, for too long. Their
 * claimed_at moves forward as they are sent again, so each is resent at most every 30 minutes.
 */
async function resendStaleClaims(deps: JobDeps, jobs: JobQueue): Promise<number> {
  const cutoff = new Date(deps.now.getTime() - RESEND_CLAIMED_AFTER_MS).toISOString();
  const stale = await deps.db
    .updateTable("job_runs")
    .set({ claimed_at: deps.now.toISOString() })
    .where("id", "in", (eb) =>
      eb
        .selectFrom("job_runs")
        .select("id")
        .where("status", "=", "claimed")
        .where("claimed_at", "<", cutoff)
        .limit(SEND_CHUNK),
    )
    .returning(["id", "job", "community_id", "period", "scheduled_at"])
    .execute();
  for (const row of stale) {
    await send(
      jobs,
      [{ runId: row.id, job: row.job, communityId: row.community_id, period: row.period }],
      new Date(row.scheduled_at),
    );
  }
  return stale.length;
}
