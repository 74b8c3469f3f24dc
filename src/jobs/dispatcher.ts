import { sql } from "kysely";
import type { DueItem, JobDeps, JobKind } from "./job-kind.ts";
import type { JobMessage } from "./job-message.ts";

/** A claim still 'claimed' after this long was never picked up (its queue send failed): send again. */
export const RESEND_CLAIMED_AFTER_MS = 30 * 60 * 1000;
/**
 * Items per claim statement. They travel as one JSON parameter (about 40 bytes each): D1's
 * 100 KB cap is on the SQL text, a bound value may be up to 2 MB, so 10,000 stay far below it and
 * a tick over 1,000 communities claims everything in one statement.
 */
const CLAIM_CHUNK = 10_000;
const SEND_CHUNK = 100;

export interface DispatchResult {
  readonly claimed: number;
  readonly resent: number;
}

/** A kind whose due work could not be found, claimed or queued this tick, and why. */
export interface KindFailure {
  readonly job: string;
  readonly error: unknown;
}

/**
 * Thrown by `dispatchDueJobs` after every kind has run when some failed: names each of them, so
 * the cron run shows as failed (with this message) in Cloudflare's cron events.
 */
export class DispatchError extends Error {
  constructor(readonly failures: readonly KindFailure[]) {
    super(
      `job kinds failed this tick: ${failures.map((f) => `${f.job} (${messageOf(f.error)})`).join("; ")}`,
      { cause: failures.map((f) => f.error) },
    );
    this.name = "DispatchError";
  }
}

/**
 * The cron entry point (every 15 minutes). Asks each job kind what is due at the scheduled
 * event's time, claims every item by inserting `(job, community, period)` into `job_runs`
 * (unique: a second cron run for the same moment claims nothing), and only then queues it.
 * Each kind is isolated: one that throws is logged with its cause and the others still run;
 * after all of them, a `DispatchError` names every kind that failed. The D1 statements of a tick
 * do not grow with the number of communities: each kind finds its due work set-based, and all
 * claims go in one statement.
 */
export async function dispatchDueJobs(
  deps: JobDeps,
  jobs: JobQueue,
  kinds: readonly JobKind[],
): Promise<DispatchResult> {
  const failures: KindFailure[] = [];
  const fail = (job: string, error: unknown) => {
    failures.push({ job, error });
    console.error("job kind failed this tick; the others carry on", {
      job,
      at: deps.now.toISOString(),
      error: messageOf(error),
      cause: error instanceof Error && error.cause !== undefined ? String(error.cause) : undefined,
    });
  };
  const due: { job: string; items: DueItem[] }[] = [];
  for (const kind of kinds) {
    try {
      due.push({ job: kind.name, items: await kind.due(deps) });
    } catch (error) {
      fail(kind.name, error);
    }
  }
  const claimed = await claimAll(deps, due, fail);
  let total = 0;
  for (const [job, runs] of claimed) {
    try {
      await send(jobs, runs, deps.now);
      total += runs.length;
    } catch (error) {
      // The claims stay: `resendStaleClaims` sends them again in 30 minutes.
      fail(job, error);
    }
  }
  let resent = 0;
  try {
    resent = await resendStaleClaims(deps, jobs);
  } catch (error) {
    fail("resend of stale claims", error);
  }
  if (failures.length > 0) throw new DispatchError(failures);
  return { claimed: total, resent };
}

/** The JOBS queue, as far as dispatching needs it. */
export interface JobQueue {
  sendBatch(messages: Iterable<MessageSendRequest<JobMessage>>): Promise<unknown>;
}

interface ClaimedRun extends DueItem {
  readonly runId: number;
  readonly job: string;
}

/**
 * Claims every kind's items together, one statement per `CLAIM_CHUNK`. If a statement fails, the
 * items it and later chunks held are claimed kind by kind, so one kind's bad item (or a passing
 * D1 error) fails that kind alone, never the tick.
 */
async function claimAll(
  deps: JobDeps,
  due: readonly { job: string; items: readonly DueItem[] }[],
  fail: (job: string, error: unknown) => void,
): Promise<Map<string, ClaimedRun[]>> {
  const claimed = new Map<string, ClaimedRun[]>(due.map(({ job }) => [job, []]));
  const all = due.flatMap(({ job, items }) => items.map((item) => ({ job, ...item })));
  let done = 0;
  try {
    for (; done < all.length; done += CLAIM_CHUNK)
      for (const run of await claim(deps, all.slice(done, done + CLAIM_CHUNK)))
        claimed.get(run.job)?.push(run);
    return claimed;
  } catch {
    // Below, kind by kind: each failure is then logged against the kind it belongs to.
  }
  const rest = all.slice(done);
  for (const { job } of due) {
    const items = rest.filter((item) => item.job === job);
    try {
      for (let i = 0; i < items.length; i += CLAIM_CHUNK)
        claimed.get(job)?.push(...(await claim(deps, items.slice(i, i + CLAIM_CHUNK))));
    } catch (error) {
      fail(job, error);
    }
  }
  return claimed;
}

/** One INSERT for the whole chunk; RETURNING yields only the rows this call inserted. */
async function claim(deps: JobDeps, items: readonly (DueItem & { job: string })[]): Promise<ClaimedRun[]> {
  if (items.length === 0) return [];
  const at = deps.now.toISOString();
  const json = JSON.stringify(items.map((item) => ({ j: item.job, c: item.communityId, p: item.period })));
  const result = await sql<{ id: number; job: string; community_id: number; period: string }>`
    insert into job_runs (job, community_id, period, scheduled_at, claimed_at)
    select json_extract(value, '$.j'), json_extract(value, '$.c'), json_extract(value, '$.p'), ${at}, ${at}
    from json_each(${json}) where true
    on conflict (job, community_id, period) do nothing
    returning id, job, community_id, period
  `.execute(deps.db);
  return result.rows.map((row) => ({
    runId: row.id,
    job: row.job,
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

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
