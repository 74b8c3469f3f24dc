import {
  type Holiday,
  holidayOn,
  type MeetingOverride,
  type MeetingSeries,
  upcomingMeetings,
} from "./schedule.ts";

/** A meeting day the series would have had, left out because a holiday falls on it. */
export interface HolidaySkip {
  /** The day the series put it on. */
  readonly scheduledDay: string;
  readonly holiday: Holiday;
}

/**
 * The series' days from `from` up to `untilDay` (included) that a holiday takes away, so a list
 * of upcoming meetings can say "no meeting on Tuesday, 9 March (Idul Fitri)" instead of leaving a
 * member to wonder why a week is missing. The same rule as `upcomingMeetings`: a cancelled day is
 * not a skip, a moved meeting counts on the day it moved to.
 */
export function holidaySkips(
  series: MeetingSeries,
  overrides: readonly MeetingOverride[],
  holidays: readonly Holiday[],
  from: Date,
  untilDay: string,
): HolidaySkip[] {
  if (holidays.length === 0) return [];
  // Every meeting as if no day were a holiday, as many as could fit before `untilDay`.
  const all = upcomingMeetings(series, overrides, [], from, holidays.length + 60);
  const skips: HolidaySkip[] = [];
  for (const meeting of all) {
    if (meeting.localDay > untilDay) break;
    const holiday = holidayOn(holidays, meeting.localDay);
    if (holiday) skips.push({ scheduledDay: meeting.scheduledDay, holiday });
  }
  return skips;
}
