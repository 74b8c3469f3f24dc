import { sql } from "kysely";
import { addDays } from "../../core/calendar.ts";
import type { Db } from "../../db/client.ts";
import type { MeetingCalendar } from "./reads.ts";
import type { HolidaysTable, MeetingOverridesTable, MeetingSeriesTable } from "./schema.ts";
import { holidayFromRow, overrideFromRow } from "./store.ts";

/** A community with a meeting series, and its announcement settings. */
export interface MeetingCommunity {
  readonly id: number;
  readonly timezone: string;
  readonly mainChannelId: string | null;
  readonly announceDays: number;
  readonly remindDay: boolean;
  readonly remindHour: boolean;
}

/** A community's settings and the part of its calendar the meeting jobs' due checks can see. */
export interface DueCalendar {
  readonly community: MeetingCommunity;
  readonly calendar: MeetingCalendar;
}

/** Scheduled days the close looks back over: a week of missed crons still closes its meetings. */
export const CLOSE_WINDOW_DAYS = 7;
/**
 * Days before `now` (UTC) the due checks look at: closes cover the last week of local days, and
 * the meetings that ended in the last 8 days start up to a week earlier, a day either way for the
 * zone.
 */
export const LOOK_BACK_DAYS = CLOSE_WINDOW_DAYS + 9;
/**
 * Days after `now` (UTC): an announcement goes out at most 14 days before its meeting
 * (`communities.announce_days` is at most 14), reminders a day before; a day for the zone.
 */
export const LOOK_AHEAD_DAYS = 16;

type OverrideRow = Pick<MeetingOverridesTable, "day" | "cancelled" | "to_day" | "to_minute">;
type HolidayRow = Pick<HolidaysTable, "start_day" | "end_day" | "name">;
interface CalendarRow extends Omit<MeetingSeriesTable, "community_id" | "updated_at"> {
  id: number;
  timezone: string;
  main_channel_id: string | null;
  announce_days: number;
  remind_day: number;
  remind_hour: number;
  overrides: string;
  holidays: string;
}

/**
 * Every community with a series and its calendar near `now`, in ONE statement whatever the number
 * of communities: the settings, the series, and as JSON the changed days and holidays that can
 * touch a meeting between `LOOK_BACK_DAYS` before and `LOOK_AHEAD_DAYS` after now. Meetings outside
 * that window are never due, and an override or holiday outside it cannot change one inside it.
 * One exception is kept exact: a day in the window moved long ago to a day since passed still
 * closes as skipped if that day is a holiday, so holidays on an override's new day come along.
 */
export async function calendarsNear(db: Db, now: Date): Promise<DueCalendar[]> {
  const today = now.toISOString().slice(0, 10);
  const since = addDays(today, -LOOK_BACK_DAYS);
  const until = addDays(today, LOOK_AHEAD_DAYS);
  const { rows } = await sql<CalendarRow>`
    SELECT c.id, c.timezone, c.main_channel_id, c.announce_days, c.remind_day, c.remind_hour,
      s.cadence, s.first_day, s.start_minute, s.minutes, s.link,
      (SELECT json_group_array(json_object(
          'day', o.day, 'cancelled', o.cancelled, 'to_day', o.to_day, 'to_minute', o.to_minute))
        FROM meeting_overrides o
        WHERE o.community_id = c.id AND (o.day >= ${since} OR o.to_day >= ${since})) AS overrides,
      (SELECT json_group_array(json_object('start_day', h.start_day, 'end_day', h.end_day, 'name', h.name))
        FROM holidays h
        WHERE h.community_id = c.id
          AND ((h.end_day >= ${since} AND h.start_day <= ${until})
            OR EXISTS (SELECT 1 FROM meeting_overrides m
              WHERE m.community_id = c.id AND m.day >= ${since}
                AND m.to_day BETWEEN h.start_day AND h.end_day))) AS holidays
    FROM meeting_series s JOIN communities c ON c.id = s.community_id
    ORDER BY c.id`.execute(db);
  return rows.map((row) => ({
    community: {
      id: row.id,
      timezone: row.timezone,
      mainChannelId: row.main_channel_id,
      announceDays: row.announce_days,
      remindDay: row.remind_day === 1,
      remindHour: row.remind_hour === 1,
    },
    calendar: {
      series: {
        cadence: row.cadence,
        firstDay: row.first_day,
        startMinute: row.start_minute,
        minutes: row.minutes,
        link: row.link,
      },
      overrides: (JSON.parse(row.overrides) as OverrideRow[]).map(overrideFromRow),
      // Ordered as the per-community read orders them: the first holiday on a day names it.
      holidays: (JSON.parse(row.holidays) as HolidayRow[])
        .sort((a, b) => (a.start_day < b.start_day ? -1 : a.start_day > b.start_day ? 1 : 0))
        .map(holidayFromRow),
    },
  }));
}
