import { addDays } from "../../core/calendar.ts";
import { DAY_MS } from "../../core/durations.ts";
import { localDay } from "../../core/local-time.ts";
import { assignHosts, dayRecords } from "../rotation/assign.ts";
import type { LedgerEntry, RotationState } from "../rotation/types.ts";
import type { MeetingClose } from "./day-ports.ts";
import type { MeetingCalendar } from "./reads.ts";
import { holidayOn, isScheduledDay, type Meeting, upcomingMeetings } from "./schedule.ts";
import { localToInstant } from "./zone.ts";

const WEEK_MS = 7 * DAY_MS;

/** A scheduled day the ledger should close, and from when. */
export interface DueClose {
  readonly scheduledDay: string;
  /** A meeting is held by default a day after it ended; a skipped day closes once it is over. */
  readonly at: Date;
  /** `hosted` closes name their host when they run (from the ledger at that moment). */
  readonly kind: MeetingClose["kind"];
  readonly reason: string;
  readonly meeting?: Meeting;
}

/**
 * Every scheduled day of the last `windowDays` (local) that can be closed at `now`: meetings a
 * day after they ended (held by default: nobody marked them), days that fell on a holiday
 * (`skipped`, the holiday's name as the reason) and cancelled days, once they are over. The
 * ledger keeps a record of each, so the rotation and the weekly digest see what happened.
 */
export function closesDue(
  calendar: MeetingCalendar,
  timezone: string,
  now: Date,
  windowDays: number,
): DueClose[] {
  const series = calendar.series;
  if (!series) return [];
  const zoned = { ...series, timezone };
  const today = localDay(now, timezone);
  const overrides = new Map(calendar.overrides.map((o) => [o.day, o]));
  const due: DueClose[] = [];
  // Held by default: every meeting that started in the window, by its scheduled day (a meeting
  // moved days later is found by when it happened, not by the day it was first put on).
  const from = new Date(now.getTime() - (windowDays + 1) * DAY_MS);
  for (const meeting of pastMeetings(calendar, timezone, from, now))
    due.push({
      scheduledDay: meeting.scheduledDay,
      at: new Date(meeting.endsAt.getTime() + DAY_MS),
      kind: "hosted",
      reason: "default",
      meeting,
    });
  for (let day = addDays(today, -windowDays); day <= today; day = addDays(day, 1)) {
    if (!isScheduledDay(zoned, day)) continue;
    const override = overrides.get(day);
    if (override?.cancelled) {
      due.push({
        scheduledDay: day,
        at: localToInstant(addDays(day, 1), 0, timezone),
        kind: "cancelled",
        reason: "cancelled",
      });
      continue;
    }
    const meetingDay = override ? override.toDay : day;
    const holiday = holidayOn(calendar.holidays, meetingDay);
    if (holiday)
      due.push({
        scheduledDay: day,
        at: localToInstant(addDays(meetingDay, 1), 0, timezone),
        kind: "skipped",
        reason: holiday.name ?? "holiday",
      });
  }
  return due.filter((d) => d.at <= now);
}

/** Meetings that started between `from` and `now` (holidays and cancelled days left out). */
export function pastMeetings(calendar: MeetingCalendar, timezone: string, from: Date, now: Date): Meeting[] {
  if (!calendar.series) return [];
  const series = { ...calendar.series, timezone };
  // As many as can have started in between, and no more (each costs a zone conversion, and the
  // close's due check runs for every community each tick): one scheduled day a week at most, two
  // more for the zone's offset and a meeting still running at `from`, one more to spare, and every
  // moved day (it may land in between).
  const weeks = Math.ceil((now.getTime() - from.getTime()) / WEEK_MS);
  const count = Math.max(0, weeks) + 3 + calendar.overrides.length;
  // Meetings after `now` need not even be converted (`until`).
  return upcomingMeetings(series, calendar.overrides, calendar.holidays, from, count, now).filter(
    (m) => m.startsAt <= now,
  );
}

/** Whether the ledger already closed a day (held, skipped or cancelled). */
export function isClosed(state: RotationState, scheduledDay: string): boolean {
  const day = dayRecords(state.ledger).get(scheduledDay);
  return !!day && (day.skipped || day.hosted !== null);
}

/**
 * Who hosts (or hosted) a meeting: the member the ledger committed to it (the announcement's
 * `assigned` entry, a pass, a swap, a volunteer), else the fair choice as of that day.
 */
export function hostOf(state: RotationState, scheduledDay: string): string | null {
  const committed = committedHost(state.ledger, scheduledDay);
  if (committed !== null) return committed;
  const [plan] = assignHosts(state, [scheduledDay], localToInstant(scheduledDay, 0, state.timezone));
  return plan?.memberId ?? null;
}

/**
 * The host the ledger committed to a meeting (held by, or assigned, passed to, swapped to), from
 * that day's entries alone; null when nothing commits it yet (then only the rotation can tell).
 */
export function committedHost(entries: readonly LedgerEntry[], scheduledDay: string): string | null {
  const day = dayRecords(entries).get(scheduledDay);
  if (day?.hosted) return day.hosted;
  return day?.pinned && !day.passers.has(day.pinned) ? day.pinned : null;
}
