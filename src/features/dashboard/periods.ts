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
}

export function periodsOf(today: string): Periods {
  const monday = addDays(today, 1 - weekdayOf(today));
  const current = addDays(monday, -7 * (PERIOD_WEEKS - 1));
  const previous = addDays(current, -7 * PERIOD_WEEKS);
  const earlier = addDays(previous, -7 * PERIOD_WEEKS);
  const chartWeeks = Array.from({ length: CHART_WEEKS }, (_, i) =>
    isoWeek(addDays(monday, -7 * (CHART_WEEKS - 1 - i))),
  );
  return {
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
