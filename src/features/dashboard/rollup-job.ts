import { addDays, isoWeek, weekdayOf } from "../../core/calendar.ts";
import { runBatch } from "../../db/client.ts";
import type { JobKind } from "../../jobs/job-kind.ts";
import { PERIOD_WEEKS } from "./periods.ts";
import { type RollupWeeks, rollupPending, rollupWeekQuery } from "./rollup-store.ts";

const NAME = "dashboard-rollup";

/**
 * The week a UTC day may roll up: the last ISO week that ended at least a day before it, so it is
 * over in every time zone (a local Sunday ends by Monday 12:00 UTC) whatever the community's.
 */
export function rollupWeeksFor(day: string): RollupWeeks {
  const yesterday = addDays(day, -1);
  const monday = addDays(addDays(yesterday, 1 - weekdayOf(yesterday)), -7);
  return {
    week: isoWeek(monday),
    start: isoWeek(addDays(monday, -7 * (PERIOD_WEEKS - 1))),
    earlierStart: isoWeek(addDays(monday, -7 * (2 * PERIOD_WEEKS - 1))),
  };
}

/**
 * The health page's weekly roll-up (migrations/0022): once a UTC day, if any community with
 * activity in the last finished week lacks its row (one statement over all communities), one
 * statement rolls that week up for every community. Time comes from the claimed period, never the
 * clock; the page computes any week without a row live, so a missed day costs speed, not figures.
 */
export const dashboardRollup: JobKind = {
  name: NAME,
  async due(deps) {
    const period = deps.now.toISOString().slice(0, 10);
    return (await rollupPending(deps.db, rollupWeeksFor(period).week)) ? [{ communityId: 0, period }] : [];
  },
  async run(deps, item) {
    const weeks = rollupWeeksFor(item.period);
    await runBatch(deps.d1, [rollupWeekQuery(deps.db, weeks, `${item.period}T00:00:00.000Z`)]);
    return { status: "done" };
  },
  /** Plumbing: members never notice it, and it runs whenever a finished week lacks its roll-up. */
  async nextRun() {
    return null;
  },
};
