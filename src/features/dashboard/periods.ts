import { addDays, isoWeek, weekdayOf } from "../../core/calendar.ts";

/** Weeks in a period: "this month" on the page is four ISO weeks, so day and week figures agree. */
export const PERIOD_WEEKS = 4;
/** Weeks of the active-members chart. */
export const CHART_WEEKS = 12;

/**
 * The page's periods, as local days and ISO weeks: the current one is the four weeks ending with
 * today's (so this week counts, even half gone), the previous one the four before, and the one
 * before that (returning participants compare two periods, and their trend needs a third).
 */
export interface Periods {
  today: string;
  /** Today's ISO week, the current period's last. */
  thisWeek: string;
  /** First days (Mondays) of the current, previous and second-previous periods. */
  current: string;
  previous: string;
  earlier: string;
  /** Their ISO weeks. */
  currentWeek: string;
  previousWeek: string;
  earlierWeek: string;
  /** The first week of the chart, and each chart week in order. */
  chartWeeks: readonly string[];
  /** The activity figures' periods (3, 7 and figure 1's share): finished weeks only. */
  activity: ActivityPeriods;
}

/**
 * Figures 3 and 7 count members across four weeks (who was active in both periods, the most
 * active tenth): a sum of weekly counts cannot give that, and counting it live groups every
 * member-week of two periods (seconds at 100,000 members). So they cover the four FINISHED weeks
 * to last Sunday, which the `dashboard-rollup` job counts once each week is over (migrations/0022),
 * and the page reads one row; today's week still shows live in the weekly chart.
 */
export interface ActivityPeriods {
  /** The last finished week, and the first weeks of its period, the previous and the one before. */
  lastWeek: string;
  currentWeek: string;
  previousWeek: string;
  earlierWeek: string;
  /** The last finished week of the previous period (its roll-up row holds that period). */
  previousLastWeek: string;
  /** The current activity period's first and last days (Monday, Sunday). */
  start: string;
  end: string;
}

export function periodsOf(today: string): Periods {
  const monday = addDays(today, 1 - weekdayOf(today));
  const current = addDays(monday, -7 * (PERIOD_WEEKS - 1));
  const previous = addDays(current, -7 * PERIOD_WEEKS);
  const earlier = addDays(previous, -7 * PERIOD_WEEKS);
  const chartWeeks = Array.from({ length: CHART_WEEKS }, (_, i) =>
    isoWeek(addDays(monday, -7 * (CHART_WEEKS - 1 - i))),
  );
  const lastSunday = addDays(monday, -1);
  const activityStart = addDays(monday, -7 * PERIOD_WEEKS);
  const activity: ActivityPeriods = {
    lastWeek: isoWeek(lastSunday),
    currentWeek: isoWeek(activityStart),
    previousWeek: isoWeek(addDays(activityStart, -7 * PERIOD_WEEKS)),
    earlierWeek: isoWeek(addDays(activityStart, -14 * PERIOD_WEEKS)),
    previousLastWeek: isoWeek(addDays(activityStart, -1)),
    start: activityStart,
    end: lastSunday,
  };
  return {
    activity,
    today,
    thisWeek: isoWeek(today),
    current,
    previous,
    earlier,
    currentWeek: isoWeek(current),
    previousWeek: isoWeek(previous),
    earlierWeek: isoWeek(earlier),
    chartWeeks,
  };
}
