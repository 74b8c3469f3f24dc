import { addDays, daysBetween, nthWeekdayOfMonth, weekdayOf, weekOfMonth } from "../../core/calendar.ts";
import { localToInstant } from "./zone.ts";

export const CADENCES = ["weekly", "biweekly", "monthly"] as const;
export type Cadence = (typeof CADENCES)[number];

/** A community's one meeting series. Days are local `YYYY-MM-DD`, times minutes since midnight. */
export interface MeetingSeries {
  readonly cadence: Cadence;
  /** The first meeting's day: biweekly counts from it, monthly takes its weekday-of-month. */
  readonly firstDay: string;
  readonly startMinute: number;
  readonly minutes: number;
  readonly timezone: string;
  readonly link: string | null;
}

/** One scheduled day changed: cancelled, or moved to another day and time. */
export type MeetingOverride =
  | { readonly day: string; readonly cancelled: true }
  | { readonly day: string; readonly cancelled: false; readonly toDay: string; readonly toMinute: number };

/** Days without meetings, both ends included. */
export interface Holiday {
  readonly startDay: string;
  readonly endDay: string;
  readonly name: string | null;
}

export interface Meeting {
  /** The day it happens (local). */
  readonly localDay: string;
  /** The day the series put it on; differs from `localDay` when moved. */
  readonly scheduledDay: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly link: string | null;
  readonly moved: boolean;
}

// Enough to look past long holiday stretches, never unbounded.
const MAX_STEPS = 1000;

/** The day of the series' `k`-th meeting (k = 0 is the first). */
export function scheduledDay(series: MeetingSeries, k: number): string {
  if (series.cadence === "weekly") return addDays(series.firstDay, 7 * k);
  if (series.cadence === "biweekly") return addDays(series.firstDay, 14 * k);
  return nthWeekdayOfMonth(series.firstDay, k, weekdayOf(series.firstDay), weekOfMonth(series.firstDay));
}

/** Whether a day falls on a holiday. */
export function holidayOn(holidays: readonly Holiday[], day: string): Holiday | undefined {
  return holidays.find((h) => h.startDay <= day && day <= h.endDay);
}

/**
 * The next `count` meetings not yet over at `from`: cancelled days and holidays skipped ("no
 * meeting falls on a holiday"), moved meetings at their new day and time, in time order.
 * With `until`, meetings that start after it may be left out (not all are): a caller that looks
 * no further, such as the scheduler's due checks, gets the same meetings up to `until` for fewer
 * zone conversions.
 */
export function upcomingMeetings(
  series: MeetingSeries,
  overrides: readonly MeetingOverride[],
  holidays: readonly Holiday[],
  from: Date,
  count: number,
  until?: Date,
): Meeting[] {
  const byDay = new Map(overrides.map((o) => [o.day, o]));
  const meetings: Meeting[] = [];
  // A moved meeting may land before later scheduled ones, or come from a day weeks ahead: keep
  // looking past `count` meetings, as far as the latest day any meeting was moved to or from,
  // then sort.
  const latestMove = overrides.reduce((max, o) => (!o.cancelled && o.toDay > max ? o.toDay : max), "");
  const lastMoved = overrides.reduce((max, o) => (!o.cancelled && o.day > max ? o.day : max), "");
  // Skip whole periods before `from`, a week early for the zone's offset, and earlier still for a
  // meeting scheduled before `from` but moved to after it.
  const utcDay = addDays(from.toISOString().slice(0, 10), -1);
  const fromDay = overrides.reduce(
    (min, o) => (!o.cancelled && o.toDay >= utcDay && o.day < min ? o.day : min),
    utcDay,
  );
  const surelyOver = addDays(utcDay, -1);
  // A local day two days past `until` (UTC) starts after it in any zone. Past that and past every
  // moved meeting's scheduled day, nothing left can start by `until`.
  const pastUntil = until ? addDays(until.toISOString().slice(0, 10), 2) : null;
  const step = series.cadence === "weekly" ? 7 : series.cadence === "biweekly" ? 14 : 0;
  let k = step > 0 ? Math.max(0, Math.floor((daysBetween(series.firstDay, fromDay) - 7) / step)) : 0;
  for (let steps = 0; steps < MAX_STEPS; steps++, k++) {
    const day = scheduledDay(series, k);
    if (meetings.length >= count && day > latestMove && day > lastMoved) break;
    if (pastUntil !== null && day >= pastUntil && day > lastMoved) break;
    const override = byDay.get(day);
    if (override?.cancelled) continue;
    const localDay = override ? override.toDay : day;
    const minute = override ? override.toMinute : series.startMinute;
    // Ended before `from` whatever the zone and length (at most 10 hours, from 23:59 local):
    // skipped without asking the zone, the costly part.
    if (localDay < surelyOver || (pastUntil !== null && localDay >= pastUntil)) continue;
    if (holidayOn(holidays, localDay)) continue;
    const startsAt = localToInstant(localDay, minute, series.timezone);
    const endsAt = new Date(startsAt.getTime() + series.minutes * 60_000);
    if (endsAt <= from) continue;
    meetings.push({ localDay, scheduledDay: day, startsAt, endsAt, link: series.link, moved: !!override });
  }
  return meetings.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()).slice(0, count);
}

/** The first meeting's day: the next `weekday` at `startMinute` local, today if still ahead. */
export function firstMeetingDay(
  now: Date,
  timezone: string,
  today: string,
  weekday: number,
  startMinute: number,
): string {
  const ahead = (weekday - weekdayOf(today) + 7) % 7;
  const day = addDays(today, ahead);
  return localToInstant(day, startMinute, timezone) > now ? day : addDays(day, 7);
}

/** Whether the series puts a meeting on `day` (before any cancellation or move). */
export function isScheduledDay(series: Pick<MeetingSeries, "cadence" | "firstDay">, day: string): boolean {
  const diff = daysBetween(series.firstDay, day);
  if (diff < 0) return false;
  if (series.cadence !== "monthly") return diff % (series.cadence === "weekly" ? 7 : 14) === 0;
  const months = (Number(day.slice(0, 4)) - Number(series.firstDay.slice(0, 4))) * 12;
  return (
    scheduledDay(
      series as MeetingSeries,
      months + Number(day.slice(5, 7)) - Number(series.firstDay.slice(5, 7)),
    ) === day
  );
}
