import { DAY_MS } from "../../core/durations.ts";
import { translator } from "../../core/i18n/index.ts";
import { unreadActivityChannels } from "../../db/activity-channels.ts";
import { runBatch } from "../../db/client.ts";
import { communityById } from "../../db/communities.ts";
import type { JobDeps, JobKind, JobResult } from "../../jobs/job-kind.ts";
import { dueDays, lastClaims, localClock, nextAtLocalMinute } from "../../jobs/periods.ts";
import { upcomingMeetings } from "../meetings/schedule.ts";
import { type NudgeMeeting, nudgeTemplate } from "./message.ts";
import { scanWindow } from "./rules.ts";
import { fanOutQueries } from "./scan-store.ts";
import { readNudgeSettings } from "./store.ts";
import { nudgeTopics } from "./topics-store.ts";

export const NUDGES_JOB = "nudges";
/** 09:00 community-local: a kind hour for a personal message. */
const AT_MINUTE = 9 * 60;
/** A nudge not sent within two days (or by the meeting it invites to) is not sent at all. */
const EXPIRES_MS = 2 * DAY_MS;

/**
 * Kind nudges, daily at 09:00 in each community's zone: members quiet for N days get one private
 * message (the next meeting and its topic, a topic matching their needs, three buttons). The scan
 * and the fan-out are SQL (`fanOutQueries`): nobody is loaded into the Worker, so a community of
 * 100,000 costs the same handful of statements as one of ten. A missed day is not run late.
 */
export const nudges: JobKind = {
  name: NUDGES_JOB,
  async due(deps) {
    const last = await lastClaims(deps.db, NUDGES_JOB);
    const communities = await deps.db.selectFrom("communities").select(["id", "timezone"]).execute();
    return communities.flatMap((c) => {
      const today = localClock(deps.now, c.timezone).day;
      return dueDays(deps.now, c.timezone, AT_MINUTE, last.get(c.id), 0)
        .filter((period) => period === today)
        .map((period) => ({ communityId: c.id, period }));
    });
  },
  run: (deps, item) => sendNudges(deps, item.communityId),
  async nextRun(deps, communityId) {
    const community = await communityById(deps.db, communityId);
    if (!community) return null;
    return nextAtLocalMinute(deps.now, community.timezone, AT_MINUTE);
  },
};

/** One community's nudges for today: a few reads, then one batch of two statements. */
export async function sendNudges(deps: JobDeps, communityId: number): Promise<JobResult> {
  const [community, settings] = await Promise.all([
    communityById(deps.db, communityId),
    readNudgeSettings(deps.db, communityId),
  ]);
  if (!community) return { status: "skipped", reason: "the community no longer exists" };
  if (settings.paused) return { status: "skipped", reason: "nudges are paused" };
  // A channel guyub could not read makes everyone who wrote only there look quiet: nudge nobody.
  const unread = await unreadActivityChannels(deps.db, communityId);
  if (unread.length > 0)
    return {
      status: "skipped",
      reason: `activity unread in ${unread.map((u) => `${u.channelId} (${u.problem})`).join(", ")}`,
    };
  const window = scanWindow(community.id, community.timezone, settings, deps.now);
  const meeting = await nextMeeting(deps, community.id, community.timezone);
  const topics = await nudgeTopics(deps.db, community.id, meeting?.scheduledDay ?? null);
  const template = nudgeTemplate(
    community,
    translator(community.locale),
    meeting ? { ...meeting, topic: topics.meetingTopic } : null,
  );
  const expiresAt = new Date(
    Math.min(deps.now.getTime() + EXPIRES_MS, meeting?.startsAt.getTime() ?? Number.POSITIVE_INFINITY),
  );
  const queries = fanOutQueries(deps.db, window, settings.perDay, template, topics.open, deps.now, expiresAt);
  const results = await runBatch(deps.d1, queries);
  const ids = ((results[0]?.results ?? []) as { id: number }[]).map((row) => row.id);
  if (ids.length === 0) return { status: "skipped", reason: "nobody to nudge today" };
  await deps.outbox.enqueue(ids);
  return { status: "done" };
}

async function nextMeeting(
  deps: JobDeps,
  communityId: number,
  timezone: string,
): Promise<NudgeMeeting | null> {
  const calendar = await deps.store.meetings.calendar(communityId);
  if (!calendar.series) return null;
  const [next] = upcomingMeetings(
    { ...calendar.series, timezone },
    calendar.overrides,
    calendar.holidays,
    deps.now,
    1,
  );
  return next ? { startsAt: next.startsAt, scheduledDay: next.scheduledDay, topic: null } : null;
}
