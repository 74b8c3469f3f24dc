import type { OutboxDraft } from "../../core/delivery.ts";
import { shortDay } from "../../core/digest/dates.ts";
import type { Translator } from "../../core/i18n/index.ts";
import type { MeetingCalendar } from "./reads.ts";
import { type Holiday, holidayOn, type Meeting, upcomingMeetings } from "./schedule.ts";

/** A meeting the series would have had, taken away by a holiday. */
export interface TakenMeeting {
  readonly meeting: Meeting;
  readonly holiday: Holiday;
}

/**
 * The meetings a holiday takes away, not over at `now`, up to `until` (or the next `count`
 * meetings as if no day were a holiday): the same rule as `upcomingMeetings` (a cancelled day is
 * not one, a moved meeting counts on the day it moved to).
 */
export function takenByHolidays(
  calendar: MeetingCalendar,
  timezone: string,
  now: Date,
  count: number,
  until?: Date,
): TakenMeeting[] {
  if (!calendar.series || calendar.holidays.length === 0) return [];
  const series = { ...calendar.series, timezone };
  const taken: TakenMeeting[] = [];
  for (const meeting of upcomingMeetings(series, calendar.overrides, [], now, count, until)) {
    const holiday = holidayOn(calendar.holidays, meeting.localDay);
    if (holiday) taken.push({ meeting, holiday });
  }
  return taken;
}

/** The post's outbox key: one per taken meeting, by the day the series put it on. */
export const noticeKey = (scheduledDay: string) => `holiday:${scheduledDay}`;

/**
 * "No meeting on Tuesday 9 March: Idul Fitri. Next: Tuesday 16 March." in the main channel,
 * expiring when the meeting would have started.
 */
export function holidayNoticeDraft(
  t: Translator,
  taken: TakenMeeting,
  next: Meeting | null,
  channelId: string,
): OutboxDraft {
  const day = shortDay(t, taken.meeting.localDay);
  const holiday = taken.holiday.name ?? t("meeting.holidayPost.aHoliday");
  const lines = [t("meeting.holidayPost", { day, holiday })];
  if (next) lines.push(t("meeting.holidayPost.next", { next: shortDay(t, next.localDay) }));
  return {
    kind: "post",
    key: noticeKey(taken.meeting.scheduledDay),
    channelId,
    message: { visibility: "public", blocks: [{ type: "text", text: lines.join(" ") }] },
    expiresAt: taken.meeting.startsAt,
  };
}
