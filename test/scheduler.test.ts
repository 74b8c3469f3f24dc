import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  getQueueResult,
} from "cloudflare:test";
import { env } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { jobDepsAt } from "../src/compose.ts";
import worker from "../src/index.ts";
import { consumeJobs } from "../src/jobs/consumer.ts";
import { dispatchDueJobs, RESEND_CLAIMED_AFTER_MS } from "../src/jobs/dispatcher.ts";
import type { JobKind } from "../src/jobs/job-kind.ts";
import type { JobMessage } from "../src/jobs/job-message.ts";
import { dueDays, localClock, nextAtLocalMinute, quarterHoursAfter } from "../src/jobs/periods.ts";
import { JOB_KINDS } from "../src/jobs/registry.ts";
import { resetDb } from "./support/db.ts";
import { RecordingQueue } from "./support/queue.ts";
import { testEnv } from "./support/worker.ts";

const AT = new Date("2027-03-02T09:07:00Z");

beforeEach(resetDb);
afterEach(() => vi.restoreAllMocks());

/** A job that counts its runs, due for two communities each day. */
function countingJob(runs: string[], fail?: (period: string) => boolean): JobKind {
  return {
    name: "count",
    due: async (deps) =>
      [1, 2].map((communityId) => ({ communityId, period: deps.now.toISOString().slice(0, 10) })),
    run: async (_deps, item) => {
      if (fail?.(item.period)) throw new Error("platform down");
      runs.push(`${item.communityId}:${item.period}`);
      return { status: "done" };
    },
    nextRun: async () => null,
  };
}

const jobsOf = (queue: RecordingQueue) => queue.takeWork().map((m) => m.body as JobMessage);
const batchOf = (bodies: JobMessage[], attempts = 1) =>
  createMessageBatch(
    "guyub-jobs",
    bodies.map((body, i) => ({ id: `m${i}`, timestamp: new Date(), attempts, body })),
  );

describe("dispatcher", () => {
  it("run twice for one quarter-hour, it claims and queues each due item once", async () => {
    const queue = new RecordingQueue();
    const deps = jobDepsAt(testEnv())(AT);
    const first = await dispatchDueJobs(deps, queue.asQueue(), JOB_KINDS);
    const second = await dispatchDueJobs(deps, queue.asQueue(), JOB_KINDS);
    expect(first.claimed).toBe(2); // the delivery sweep and the daily housekeeping (past 03:00 UTC)
    expect(second.claimed).toBe(0);
    const sent = jobsOf(queue);
    expect(sent.map((m) => `${m.job} ${m.period}`).sort()).toEqual([
      "delivery-sweep 2027-03-02T09:00Z",
      "housekeeping 2027-03-02",
    ]);
    expect(sent.every((m) => m.at === AT.toISOString())).toBe(true);
  });

  it("a JOBS message delivered twice runs the job once", async () => {
    const runs: string[] = [];
    const kinds = [countingJob(runs)];
    const queue = new RecordingQueue();
    const depsAt = jobDepsAt(testEnv());
    await dispatchDueJobs(depsAt(AT), queue.asQueue(), kinds);
    const [message] = jobsOf(queue);
    const ctx = createExecutionContext();
    const batch = batchOf([message as JobMessage, message as JobMessage]);
    await consumeJobs(batch, depsAt, kinds);
    await consumeJobs(batchOf([message as JobMessage]), depsAt, kinds);
    expect(runs).toEqual(["1:2027-03-02"]);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks.sort()).toEqual(["m0", "m1"]);
    const run = await env.DB.prepare("SELECT status, attempts FROM job_runs WHERE community_id = 1").first();
    expect(run).toEqual({ status: "done", attempts: 1 });
  });

  it("a job that throws is marked failed and retried; the redelivery runs it", async () => {
    const runs: string[] = [];
    let down = true;
    // The failure is the point: the consumer logs it, and the log is asserted instead of printed.
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const kinds = [countingJob(runs, () => down)];
    const queue = new RecordingQueue();
    const depsAt = jobDepsAt(testEnv());
    await dispatchDueJobs(depsAt(AT), queue.asQueue(), kinds);
    const messages = jobsOf(queue);
    const ctx = createExecutionContext();
    const failing = batchOf(messages);
    await consumeJobs(failing, depsAt, kinds);
    expect((await getQueueResult(failing, ctx)).retryMessages).toHaveLength(2);
    expect(logged).toHaveBeenCalledWith("job failed; the queue will retry it", expect.anything());
    expect((await env.DB.prepare("SELECT DISTINCT status FROM job_runs").all()).results).toEqual([
      { status: "failed" },
    ]);
    down = false;
    await consumeJobs(batchOf(messages, 2), depsAt, kinds);
    expect(runs.sort()).toEqual(["1:2027-03-02", "2:2027-03-02"]);
  });

  it("a malformed message or an unknown job is acknowledged and logged, not retried forever", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const ctx = createExecutionContext();
    const batch = createMessageBatch("guyub-jobs", [
      { id: "bad", timestamp: new Date(), attempts: 1, body: { nonsense: true } },
      {
        id: "unknown",
        timestamp: new Date(),
        attempts: 1,
        body: { job: "nope", communityId: 1, period: "p", runId: 1, at: AT.toISOString() },
      },
    ]);
    await consumeJobs(batch, jobDepsAt(testEnv()), JOB_KINDS);
    expect((await getQueueResult(batch, ctx)).explicitAcks.sort()).toEqual(["bad", "unknown"]);
    expect(warn).toHaveBeenCalledTimes(2);
  });

  it("a claim whose queue message never arrived is sent again after 30 minutes", async () => {
    const runs: string[] = [];
    const kinds = [countingJob(runs)];
    const lost = new RecordingQueue();
    const depsAt = jobDepsAt(testEnv());
    await dispatchDueJobs(depsAt(AT), lost.asQueue(), kinds);
    lost.take(); // the queue never got them
    const queue = new RecordingQueue();
    const soon = await dispatchDueJobs(depsAt(new Date(AT.getTime() + 60_000)), queue.asQueue(), kinds);
    expect(soon).toEqual({ claimed: 0, resent: 0 });
    const later = await dispatchDueJobs(
      depsAt(new Date(AT.getTime() + RESEND_CLAIMED_AFTER_MS + 60_000)),
      queue.asQueue(),
      kinds,
    );
    expect(later).toEqual({ claimed: 0, resent: 2 });
    await consumeJobs(batchOf(jobsOf(queue)), depsAt, kinds);
    expect(runs.sort()).toEqual(["1:2027-03-02", "2:2027-03-02"]);
  });
});

