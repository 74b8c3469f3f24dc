import { addDays } from "../../core/calendar.ts";
import { DAY_MS, HOUR_MS, QUARTER_HOUR_MS } from "../../core/durations.ts";
import { localClock, localDay } from "../../core/local-time.ts";
import { type Holiday, holidayOn, type Meeting } from "./schedule.ts";
import { localToInstant } from "./zone.ts";

/**
 * How far ahead of its meeting a reminder can be due: its window opens the day before (23 to 25
 * hours, a clock change between), and a day covers any clock change there is.
 */
export const REMIND_HORIZON_MS = 2 * DAY_MS;

/**
 * How far ahead of its meeting an announcement can be due: 09:00 local `days` days before is at
 * most 15 hours (a 23:59 meeting) and a clock change more than `days` days ahead, never a day more.
 */
export const announceHorizonMs = (days: number) => (days + 1) * DAY_MS;

/** Announcements go out at 09:00 community time: a friendly hour, whatever the meeting's. */
export const ANNOUNCE_MINUTE = 9 * 60;

/**
 * The two reminders, by the period suffix their job claims: the day before (`24h`, its name since
 * the start: the same local time the day before, which is 23 or 25 hours across a DST change)
 * and an hour before (`1h`).
 */
export const REMINDERS = ["24h", "1h"] as const;
export type Reminder = (typeof REMINDERS)[number];

function floorQuarter(at: number): Date {
  return new Date(Math.floor(at / QUARTER_HOUR_MS) * QUARTER_HOUR_MS);
}

/**
 * The moment a reminder is meant for: an hour before the start, or the meeting's local time on
 * the day before (a 19:00 meeting is reminded at 19:00 the evening before, summer time or not).
 * The time is read from the start in the zone, so a moved meeting's new time counts.
 */
function remindAt(meeting: Meeting, which: Reminder, timezone: string): number {
  if (which === "1h") return meeting.startsAt.getTime() - HOUR_MS;
  const { day, minutes } = localClock(meeting.startsAt, timezone);
  return localToInstant(addDays(day, -1), minutes, timezone).getTime();
}

/**
 * When a meeting is announced: 09:00 local, `days` days before its day (at most an hour before it
 * starts, for an early meeting announced on its day). Past that moment and before the start it
 * is due at once, so a meeting scheduled less than `days` ahead is announced at the next run.
 */
export function announceAt(meeting: Meeting, days: number, timezone: string): Date {
  const planned = localToInstant(addDays(meeting.localDay, -days), ANNOUNCE_MINUTE, timezone);
  const latest = meeting.startsAt.getTime() - HOUR_MS;
  return planned.getTime() > latest ? new Date(latest) : planned;
}

/**
 * When a reminder is due: from the quarter-hour that contains its moment (the day before at the
 * meeting's local time, or an hour before; the cron runs each quarter-hour) until the next
 * reminder takes over (the 1-hour one) or the meeting starts. A missed cron catches up inside that
 * window, never after the start.
 */
export function reminderWindow(
  meeting: Meeting,
  which: Reminder,
  timezone: string,
): { from: Date; until: Date } {
  const from = floorQuarter(remindAt(meeting, which, timezone));
  const until = which === "24h" ? floorQuarter(remindAt(meeting, "1h", timezone)) : meeting.startsAt;
  return { from, until };
}

/** Whether a reminder is due at `now`: inside its window, and its own day is not a holiday. */
export function reminderDue(
  meeting: Meeting,
  which: Reminder,
  now: Date,
  holidays: readonly Holiday[],
  timezone: string,
): boolean {
  // Cheap refusals first (the scheduler asks this of every coming meeting of every community):
  // each window ends by the start and opens at most a day and a clock change before it.
  const ahead = meeting.startsAt.getTime() - now.getTime();
  if (ahead <= 0 || ahead > REMIND_HORIZON_MS) return false;
  const { from, until } = reminderWindow(meeting, which, timezone);
  if (now < from || now >= until) return false;
  // The meeting's own day is never a holiday (it would not be a meeting); the day before may be.
  return !holidayOn(holidays, localDay(from, timezone));
}
