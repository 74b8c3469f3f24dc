import { addDays, daysBetween } from "../../src/core/calendar.ts";
import { localDay } from "../../src/core/local-time.ts";
import type { MeetingCommunity } from "../../src/features/meetings/days-job.ts";
import { announceAt, REMINDERS, reminderDue } from "../../src/features/meetings/moments.ts";
import type { MeetingCalendar } from "../../src/features/meetings/reads.ts";
import {
  type Holiday,
  holidayOn,
  isScheduledDay,
  type Meeting,
  type MeetingOverride,
  type MeetingSeries,
  scheduledDay,
} from "../../src/features/meetings/schedule.ts";
import { localToInstant } from "../../src/features/meetings/zone.ts";

/**
 * The meeting jobs' due checks as they were before the scheduler became set-based: every
 * community's whole calendar, read on its own, and the calendar rules as they stood (every coming
 * meeting converted, 40 looked at for the closes, no shortcut). The scale test holds the set-based
 * checks to exactly these answers.
 */
export function referenceDue(
  communities: readonly MeetingCommunity[],
  calendars: ReadonlyMap<number, MeetingCalendar>,
  now: Date,
): string[] {
  const due: string[] = [];
  for (const c of communities) {
    const calendar = calendars.get(c.id);
    if (!calendar?.series) continue;
    const series = { ...calendar.series, timezone: c.timezone };
    const meetings = upcoming(series, calendar.overrides, calendar.holidays, now, 6);
    if (c.mainChannelId)
      for (const m of meetings)
        if (m.startsAt > now && announceAt(m, c.announceDays, c.timezone) <= now)
          due.push(`meeting-announce ${c.id} ${m.scheduledDay}`);
    const reminders = REMINDERS.filter((which) => (which === "24h" ? c.remindDay : c.remindHour));
    if (c.mainChannelId)
      for (const m of meetings)
        for (const which of reminders)
          if (reminderDue(m, which, now, calendar.holidays, c.timezone))
            due.push(`meeting-remind ${c.id} ${m.scheduledDay}:${which}`);
    for (const day of closes(series, calendar, now, 7)) due.push(`meeting-close ${c.id} ${day}`);
  }
  return due.sort();
}

const DAY_MS = 86_400_000;

/**
 * `upcomingMeetings` as it was: every candidate converted, no `until`, with one fix made with the
 * set-based checks: it looks as far as a moved meeting's own day, so a meeting moved from weeks
 * ahead to this week is found (it was not, once `count` meetings came first).
 */
function upcoming(
  series: MeetingSeries,
  overrides: readonly MeetingOverride[],
  holidays: readonly Holiday[],
  from: Date,
  count: number,
): Meeting[] {
  const byDay = new Map(overrides.map((o) => [o.day, o]));
  const meetings: Meeting[] = [];
  const latestMove = overrides.reduce((max, o) => (!o.cancelled && o.toDay > max ? o.toDay : max), "");
  const lastMoved = overrides.reduce((max, o) => (!o.cancelled && o.day > max ? o.day : max), "");
  const utcDay = addDays(from.toISOString().slice(0, 10), -1);
  const fromDay = overrides.reduce(
    (min, o) => (!o.cancelled && o.toDay >= utcDay && o.day < min ? o.day : min),
    utcDay,
  );
  const step = series.cadence === "weekly" ? 7 : series.cadence === "biweekly" ? 14 : 0;
  let k = step > 0 ? Math.max(0, Math.floor((daysBetween(series.firstDay, fromDay) - 7) / step)) : 0;
  for (let steps = 0; steps < 1000; steps++, k++) {
    const day = scheduledDay(series, k);
    if (meetings.length >= count && day > latestMove && day > lastMoved) break;
    const override = byDay.get(day);
    if (override?.cancelled) continue;
    const localDay = override ? override.toDay : day;
    const minute = override ? override.toMinute : series.startMinute;
    if (holidayOn(holidays, localDay)) continue;
    const startsAt = localToInstant(localDay, minute, series.timezone);
    const endsAt = new Date(startsAt.getTime() + series.minutes * 60_000);
    if (endsAt <= from) continue;
    meetings.push({ localDay, scheduledDay: day, startsAt, endsAt, link: series.link, moved: !!override });
  }
  return meetings.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()).slice(0, count);
}

/** `closesDue` as it was (40 meetings looked at), as the scheduled days it claims. */
function closes(series: MeetingSeries, calendar: MeetingCalendar, now: Date, windowDays: number): string[] {
  const timezone = series.timezone;
  const today = localDay(now, timezone);
  const overrides = new Map(calendar.overrides.map((o) => [o.day, o]));
  const due: { day: string; at: Date }[] = [];
  const from = new Date(now.getTime() - (windowDays + 1) * DAY_MS);
  for (const m of upcoming(series, calendar.overrides, calendar.holidays, from, 40))
    if (m.startsAt <= now) due.push({ day: m.scheduledDay, at: new Date(m.endsAt.getTime() + DAY_MS) });
  for (let day = addDays(today, -windowDays); day <= today; day = addDays(day, 1)) {
    if (!isScheduledDay(series, day)) continue;
    const override = overrides.get(day);
    if (override?.cancelled) {
      due.push({ day, at: localToInstant(addDays(day, 1), 0, timezone) });
      continue;
    }
    const meetingDay = override ? override.toDay : day;
    if (holidayOn(calendar.holidays, meetingDay))
      due.push({ day, at: localToInstant(addDays(meetingDay, 1), 0, timezone) });
  }
  return due.filter((d) => d.at <= now).map((d) => d.day);
}
