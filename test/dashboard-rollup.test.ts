import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { jobDepsAt } from "../src/compose.ts";
import { addDays, isoWeek } from "../src/core/calendar.ts";
import { dashboardRollup, rollupWeeksFor } from "../src/features/dashboard/rollup-job.ts";
import {
  figureText,
  renderFor,
  seedDashboardCommunity,
  seedMembers,
  seedWeeks,
} from "./support/dashboard-seed.ts";
import { resetDb } from "./support/db.ts";
import { testEnv } from "./support/worker.ts";

// Friday 2027-03-05: the current period is 2027-W06..W09, the previous W02..W05, the chart's
// first week 2026-W51.
const NOW = new Date("2027-03-05T03:00:00Z");
const THIS_MONDAY = "2027-03-01";
/** Fourteen weeks back from this one, oldest first, each with its Monday. */
const WEEKS = Array.from({ length: 14 }, (_, i) => addDays(THIS_MONDAY, -7 * (13 - i))).map((monday) => ({
  monday,
  week: isoWeek(monday),
}));

beforeEach(resetDb);

/** A community whose 60 members are active in a varied pattern over the fourteen weeks. */
async function seedVaried(zone: string, salt: number): Promise<number> {
  const c = await seedDashboardCommunity(salt === 1 ? "en" : "id", zone);
  const ids = await seedMembers(c, `v${salt}`, 60, "2026-06-01");
  for (const [w, { monday, week }] of WEEKS.entries()) {
    const active = ids.filter((_, i) => (i * 7 + w * salt * 3) % 5 < 2 + (w % 3));
    for (let days = 1; days <= 4; days++) {
      const some = active.filter((id) => ((id + w) % 4) + 1 === days);
      if (some.length > 0) await seedWeeks(c, some, week, addDays(monday, days - 1), days);
    }
  }
  return c;
}

/** Runs the job as the dispatcher would on each Tuesday from the oldest week through today. */
async function rollUpAll() {
  for (const { monday } of WEEKS) {
    const day = addDays(monday, 8);
    if (day > "2027-03-05") continue;
    const deps = jobDepsAt(testEnv())(new Date(`${day}T01:00:00Z`));
    for (const item of await dashboardRollup.due(deps)) await dashboardRollup.run(deps, item);
  }
}

describe("the dashboard's weekly roll-up", () => {
  it("names the last week over in every zone: a Monday still rolls up the week before last", () => {
    expect(rollupWeeksFor("2027-03-02").week).toBe("2027-W08");
    expect(rollupWeeksFor("2027-03-01").week).toBe("2027-W07");
    expect(rollupWeeksFor("2027-03-07").week).toBe("2027-W08");
    expect(rollupWeeksFor("2027-03-02")).toMatchObject({ start: "2027-W05", earlierStart: "2027-W01" });
  });

  it("gives exactly the page the live computation gives, for every community, in one statement a week", async () => {
    const a = await seedVaried("UTC", 1);
    const b = await seedVaried("Asia/Jakarta", 2);
    const liveA = await renderFor(a, NOW);
    const liveB = await renderFor(b, NOW, "id", "Asia/Jakarta");
    await rollUpAll();
    const rows = await env.DB.prepare(
      "SELECT community_id, count(*) AS n FROM dashboard_week_rollup GROUP BY community_id ORDER BY community_id",
    ).all();
    expect(rows.results).toEqual([
      { community_id: a, n: 13 },
      { community_id: b, n: 13 },
    ]);
    const rolledA = await renderFor(a, NOW);
    const rolledB = await renderFor(b, NOW, "id", "Asia/Jakarta");
    expect(rolledA.html).toBe(liveA.html);
    expect(rolledB.html).toBe(liveB.html);
    expect(rolledA.statements).toBeLessThanOrEqual(20);
    // The figures are there to compare: not a page of "no data yet" on both sides.
    expect(figureText(rolledA.html, 7)).toMatch(/\d+ %/);
    expect(figureText(rolledA.html, 3)).toMatch(/2026-W52 \d+/);
  });

  it("rolls a finished week up once: later rows for it change neither the roll-up nor the page's finished weeks", async () => {
    const c = await seedVaried("UTC", 1);
    await rollUpAll();
    const before = await env.DB.prepare("SELECT * FROM dashboard_week_rollup ORDER BY week").all();
    const page = await renderFor(c, NOW);
    // Twenty more members turn up in 2026-W52 (a chart week the page no longer reads live).
    const late = await seedMembers(c, "late", 20, "2026-06-01");
    await seedWeeks(c, late, "2026-W52", "2026-12-28");
    const deps = jobDepsAt(testEnv())(new Date("2026-12-29T01:00:00Z"));
    expect(await dashboardRollup.due(deps)).toEqual([]);
    await dashboardRollup.run(deps, { communityId: 0, period: "2026-12-29" });
    expect((await env.DB.prepare("SELECT * FROM dashboard_week_rollup ORDER BY week").all()).results).toEqual(
      before.results,
    );
    expect((await renderFor(c, NOW)).html).toBe(page.html);
  });

  it("has nothing due for a community without activity in the finished week", async () => {
    await seedDashboardCommunity();
    expect(await dashboardRollup.due(jobDepsAt(testEnv())(NOW))).toEqual([]);
  });
});
