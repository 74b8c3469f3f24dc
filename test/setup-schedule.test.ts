import { createMessageBatch } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { jobDepsAt } from "../src/compose.ts";
import { consumeJobs } from "../src/jobs/consumer.ts";
import { dispatchDueJobs } from "../src/jobs/dispatcher.ts";
import type { JobMessage } from "../src/jobs/job-message.ts";
import { JOB_KINDS } from "../src/jobs/registry.ts";
import { createUpcomingWork } from "../src/jobs/upcoming.ts";
import { resetDb } from "./support/db.ts";
import { RecordingQueue } from "./support/queue.ts";
import { communityId, GOOD, SETUP_AT, slackAt } from "./support/setup.ts";
import { MEMBER } from "./support/slack.ts";
import { outboxQueue, resetStandins, testEnv } from "./support/worker.ts";

const QUARTER_MS = 15 * 60 * 1000;
/** The kinds whose work members see: the ones that can appear in the checklist. */
const VISIBLE = new Set(JOB_KINDS.filter((kind) => kind.upcoming).map((kind) => kind.name));
const outbox = new RecordingQueue();
const depsAt = jobDepsAt(testEnv({ OUTBOX: outbox.asQueue() }));

/**
 * The real cron at `at`: every job kind's `due`, claimed in job_runs; the claimed runs members
 * would notice are then run by the real consumer. Returns them as `job period`.
 */
async function cronAt(at: Date): Promise<string[]> {
  const jobs = new RecordingQueue();
  await dispatchDueJobs(depsAt(at), jobs.asQueue(), JOB_KINDS);
  const visible = jobs
    .take()
    .map((m) => m.body as JobMessage)
    .filter((m) => VISIBLE.has(m.job));
  if (visible.length > 0) {
    const batch = createMessageBatch(
      "guyub-jobs",
      visible.map((body, i) => ({ id: `m${i}`, timestamp: at, attempts: 1, body })),
    );
    await consumeJobs(batch, depsAt, JOB_KINDS);
  }
  return visible.map((m) => `${m.job} ${m.period}`);
}

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
});

describe("the setup checklist's next three things", () => {
  it("are what the dispatcher then claims and runs, at those quarter-hours, in that order, and nothing before", async () => {
    const slack = slackAt(SETUP_AT);
    await slack.command("help", MEMBER);
    await slack.command("setup");
    const id = await communityId();
    const reply = JSON.stringify(await slack.submit(`setup.all:${id}`, GOOD));

    // What the checklist says, in words, and the plan it was made from.
    const plan = await createUpcomingWork(depsAt, JOB_KINDS).next(id, SETUP_AT, 3);
    expect(plan.map((p) => [p.at.toISOString(), p.job, p.period])).toEqual([
      ["2027-02-27T02:00:00.000Z", "meeting-announce", "2027-03-02"],
      ["2027-03-01T01:00:00.000Z", "weekly-digest", "2027-W09"],
      ["2027-03-01T12:00:00.000Z", "meeting-remind", "2027-03-02:24h"],
    ]);
    expect(reply).toContain("• Saturday 27 Feb, 09:00 GMT+7: announce the meeting of Tuesday 2 Mar");
    expect(reply).toContain("• Monday 1 Mar, 08:00 GMT+7: post the weekly digest");
    expect(reply).toContain(
      "• Monday 1 Mar, 19:00 GMT+7: remind everyone of the meeting of Tuesday 2 Mar, a day ahead",
    );

    // The cron every hour from the setup on (a missed quarter-hour's work is caught up at the next
    // run, and the shortest window, the hour reminder's, is an hour), and at each planned
    // quarter-hour and the one before it: members' work appears only at those three, in order.
    const moments = new Set<number>();
    const last = plan[2]?.at.getTime() ?? 0;
    for (let at = SETUP_AT.getTime() + QUARTER_MS; at <= last; at += 4 * QUARTER_MS) moments.add(at);
    for (const p of plan) moments.add(p.at.getTime()).add(p.at.getTime() - QUARTER_MS);
    const seen: [string, string][] = [];
    let afterFirst: string[] = [];
    for (const at of [...moments].sort((a, b) => a - b)) {
      for (const run of await cronAt(new Date(at))) seen.push([new Date(at).toISOString(), run]);
      // Asked again once the announcement ran, the plan no longer lists it (its period is claimed).
      if (at === plan[0]?.at.getTime())
        afterFirst = (await createUpcomingWork(depsAt, JOB_KINDS).next(id, new Date(at), 2)).map(
          (p) => `${p.job} ${p.period}`,
        );
    }
    expect(seen).toEqual(plan.map((p) => [p.at.toISOString(), `${p.job} ${p.period}`]));

    // And they ran: each claim done, its post in the outbox.
    const runs = await env.DB.prepare(
      "SELECT job, period, status FROM job_runs WHERE job IN ('meeting-announce', 'weekly-digest', 'meeting-remind') ORDER BY id",
    ).all();
    expect(runs.results).toEqual(plan.map((p) => ({ job: p.job, period: p.period, status: "done" })));
    expect(afterFirst).toEqual(["weekly-digest 2027-W09", "meeting-remind 2027-03-02:24h"]);

    const keys = await env.DB.prepare("SELECT idempotency_key FROM outbox ORDER BY id").all();
    expect(keys.results.map((r) => r.idempotency_key)).toEqual(
      expect.arrayContaining(["announce:2027-03-02", "digest:2027-W09", "remind:2027-03-02:24h"]),
    );
  }, 60_000);
});
