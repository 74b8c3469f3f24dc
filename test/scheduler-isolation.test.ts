import { createScheduledController } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { jobDepsAt } from "../src/compose.ts";
import { weeklyDigest } from "../src/features/digest/jobs.ts";
import worker from "../src/index.ts";
import { deliverySweep } from "../src/jobs/delivery-sweep.ts";
import { DispatchError, dispatchDueJobs } from "../src/jobs/dispatcher.ts";
import type { DueItem, JobKind } from "../src/jobs/job-kind.ts";
import type { JobMessage } from "../src/jobs/job-message.ts";
import { resetDb } from "./support/db.ts";
import { RecordingQueue } from "./support/queue.ts";
import { testEnv } from "./support/worker.ts";

const AT = new Date("2027-03-02T09:07:00Z");

beforeEach(resetDb);

/** A kind with the given due work, or one whose due check throws `error`. */
function kind(name: string, due: DueItem[] | Error): JobKind {
  return {
    name,
    due: async () => {
      if (due instanceof Error) throw due;
      return due;
    },
    run: async () => ({ status: "done" }),
    nextRun: async () => null,
  };
}

const queued = (queue: RecordingQueue) =>
  queue
    .takeWork()
    .map((m) => `${(m.body as JobMessage).job} ${(m.body as JobMessage).communityId}`)
    .sort();
const claims = async () =>
  (
    await env.DB.prepare("SELECT job || ' ' || community_id AS claim FROM job_runs ORDER BY 1").all()
  ).results.map((r) => r.claim);

describe("each job kind is isolated", () => {
  it("a kind that throws is logged with its cause, every other kind still runs, then the tick fails naming each", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const queue = new RecordingQueue();
    const kinds = [
      kind("first", [{ communityId: 1, period: "p" }]),
      kind("calendars", new Error("D1_ERROR: overloaded", { cause: "too many requests" })),
      kind("middle", [{ communityId: 2, period: "p" }]),
      kind("digests", new Error("no such column: digest_minute")),
      kind("last", [{ communityId: 3, period: "p" }]),
    ];
    const run = dispatchDueJobs(jobDepsAt(testEnv())(AT), queue.asQueue(), kinds);
    await expect(run).rejects.toThrow(
      "job kinds failed this tick: calendars (D1_ERROR: overloaded); digests (no such column: digest_minute)",
    );
    await expect(run).rejects.toBeInstanceOf(DispatchError);
    expect(queued(queue)).toEqual(["first 1", "last 3", "middle 2"]);
    expect(await claims()).toEqual(["first 1", "last 3", "middle 2"]);
    expect(error).toHaveBeenCalledWith(
      "job kind failed this tick; the others carry on",
      expect.objectContaining({
        job: "calendars",
        error: "D1_ERROR: overloaded",
        cause: "too many requests",
      }),
    );
    expect(error).toHaveBeenCalledWith(
      "job kind failed this tick; the others carry on",
      expect.objectContaining({ job: "digests", error: "no such column: digest_minute" }),
    );
  });

  it("one kind's item that cannot be claimed fails that kind alone, not the others' claims", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const queue = new RecordingQueue();
    const kinds = [
      kind("good", [{ communityId: 1, period: "p" }]),
      // A period the claim's NOT NULL refuses: the one statement for every kind fails.
      kind("broken", [{ communityId: 2, period: null as unknown as string }]),
      kind("also-good", [{ communityId: 3, period: "p" }]),
    ];
    const run = dispatchDueJobs(jobDepsAt(testEnv())(AT), queue.asQueue(), kinds);
    await expect(run).rejects.toThrow(/^job kinds failed this tick: broken \(.*NOT NULL/);
    expect(queued(queue)).toEqual(["also-good 3", "good 1"]);
    expect(await claims()).toEqual(["also-good 3", "good 1"]);
  });

  it("the cron run: the other kinds' work is queued, and the run fails with one error naming every failed kind", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    vi.spyOn(deliverySweep, "due").mockRejectedValue(new Error("outbox read timed out"));
    vi.spyOn(weeklyDigest, "due").mockRejectedValue(new Error("digest settings unreadable"));
    const jobs = new RecordingQueue();
    const run = worker.scheduled(
      createScheduledController({ cron: "*/15 * * * *", scheduledTime: AT.getTime() }),
      testEnv({ JOBS: jobs.asQueue() }),
    );
    await expect(run).rejects.toThrow(
      "job kinds failed this tick: delivery-sweep (outbox read timed out); weekly-digest (digest settings unreadable)",
    );
    // The kinds after the first failing one still did their work (housekeeping was due).
    expect(queued(jobs)).toEqual(["housekeeping 0"]);
    expect(error).toHaveBeenCalledWith(
      "scheduled dispatch failed",
      expect.objectContaining({ failed: ["delivery-sweep", "weekly-digest"] }),
    );
  });
});