describe("the Worker's scheduled and queue handlers", () => {
  it("a cron fired at a simulated time does that moment's work with that time", async () => {
    const jobs = new RecordingQueue();
    const scheduledTime = Date.parse("2027-06-01T03:15:00Z");
    await worker.scheduled(
      createScheduledController({ cron: "*/15 * * * *", scheduledTime }),
      testEnv({ JOBS: jobs.asQueue() }),
    );
    const sent = jobsOf(jobs);
    expect(sent.map((m) => `${m.job} ${m.period}`).sort()).toEqual([
      "delivery-sweep 2027-06-01T03:15Z",
      "housekeeping 2027-06-01",
    ]);
    await consumeJobs(batchOf(sent), jobDepsAt(testEnv()), JOB_KINDS);
    const runs = await env.DB.prepare("SELECT job, status FROM job_runs ORDER BY job").all();
    expect(runs.results).toEqual([
      { job: "delivery-sweep", status: "skipped" }, // nothing was pending
      { job: "housekeeping", status: "done" },
    ]);
  });

  it("a failing dispatch fails the cron run and is logged with its cause", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const jobs = {
      sendBatch: async () => {
        throw new Error("queue unavailable", { cause: "503 from the queue service" });
      },
    } as unknown as Queue;
    const run = worker.scheduled(
      createScheduledController({ cron: "*/15 * * * *", scheduledTime: AT.getTime() }),
      testEnv({ JOBS: jobs }),
    );
    // Every kind's send failed: each is logged with its cause, and the run's error names them all.
    await expect(run).rejects.toThrow(
      "job kinds failed this tick: delivery-sweep (queue unavailable); housekeeping (queue unavailable)",
    );
    expect(error).toHaveBeenCalledWith(
      "job kind failed this tick; the others carry on",
      expect.objectContaining({
        job: "housekeeping",
        error: "queue unavailable",
        cause: "503 from the queue service",
      }),
    );
    expect(error).toHaveBeenCalledWith(
      "scheduled dispatch failed",
      expect.objectContaining({ failed: ["delivery-sweep", "housekeeping"] }),
    );
  });

  it("a batch from a queue the Worker does not know is retried, never acknowledged", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const ctx = createExecutionContext();
    const batch = createMessageBatch("guyub-mystery", [
      { id: "x", timestamp: new Date(), attempts: 1, body: { id: 1 } },
    ]);
    await worker.queue(batch, testEnv());
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks).toEqual([]);
    expect(result.retryBatch.retry).toBe(true);
  });
});

