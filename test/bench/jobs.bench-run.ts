/**
 * The workerd half of `npm run bench:jobs` (scripts/bench-jobs.ts runs it through vitest with
 * vitest.bench-jobs.config.ts): times cron ticks over 1,000 communities (test/bench/cron-tick.ts),
 * then seeds 100,000 members in the local D1 and measures the nudge job's scan and fan-out against
 * the bare scan, its D1 statements and time per invocation, the digest build, and `/cop rotation
 * show` and `/cop meeting next` through the command handler (median of 20). Prints one
 * `BENCH_JOBS {json}` line for the Node side to report.
 */
import { env } from "cloudflare:workers";
import { expect, it } from "vitest";
import { translator } from "../../src/core/i18n/index.ts";
import { createDb } from "../../src/db/client.ts";
import { communityById } from "../../src/db/communities.ts";
import { createCommunityStore } from "../../src/db/store.ts";
import { buildDigest } from "../../src/features/digest/build.ts";
import { upcomingMeetings } from "../../src/features/meetings/schedule.ts";
import { sendNudges } from "../../src/features/nudges/jobs.ts";
import { nudgeTemplate } from "../../src/features/nudges/message.ts";
import { scanWindow } from "../../src/features/nudges/rules.ts";
import { bareScanQuery, fanOutPreviewQuery, fanOutQueries } from "../../src/features/nudges/scan-store.ts";
import { readNudgeSettings } from "../../src/features/nudges/store.ts";
import { nudgeTopics } from "../../src/features/nudges/topics-store.ts";
import type { JobDeps } from "../../src/jobs/job-kind.ts";
import { type CommandRun, measureCommands } from "./commands-at-scale.ts";
import { countingD1, type D1Counts } from "./counting-d1.ts";
import { type CronTick, measureCronTicks } from "./cron-tick.ts";
import { seedJobsCommunity } from "./jobs-seed.ts";

const MEMBERS = 100_000;
/** Rounds of the job's own JavaScript, timed between two D1 calls (workerd's clock moves on I/O only). */
const CPU_ROUNDS = 200;
const DAYS = 7;
const DAY_MS = 86_400_000;
const FIRST = Date.parse("2027-03-01T09:00:00Z");

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Wall time of one call, in ms (workerd's clock moves on I/O, and every call here is D1 I/O). */
async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await work();
  return [performance.now() - start, value];
}

it("measures the nudge job and the digest at 100,000 members, and a cron tick at 1,000 communities", {
  timeout: 600_000,
}, async () => {
  // First, in a fresh isolate: nothing has converted a meeting time yet, as in a new Worker.
  const ticks: CronTick[] = await measureCronTicks(1000);
  const seedStart = performance.now();
  const seed = await seedJobsCommunity(MEMBERS);
  const seedMs = performance.now() - seedStart;
  const db = createDb(env.DB);
  const community = await communityById(db, seed.communityId);
  if (!community) throw new Error("no community");
  const settings = await readNudgeSettings(db, community.id);

  const runs: (D1Counts & { bareMs: number; composedMs: number; jobMs: number; sent: number })[] = [];
  const topics = await nudgeTopics(db, community.id, null);
  const template = nudgeTemplate(community, translator(community.locale), null);
  for (let day = 0; day < DAYS; day++) {
    const now = new Date(FIRST + day * DAY_MS);
    const window = scanWindow(community.id, community.timezone, settings, now);
    const bare = bareScanQuery(db, window, settings.perDay);
    const bareTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const [ms] = await timed(() =>
        env.DB.prepare(bare.sql)
          .bind(...bare.parameters)
          .all(),
      );
      bareTimes.push(ms);
    }
    const preview = fanOutPreviewQuery(db, window, settings.perDay, template, topics.open, now);
    const composedTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const [ms] = await timed(() =>
        env.DB.prepare(preview.sql)
          .bind(...preview.parameters)
          .all(),
      );
      composedTimes.push(ms);
    }
    const counts: D1Counts = { statements: 0, roundTrips: 0, maxParams: 0, batchMs: 0 };
    const d1 = countingD1(env.DB, counts);
    const countedDb = createDb(d1);
    const sent: number[] = [];
    const deps: JobDeps = {
      db: countedDb,
      d1,
      store: createCommunityStore(countedDb, d1),
      outbox: { enqueue: async (ids) => void sent.push(...ids), requeue: async () => {} },
      now,
    };
    const [jobMs, result] = await timed(() => sendNudges(deps, community.id));
    expect(result).toEqual({ status: "done" });
    runs.push({
      bareMs: median(bareTimes),
      composedMs: median(composedTimes),
      jobMs,
      ...counts,
      sent: sent.length,
    });
  }

  // The invocation's own CPU: everything it computes besides waiting for D1 (the window, the next
  // meeting, the template in the community's language, compiling the statements), many times over.
  const calendar = await createCommunityStore(db, env.DB).meetings.calendar(community.id);
  await env.DB.prepare("SELECT 1").first();
  const cpuStart = performance.now();
  for (let i = 0; i < CPU_ROUNDS; i++) {
    const now = new Date(FIRST + i * 60_000);
    const window = scanWindow(community.id, community.timezone, settings, now);
    const series = calendar.series ? { ...calendar.series, timezone: community.timezone } : null;
    const next = series
      ? upcomingMeetings(series, calendar.overrides, calendar.holidays, now, 1)[0]
      : undefined;
    const t = translator(community.locale);
    const tpl = nudgeTemplate(community, t, next ? { ...next, topic: null } : null);
    fanOutQueries(db, window, settings.perDay, tpl, topics.open, now, now);
  }
  await env.DB.prepare("SELECT 1").first();
  const cpuMs = (performance.now() - cpuStart) / CPU_ROUNDS;

  const digestTimes: number[] = [];
  const store = createCommunityStore(db, env.DB);
  for (let i = 0; i < 3; i++) {
    const [ms] = await timed(() => buildDigest(store.digest, community, new Date(FIRST + DAYS * DAY_MS)));
    digestTimes.push(ms);
  }
  // Last: the rotation history it adds changes nothing the nudge job or the digest read.
  const commands: CommandRun[] = await measureCommands(community.id);
  const plan = await env.DB.prepare(
    `EXPLAIN QUERY PLAN ${bareScanQuery(db, scanWindow(community.id, "UTC", settings, new Date(FIRST)), 50).sql}`,
  )
    .bind(...bareScanQuery(db, scanWindow(community.id, "UTC", settings, new Date(FIRST)), 50).parameters)
    .all<{ detail: string }>();
  console.log(
    `BENCH_JOBS ${JSON.stringify({
      members: seed.members,
      quiet: seed.quiet,
      seedMs,
      perDay: settings.perDay,
      runs,
      digestMs: median(digestTimes),
      cpuMs,
      plan: plan.results.map((r) => r.detail),
      ticks,
      commands,
    })}`,
  );
});
