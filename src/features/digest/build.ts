import { translator } from "../../core/i18n/index.ts";
import type { Message } from "../../core/message.ts";
import type { Community } from "../../core/model.ts";
import { committedHost } from "../meetings/closing.ts";
import { holidaySkips } from "../meetings/holiday-skips.ts";
import { readPlan } from "../meetings/plan-read.ts";
import { upcomingMeetings } from "../meetings/schedule.ts";
import { HORIZON } from "../rotation/turns.ts";
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
  /** The top topics the message shows: recorded with the post, so they rest after two digests. */
  readonly topicIds: readonly number[];
  /** Nothing to say this week: the message is one short line. */
  readonly quiet: boolean;
}

/**
 * The week's digest for a community at `now` (the 7 days before it), as a neutral public message
 * in the community's language. Every number is an indexed COUNT (store.ts), never a load
 * of the member list: the cost does not grow with the community (about 160 ms for 100,000 members).
 */
export async function buildDigest(reads: DigestReads, community: Community, now: Date): Promise<Digest> {
  const t = translator(community.locale);
  const window = digestWindow(now, community.timezone);
  const { period, key } = digestPeriod(now, community.timezone);
  const [week, next] = await Promise.all([
    reads.week(community.id, window, period),
    nextMeeting(reads, community, now),
  ]);
  const quiet = isQuiet(week, next);
  if (quiet) {
    const message: Message = { visibility: "public", blocks: [{ type: "text", text: t("digest.quiet") }] };
    return { period, key, message, archivedTopicIds: [], topicIds: [], quiet };
  }
  const { message, archivedShown } = renderDigest(t, community, window, week, next);
  const topicIds = week.topTopics.map((topic) => topic.id);
  return { period, key, message, archivedTopicIds: archivedShown, topicIds, quiet };
}

/**
 * The next meeting with its topic, RSVPs and host, and the days a holiday takes away before it.
 * The host is the one the ledger committed to that day (`committedHost`: the announcement's
 * assignment, a pass, a swap), as the announcement names them; before anything commits one, the
 * one `/cop meeting next` and `/cop meeting list` name, planned over the rotation's horizon as
 * every flow does (reading only the rotation's few candidates) and marked planned.
 */
async function nextMeeting(reads: DigestReads, community: Community, now: Date): Promise<NextMeeting | null> {
  const calendar = await reads.calendar(community.id);
  if (!calendar.series) return null;
  const series = { ...calendar.series, timezone: community.timezone };
  const [meeting] = upcomingMeetings(series, calendar.overrides, calendar.holidays, now, 1);
  if (!meeting) return null;
  const skipped = holidaySkips(series, calendar.overrides, calendar.holidays, now, meeting.localDay);
  const day = await reads.meetingDay(community.id, meeting.scheduledDay);
  const committed = committedHost(day.ledger, meeting.scheduledDay);
  const planned = committed
    ? null
    : (await readPlan({ community, now, store: reads }, HORIZON)).meetings?.find(
        (m) => m.scheduledDay === meeting.scheduledDay,
      );
  return {
    meeting,
    host: committed ?? planned?.host ?? null,
    planned: !committed,
    skipped,
    topic: day.topic,
    rsvps: day.rsvps,
  };
}

function isQuiet(week: DigestWeek, next: NextMeeting | null): boolean {
  return (
    !next &&
    week.held.length === 0 &&
    week.topTopics.length === 0 &&
    week.archived.length === 0 &&
    week.numbers.meetingsHeld === 0 &&
    week.numbers.newTopics === 0 &&
    week.sections.every((section) => section.empty)
  );
}
