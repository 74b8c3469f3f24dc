import { createMessageBatch } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { jobDepsAt } from "../src/compose.ts";
import { weeklyDigest } from "../src/features/digest/jobs.ts";
import { consumeJobs } from "../src/jobs/consumer.ts";
import { dispatchDueJobs } from "../src/jobs/dispatcher.ts";
import type { JobMessage } from "../src/jobs/job-message.ts";
import { resetDb } from "./support/db.ts";
import { drain, QUICK_PACE, seedCommunity, testDelivery } from "./support/delivery.ts";
import { DIGEST_AT, seedWeek } from "./support/digest.ts";
import { countWhere } from "./support/membership.ts";
import { RecordingQueue } from "./support/queue.ts";
import { resetStandins, sentTo, testEnv } from "./support/worker.ts";

const KINDS = [weeklyDigest];
const outbox = new RecordingQueue();
const depsAt = jobDepsAt(testEnv({ OUTBOX: outbox.asQueue() }));
const later = (minutes: number) => new Date(DIGEST_AT.getTime() + minutes * 60_000);

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outbox.take();
});

/** One cron tick: due work claimed, each claimed message delivered twice to the JOBS consumer. */
async function tick(at: Date): Promise<JobMessage[]> {
  const jobs = new RecordingQueue();
  await dispatchDueJobs(depsAt(at), jobs.asQueue(), KINDS);
  const messages = jobs.take().map((m) => m.body as JobMessage);
  const bodies = [...messages, ...messages];
  const batch = createMessageBatch(
    "guyub-jobs",
    bodies.map((body, i) => ({ id: `m${i}`, timestamp: at, attempts: 1, body })),
  );
  await consumeJobs(batch, depsAt, KINDS);
  return messages;
}

/** Delivers what the job queued; returns the Slack posts the stand-in received. */
async function deliver() {
  const { deps, queue } = testDelivery({ clock: () => later(1), paceScale: QUICK_PACE });
  await drain(
    deps,
    queue,
    outbox.take().map((m) => (m.body as { id: number }).id),
  );
  return (await sentTo("slack")).filter((c) => c.method === "chat.postMessage");
}

describe("the weekly-digest job", () => {
  it("run twice (cron twice, messages redelivered, a lost claim run again) → posted once", async () => {
    const community = await seedWeek("slack", "en");
    expect(await tick(later(-15))).toEqual([]); // 07:45 in Jakarta: not yet
    const first = await tick(DIGEST_AT);
    expect(first.map((m) => m.period)).toEqual(["2027-W10"]);
    expect(await tick(later(15))).toEqual([]); // the week is claimed
    // Even a second run of the same week (a claim lost and made again) posts nothing more.
    const deps = depsAt(later(30));
    expect(await weeklyDigest.run(deps, { communityId: community.id, period: "2027-W10" })).toEqual({
      status: "skipped",
      reason: "already posted this week (/copmod digest send)",
    });
    const posts = await deliver();
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toMatchObject({ channel: "C0GENERAL" });
    expect(JSON.stringify(posts[0]?.body)).toContain("Weekly digest");
    expect(await countWhere("outbox", "idempotency_key = 'digest:2027-W10'")).toBe(1);
    // The archived topic was reported with that post, once.
    expect(await countWhere("topics", "status = 'archived' AND archive_reported = 1")).toBe(1);
  });

  it("the outbox key alone keeps a second run of the week from posting again", async () => {
    const community = await seedWeek("slack", "en");
    const item = { communityId: community.id, period: "2027-W10" };
    const run = async (at: Date) => {
      const deps = depsAt(at);
      // As if the posted() check had raced: both runs build and write their draft.
      const reads = { ...deps.store.digest, posted: async () => false };
      await weeklyDigest.run({ ...deps, store: { ...deps.store, digest: reads } }, item);
    };
    await run(DIGEST_AT);
    await run(later(1));
    expect(await deliver()).toHaveLength(1);
  });

  it("follows the community's weekday and time, and posts nothing while off", async () => {
    await seedWeek("slack", "en");
    // Friday 17:00 in Jakarta.
    await env.DB.prepare("UPDATE communities SET digest_weekday = 5, digest_minute = 1020").run();
    expect(await tick(DIGEST_AT)).toEqual([]);
    const friday = new Date("2027-03-12T10:00:00Z");
    await env.DB.prepare("UPDATE communities SET digest_enabled = 0").run();
    expect(await tick(friday)).toEqual([]);
    await env.DB.prepare("UPDATE communities SET digest_enabled = 1").run();
    expect((await tick(friday)).map((m) => m.period)).toEqual(["2027-W10"]);
    expect(await deliver()).toHaveLength(1);
  });

  it("a week with nothing to say says so in one line", async () => {
    const community = await seedCommunity("slack");
    await env.DB.prepare("UPDATE communities SET main_channel_id = 'C0GENERAL' WHERE id = ?")
      .bind(community.id)
      .run();
    await tick(new Date("2027-03-08T08:00:00Z"));
    const posts = await deliver();
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toMatchObject({
      text: "A quiet week in the community: nothing new to report. See you next week!",
    });
  });

  it("without a main channel the week is skipped, with the reason recorded", async () => {
    await seedCommunity("slack");
    await tick(new Date("2027-03-08T08:00:00Z"));
    const run = await env.DB.prepare("SELECT status, detail FROM job_runs").first();
    expect(run).toMatchObject({ status: "skipped" });
    expect(String(run?.detail)).toContain("no main channel");
    expect(await countWhere("outbox")).toBe(0);
  });
});
