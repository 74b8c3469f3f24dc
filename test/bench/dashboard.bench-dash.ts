/**
 * The workerd half of `npm run bench:dashboard` (scripts/bench/dashboard.ts runs it through vitest
 * with vitest.bench-dashboard.config.ts): seeds a 100,000-member community with a year of history
 * in the local D1 (real migrations), then renders the health page's content five times and prints
 * one `BENCH_DASHBOARD {json}` line: the median time and the D1 statements of one render.
 */
import { env } from "cloudflare:workers";
import { expect, it } from "vitest";
import { addDays } from "../../src/core/calendar.ts";
import { translator } from "../../src/core/i18n/index.ts";
import { createDb } from "../../src/db/client.ts";
import { renderDashboardContent } from "../../src/features/dashboard/content.ts";
import { rollupWeeksFor } from "../../src/features/dashboard/rollup-job.ts";
import { rollupWeekQuery } from "../../src/features/dashboard/rollup-store.ts";
import { countingD1 } from "../support/counting-d1.ts";
import { seedDashboardBench } from "./dashboard-seed.ts";

const MEMBERS = 100_000;
const NOW = new Date("2027-03-05T09:00:00Z");
const ROUNDS = 5;

it("renders the health page of a 100,000-member community with a year of history", {
  timeout: 600_000,
}, async () => {
  const seedStart = performance.now();
  const communityId = await seedDashboardBench(MEMBERS, "2027-03-05");
  const seedMs = performance.now() - seedStart;
  const rows = await env.DB.prepare("SELECT count(*) AS n FROM member_activity_weeks").first<{ n: number }>();
  // The dashboard-rollup job's daily runs over the chart's finished weeks (the Tuesday after each),
  // as production would have done them: the page then reads those weeks from the roll-up.
  const rollupStart = performance.now();
  for (let back = 11; back >= 1; back--) {
    const day = addDays("2027-03-02", -7 * (back - 1));
    const q = rollupWeekQuery(createDb(env.DB), rollupWeeksFor(day), `${day}T00:00:00.000Z`);
    await env.DB.prepare(q.sql)
      .bind(...q.parameters)
      .run();
  }
  const rollupMs = performance.now() - rollupStart;
  const times: number[] = [];
  let statements = 0;
  let bytes = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const counting = countingD1(env.DB);
    const start = performance.now();
    const html = await renderDashboardContent({
      db: createDb(counting.d1),
      communityId,
      now: NOW,
      t: translator("en"),
      zone: "UTC",
    });
    // workerd's clock moves only on I/O: one tiny read after the render puts its CPU time (the
    // HTML built after the last statement) inside the measurement, at the price of one round trip.
    await env.DB.prepare("SELECT 1").first();
    times.push(performance.now() - start);
    statements = counting.counts.roundTrips;
    bytes = html.length;
    expect(html).toContain("8. Safety");
  }
  // Each statement timed on its own (local D1 runs them one at a time), to show where the time goes.
  const slowest: { sql: string; ms: number }[] = [];
  const timing = new Proxy(env.DB, {
    get(target, prop) {
      if (prop !== "prepare") return Reflect.get(target, prop, target);
      return (sql: string) => ({
        bind: (...values: unknown[]) => ({
          all: async () => {
            const start = performance.now();
            const result = await target
              .prepare(sql)
              .bind(...values)
              .all();
            slowest.push({ sql: sql.replace(/\s+/g, " ").slice(0, 90), ms: performance.now() - start });
            return result;
          },
        }),
      });
    },
  }) as D1Database;
  const serial = createDb(timing);
  await renderDashboardContent({ db: serial, communityId, now: NOW, t: translator("en"), zone: "UTC" });
  const sorted = [...times].sort((a, b) => a - b);
  const report = {
    members: MEMBERS,
    activityRows: rows?.n ?? 0,
    seedMs,
    rollupMs,
    medianMs: sorted[Math.floor(ROUNDS / 2)] ?? 0,
    firstMs: times[0] ?? 0,
    statements,
    bytes,
    statementsMs: slowest.map((q) => `${Math.round(q.ms)} ms ${q.sql}`),
  };
  console.log(`BENCH_DASHBOARD ${JSON.stringify(report)}`);
});
