import { translator } from "../i18n/index.ts";
import { planMeetings } from "../meetings/plan.ts";
import { upcomingMeetings } from "../meetings/schedule.ts";
import type { Message } from "../message.ts";
import type { Community } from "../model.ts";
import { digestPeriod, digestWindow } from "./period.ts";
import type { DigestReads, DigestWeek } from "./ports.ts";
import { type NextMeeting, renderDigest } from "./render.ts";

/** A built digest: the message, and what posting it changes. */
export interface Digest {
  /** The ISO week (`2027-W09`) and the post's outbox key (`digest:2027-W09`). */
  readonly period: string;
  readonly key: string;
  readonly message: Message;
  /** Archived topics the message mentions: marked reported in the batch that writes the post. */
  readonly archivedTopicIds: readonly number[];
  /** Nothing to say this week: the message is one short line. */
  readonly quiet: boolean;
}

/**
 * The week's digest for a community at `now` (the 7 days before it), as a neutral public message
 * in the community's language. Every number is an indexed COUNT (src/db/digest.ts), never a load
 * of the member list; the rotation is read only when the next meeting's host was not yet assigned.
 */
export async function buildDigest(reads: DigestReads, community: Community, now: Date): Promise<Digest> {
  const t = translator(community.locale);
  const window = digestWindow(now, community.timezone);
  const [week, next] = await Promise.all([
    reads.week(community.id, window),
    nextMeeting(reads, community, now),
  ]);
  const { period, key } = digestPeriod(now, community.timezone);
  const quiet = isQuiet(week, next);
  const message = quiet
    ? { visibility: "public" as const, blocks: [{ type: "text" as const, text: t("digest.quiet") }] }
    : renderDigest(t, community, window, week, next);
  return { period, key, message, archivedTopicIds: quiet ? [] : week.archived.map((a) => a.id), quiet };
}

/** The next meeting with its host (the assigned one, else the fair rotation's), topic and RSVPs. */
async function nextMeeting(reads: DigestReads, community: Community, now: Date): Promise<NextMeeting | null> {
  const calendar = await reads.calendar(community.id);
  if (!calendar.series) return null;
  const series = { ...calendar.series, timezone: community.timezone };
  const [meeting] = upcomingMeetings(series, calendar.overrides, calendar.holidays, now, 1);
  if (!meeting) return null;
  const day = await reads.meetingDay(community.id, meeting.scheduledDay);
  let host = day.assignedHost;
  if (!host) {
    const rotation = await reads.rotation(community.id);
    host = planMeetings(calendar, community.timezone, rotation, now, 1)?.[0]?.host ?? null;
  }
  return { meeting, host, topic: day.topic, rsvps: day.rsvps };
}

function isQuiet(week: DigestWeek, next: NextMeeting | null): boolean {
  return (
    !next &&
    week.newcomers.total === 0 &&
    week.held.length === 0 &&
    week.kudos.total === 0 &&
    week.topTopics.length === 0 &&
    week.archived.length === 0 &&
    week.numbers.meetingsHeld === 0 &&
    week.numbers.newTopics === 0
  );
}
