import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { jobDepsAt } from "../src/compose.ts";
import { createDb } from "../src/db/client.ts";
import { createCommunityStore } from "../src/db/store.ts";
import { meetingCommunities } from "../src/features/meetings/days-job.ts";
import { dispatchDueJobs } from "../src/jobs/dispatcher.ts";
import type { JobMessage } from "../src/jobs/job-message.ts";
import { JOB_KINDS } from "../src/jobs/registry.ts";
import { countedJobDeps } from "./bench/counting-d1.ts";
import { seedCommunities } from "./support/communities-seed.ts";
import { resetDb } from "./support/db.ts";
import { MEETING_JOBS } from "./support/meetings.ts";
import { RecordingQueue } from "./support/queue.ts";
import { referenceDue } from "./support/reference-due.ts";
import { testEnv } from "./support/worker.ts";

// A Monday. The US change to summer time was the day before; Europe's and Australia's follow.
const AROUND = new Date("2027-03-15T09:00:00Z");
const QUARTER_MS = 15 * 60_000;
const HOUR_MS = 60 * 60_000;

beforeEach(resetDb);

/**
 * Every quarter-hour of the 30 hours across the US clock change (each community's 09:00 and
 * meeting times pass once), then every 7 hours for six weeks (Europe's and Australia's changes,
 * and every moved, cancelled and holiday day the seed placed).
 */
function moments(): Date[] {
  const all: Date[] = [];
  const start = Date.parse("2027-03-13T18:00:00Z");
  for (let i = 0; i < 4 * 30; i++) all.push(new Date(start + i * QUARTER_MS));
  const end = Date.parse("2027-04-08T00:00:00Z");
  for (let at = Date.parse("2027-02-22T00:00:00Z"); at < end; at += 7 * HOUR_MS) all.push(new Date(at));
  return all;
}

describe("the meeting jobs' due checks, set-based", () => {
  it("find exactly what the per-community checks found, at every moment, in every zone", async () => {
    // Four communities in each of the eleven zones, each with its own mix of cadence, time,
    // length, moves, cancellations, holidays and announcement and reminder settings.
    await seedCommunities(44, AROUND);
    const db = createDb(env.DB);
    const store = createCommunityStore(db, env.DB);
    const communities = await meetingCommunities(db);
    const calendars = new Map(
      await Promise.all(communities.map(async (c) => [c.id, await store.meetings.calendar(c.id)] as const)),
    );
    const depsAt = jobDepsAt(testEnv());
    const found = new Map<string, number>();
    for (const at of moments()) {
      const deps = depsAt(at);
      const got: string[] = [];
      for (const kind of MEETING_JOBS)
        for (const item of await kind.due(deps)) {
          got.push(`${kind.name} ${item.communityId} ${item.period}`);
          found.set(kind.name, (found.get(kind.name) ?? 0) + 1);
        }
      expect(got.sort(), at.toISOString()).toEqual(referenceDue(communities, calendars, at));
    }
    // Enough of each to mean something: every kind was due many times over.
    for (const kind of MEETING_JOBS) expect(found.get(kind.name), kind.name).toBeGreaterThan(100);
  }, 120_000);
});

/** One cron tick over every job kind, counting D1 statements; returns the count and the claims. */
async function tick(at: Date): Promise<{ statements: number; claims: Map<string, number> }> {
  const { deps, counts } = countedJobDeps(at);
  const jobs = new RecordingQueue();
  await dispatchDueJobs(deps, jobs.asQueue(), JOB_KINDS);
  const claims = new Map<string, number>();
  for (const { body } of jobs.take()) {
    const job = (body as JobMessage).job;
    claims.set(job, (claims.get(job) ?? 0) + 1);
  }
  return { statements: counts.statements, claims };
}

describe("a cron tick at scale", () => {
  it("makes the same number of D1 statements at 10, 100 and 1,000 communities (± 2), at most 50", async () => {
    // The first tick catches up on everything (announcements, closes, nudges…); the next ones
    // find little new. Each is compared with the same moment at 10 communities.
    const ticks = [AROUND, new Date(AROUND.getTime() + QUARTER_MS), new Date("2027-03-18T13:30:00Z")];
    const bySize = new Map<number, number[]>();
    let claimedAtScale = new Map<string, number>();
    for (const size of [10, 100, 1000]) {
      await resetDb();
      await seedCommunities(size, AROUND);
      const statements: number[] = [];
      for (const at of ticks) {
        const { statements: n, claims } = await tick(at);
        statements.push(n);
        if (size === 1000 && at === AROUND) claimedAtScale = claims;
      }
      bySize.set(size, statements);
    }
    const small = bySize.get(10) ?? [];
    for (const [size, statements] of bySize) {
      statements.forEach((n, i) => {
        expect(Math.abs(n - (small[i] ?? 0)), `${size} communities, tick ${i}: ${n}`).toBeLessThanOrEqual(2);
        expect(n).toBeLessThanOrEqual(50);
      });
    }
    // The thousand communities' first tick had work of every meeting kind, and plenty of it.
    expect(claimedAtScale.get("meeting-announce")).toBeGreaterThan(300);
    expect(claimedAtScale.get("meeting-remind")).toBeGreaterThan(20);
    expect(claimedAtScale.get("meeting-close")).toBeGreaterThan(300);
    expect(claimedAtScale.get("topic-refresh")).toBeGreaterThan(1000);
  }, 180_000);
});
