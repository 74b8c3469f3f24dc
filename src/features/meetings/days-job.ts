import { translator } from "../../core/i18n/index.ts";
import type { Community } from "../../core/model.ts";
import type { Db } from "../../db/client.ts";
import { communityById } from "../../db/communities.ts";
import type { JobDeps } from "../../jobs/job-kind.ts";
import { calendarsNear, type DueCalendar, type MeetingCommunity } from "./calendars-job.ts";
import { announceHorizonMs, REMIND_HORIZON_MS } from "./moments.ts";
import type { MeetingCalendar } from "./reads.ts";
import { type Meeting, upcomingMeetings } from "./schedule.ts";

export type { DueCalendar, MeetingCommunity } from "./calendars-job.ts";

/** Communities that have a meeting series: the only ones the meeting jobs look at. */
export async function meetingCommunities(db: Db, communityId?: number): Promise<MeetingCommunity[]> {
  let query = db
    .selectFrom("communities as c")
    .innerJoin("meeting_series as s", "s.community_id", "c.id")
    .select(["c.id", "c.timezone", "c.main_channel_id", "c.announce_days", "c.remind_day", "c.remind_hour"]);
  if (communityId !== undefined) query = query.where("c.id", "=", communityId);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    timezone: r.timezone,
    mainChannelId: r.main_channel_id,
    announceDays: r.announce_days,
    remindDay: r.remind_day === 1,
    remindHour: r.remind_hour === 1,
  }));
}

/**
 * What one dispatch reads, shared by the three meeting jobs' `due`: the dispatcher hands them the
 * same deps (one moment), so every community's calendar near that moment is read once, in one
 * statement (`calendarsNear`), not three times nor once per community. The setup checklist's
 * `upcoming` reads one community's whole calendar, once per request.
 * Runs get their own deps per queue message, so nothing outlives the moment it was read for.
 */
const perDispatch = new WeakMap<
  JobDeps,
  { due?: Promise<DueCalendar[]>; calendars: Map<number, Promise<MeetingCalendar>> }
>();

function cacheOf(deps: JobDeps) {
  let cache = perDispatch.get(deps);
  if (!cache) {
    cache = { calendars: new Map() };
    perDispatch.set(deps, cache);
  }
  return cache;
}

/** Every community with a series and its calendar near `deps.now`: one statement per dispatch. */
export function dueCalendars(deps: JobDeps): Promise<DueCalendar[]> {
  const cache = cacheOf(deps);
  cache.due ??= calendarsNear(deps.db, deps.now);
  return cache.due;
}

/** The next meetings in a calendar not yet over at `now` (pure: the due checks' one computation). */
export function meetingsIn(calendar: MeetingCalendar, timezone: string, now: Date, count: number): Meeting[] {
  if (!calendar.series) return [];
  const series = { ...calendar.series, timezone };
  return upcomingMeetings(series, calendar.overrides, calendar.holidays, now, count);
}

const comingByCalendar = new WeakMap<DueCalendar, { at: number; meetings: Meeting[] }>();

/**
 * The next `LOOK_AHEAD` meetings of a due calendar at `now` as far ahead as an announcement or a
 * reminder can be due, computed once for both. Meetings further off may be left out: neither is
 * due for them.
 */
export function dueMeetings(entry: DueCalendar, now: Date): Meeting[] {
  const known = comingByCalendar.get(entry);
  if (known?.at === now.getTime()) return known.meetings;
  const { calendar, community } = entry;
  const ahead = Math.max(announceHorizonMs(community.announceDays), REMIND_HORIZON_MS);
  const until = new Date(now.getTime() + ahead);
  const meetings = calendar.series
    ? upcomingMeetings(
        { ...calendar.series, timezone: community.timezone },
        calendar.overrides,
        calendar.holidays,
        now,
        LOOK_AHEAD,
        until,
      )
    : [];
  comingByCalendar.set(entry, { at: now.getTime(), meetings });
  return meetings;
}

/** A community's whole calendar, read once per request (the checklist's `upcoming`). */
export function calendarOf(deps: JobDeps, communityId: number): Promise<MeetingCalendar> {
  const { calendars } = cacheOf(deps);
  let calendar = calendars.get(communityId);
  if (!calendar) {
    calendar = deps.store.meetings.calendar(communityId);
    calendars.set(communityId, calendar);
  }
  return calendar;
}

/** The next meetings of a community not yet over at `deps.now` (the jobs' clock, never the wall's). */
export async function comingMeetings(
  deps: JobDeps,
  community: MeetingCommunity,
  count: number,
): Promise<{ calendar: MeetingCalendar; meetings: Meeting[] }> {
  const calendar = await calendarOf(deps, community.id);
  return { calendar, meetings: meetingsIn(calendar, community.timezone, deps.now, count) };
}

/** The community as core sees it (language, zone), with its translator. */
export async function coreCommunity(deps: JobDeps, communityId: number) {
  const community: Community | null = await communityById(deps.db, communityId);
  return community ? { community, t: translator(community.locale) } : null;
}

/** How many coming meetings a job looks at: enough for a 14-day announcement of a weekly series. */
export const LOOK_AHEAD = 6;
