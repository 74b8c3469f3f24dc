import { localDay } from "../local-time.ts";
import { addDays } from "./calendar.ts";
import { type Holiday, holidayOn, type Meeting } from "./schedule.ts";
import { localToInstant } from "./zone.ts";

const HOUR_MS = 60 * 60 * 1000;
const QUARTER_MS = 15 * 60 * 1000;

/** Announcements go out at 09:00 community time: a friendly hour, whatever the meeting's. */
export const ANNOUNCE_MINUTE = 9 * 60;

/** The two reminders, by the period suffix their job claims. */
export const REMINDERS = ["24h", "1h"] as const;
export type Reminder = (typeof REMINDERS)[number];

const BEFORE: Record<Reminder, number> = { "24h": 24 * HOUR_MS, "1h": HOUR_MS };

function floorQuarter(at: number): Date {
  return new Date(Math.floor(at / QUARTER_MS) * QUARTER_MS);
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
 * When a reminder is due: from the quarter-hour that contains "24 h (or 1 h) before" (the cron
 * runs each quarter-hour) until the next reminder takes over (the 1-hour one) or the meeting
 * starts. A missed cron catches up inside that window, never after the start.
 */
export function reminderWindow(meeting: Meeting, which: Reminder): { from: Date; until: Date } {
  const start = meeting.startsAt.getTime();
  const from = floorQuarter(start - BEFORE[which]);
  const until = which === "24h" ? floorQuarter(start - BEFORE["1h"]) : meeting.startsAt;
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
  const { from, until } = reminderWindow(meeting, which);
  if (now < from || now >= until) return false;
  // The meeting's own day is never a holiday (it would not be a meeting); the day before may be.
  return !holidayOn(holidays, localDay(from, timezone));
}
