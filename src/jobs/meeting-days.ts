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

/** The next meetings of a community not yet over at `deps.now` (the jobs' clock, never the wall's). */
export async function comingMeetings(
  deps: JobDeps,
  community: MeetingCommunity,
  count: number,
): Promise<{ calendar: MeetingCalendar; meetings: Meeting[] }> {
  const calendar = await deps.store.meetings.calendar(community.id);
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