describe("local time", () => {
  it("a daily job is due once its local time has come, across timezones", () => {
    // 09:00 in Jakarta (UTC+7) is 02:00 UTC.
    expect(dueDays(new Date("2027-03-02T01:59:00Z"), "Asia/Jakarta", 9 * 60, "2027-03-01", 0)).toEqual([]);
    expect(dueDays(new Date("2027-03-02T02:00:00Z"), "Asia/Jakarta", 9 * 60, "2027-03-01", 0)).toEqual([
      "2027-03-02",
    ]);
  });

  it("stays at 09:00 local across a daylight-saving change", () => {
    // New York moves from UTC-5 to UTC-4 on 2027-03-14.
    expect(dueDays(new Date("2027-03-13T13:59:00Z"), "America/New_York", 9 * 60, "2027-03-12", 0)).toEqual(
      [],
    );
    expect(dueDays(new Date("2027-03-13T14:00:00Z"), "America/New_York", 9 * 60, "2027-03-12", 0)).toEqual([
      "2027-03-13",
    ]);
    expect(dueDays(new Date("2027-03-14T12:59:00Z"), "America/New_York", 9 * 60, "2027-03-13", 0)).toEqual(
      [],
    );
    expect(dueDays(new Date("2027-03-14T13:00:00Z"), "America/New_York", 9 * 60, "2027-03-13", 0)).toEqual([
      "2027-03-14",
    ]);
    expect(localClock(new Date("2027-03-14T13:00:00Z"), "America/New_York")).toEqual({
      day: "2027-03-14",
      minutes: 540,
    });
  });

  it("catches up the days a missed cron left out, back to a limit", () => {
    const now = new Date("2027-03-05T10:00:00Z");
    expect(dueDays(now, "UTC", 9 * 60, "2027-03-02", 7)).toEqual(["2027-03-03", "2027-03-04", "2027-03-05"]);
    expect(dueDays(now, "UTC", 9 * 60, "2027-02-01", 2)).toEqual(["2027-03-03", "2027-03-04", "2027-03-05"]);
    expect(dueDays(now, "UTC", 9 * 60, undefined, 0)).toEqual(["2027-03-05"]);
  });

  it("finds the next quarter-hour at a local time, across a daylight-saving change", () => {
    const iso = (at: Date | null) => at?.toISOString();
    // 10:00 EST on Saturday; the clocks go forward that night, so Sunday's 10:00 is 23 hours on.
    const saturday = new Date("2027-03-13T15:00:00Z");
    expect(iso(nextAtLocalMinute(saturday, "America/New_York", 10 * 60))).toBe("2027-03-14T14:00:00.000Z");
    expect(iso(nextAtLocalMinute(new Date("2027-03-13T14:59:59Z"), "America/New_York", 10 * 60))).toBe(
      "2027-03-13T15:00:00.000Z",
    );
    // A minute the cron never runs at is never found.
    expect(nextAtLocalMinute(saturday, "UTC", 10 * 60 + 7)).toBeNull();
    expect(
      [...quarterHoursAfter(new Date("2027-03-02T09:07:00Z"), Date.parse("2027-03-02T09:45:00Z"))].map(iso),
    ).toEqual(["2027-03-02T09:15:00.000Z", "2027-03-02T09:30:00.000Z"]);
  });

  it("every job kind says when it will next act", async () => {
    const deps = jobDepsAt(testEnv())(AT);
    const next = await Promise.all(
      JOB_KINDS.map(async (kind) => [kind.name, (await kind.nextRun(deps, 0))?.toISOString()]),
    );
    expect(Object.fromEntries(next)).toEqual({
      "delivery-sweep": "2027-03-02T09:15:00.000Z",
      housekeeping: "2027-03-03T03:00:00.000Z",
      "member-sync": "2027-03-02T09:15:00.000Z", // never synced: at the next quarter-hour
      "welcome-followup": undefined, // community 0 is no community: nothing to follow up
      nudges: undefined, // nobody to nudge in no community
      "discord-activity": undefined, // not a Discord community: no channels to read
      "meeting-announce": undefined, // no meeting series: nothing to announce, remind or close
      "meeting-remind": undefined,
      "meeting-close": undefined,
      "topic-refresh": undefined, // community 0 is no community: no topics to choose
    });
  });
});
