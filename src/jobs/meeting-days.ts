import { translator } from "../core/i18n/index.ts";
import type { MeetingCalendar } from "../core/meetings/ports.ts";
import { type Meeting, upcomingMeetings } from "../core/meetings/schedule.ts";
import type { Community } from "../core/model.ts";
import type { Db } from "../db/client.ts";
import { communityById } from "../db/member-sync.ts";
import type { JobDeps } from "./registry.ts";

/** A community with a meeting series, and its announcement settings (one statement for all). */
export interface MeetingCommunity {
  readonly id: number;
  readonly timezone: string;
  readonly mainChannelId: string | null;
  readonly announceDays: number;
  readonly remindDay: boolean;
  readonly remindHour: boolean;
}

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
 * same deps (one moment), so the communities and each calendar are read once, not three times.
 * Runs get their own deps per queue message, so nothing outlives the moment it was read for.
 */
const perDispatch = new WeakMap<
  JobDeps,
  { communities?: Promise<MeetingCommunity[]>; calendars: Map<number, Promise<MeetingCalendar>> }
>();

function cacheOf(deps: JobDeps) {
  let cache = perDispatch.get(deps);
  if (!cache) {
    cache = { calendars: new Map() };
    perDispatch.set(deps, cache);
  }
  return cache;
}

/** Every community with a series, read once per dispatch. */
export function dueCommunities(deps: JobDeps): Promise<MeetingCommunity[]> {
  const cache = cacheOf(deps);
  cache.communities ??= meetingCommunities(deps.db);
  return cache.communities;
}

/** A community's calendar, read once per dispatch (or per run). */
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
  if (!calendar.series) return { calendar, meetings: [] };
  const series = { ...calendar.series, timezone: community.timezone };
  return {
    calendar,
    meetings: upcomingMeetings(series, calendar.overrides, calendar.holidays, deps.now, count),
  };
}

/** The community as core sees it (language, zone), with its translator. */
export async function coreCommunity(deps: JobDeps, communityId: number) {
  const community: Community | null = await communityById(deps.db, communityId);
  return community ? { community, t: translator(community.locale) } : null;
}

/** How many coming meetings a job looks at: enough for a 14-day announcement of a weekly series. */
export const LOOK_AHEAD = 6;
