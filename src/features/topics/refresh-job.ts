import { DAY_MS } from "../../core/durations.ts";
import { translator } from "../../core/i18n/index.ts";
import { localDay } from "../../core/local-time.ts";
import type { Effect } from "../../core/model.ts";
import { communityById } from "../../db/communities.ts";
import { applyAndEnqueue } from "../../jobs/apply.ts";
import type { JobDeps, JobKind, JobResult } from "../../jobs/job-kind.ts";
import { nextQuarterHour } from "../../jobs/periods.ts";
import { announcementUpdate } from "../meetings/announcement.ts";
import { readPlan } from "../meetings/plan-read.ts";
import { recentlyDiscussed } from "./near.ts";
import { refreshEffects } from "./refresh.ts";
import { topicRefreshDue } from "./refresh-due-job.ts";

const NAME = "topic-refresh";
/** Open topics nobody voted for in this many days are archived (the digest mentions them once). */
export const ARCHIVE_AFTER_DAYS = 90;
/** Meetings planned ahead when looking for the one a period names. */
const LOOK_AHEAD = 12;
const CLOSES = new Set(["hosted", "skipped", "cancelled"]);

/**
 * Chooses each meeting's topic (choose.ts), once, and offers the host the top
 * three; marks held meetings' topics discussed and archives stale topics. Due right after each
 * meeting, when a host changes, and weekly (`topicRefreshDue`). One choice per meeting: the claim
 * per period, the meeting_topics primary key (insert or ignore) and the offer's outbox key
 * `topics:<day>:<host>` each keep a repeated run from choosing or sending twice.
 */
export const topicRefresh: JobKind = {
  name: NAME,
  due: (deps) => topicRefreshDue(deps.db, deps.now),
  async run(deps, item): Promise<JobResult> {
    const community = await communityById(deps.db, item.communityId);
    if (!community) return { status: "skipped", reason: "the community no longer exists" };
    const today = localDay(deps.now, community.timezone);
    const cutoff = new Date(deps.now.getTime() - ARCHIVE_AFTER_DAYS * DAY_MS).toISOString();
    // Before reading the backlog, so an archived topic is never chosen.
    await deps.store.apply(
      community,
      [{ type: "topic.markDiscussed" }, { type: "topic.archiveStale", cutoff, today }],
      null,
      deps.now,
    );
    const meeting = await targetMeeting(deps, community.id, community.timezone, item.period);
    if (!meeting) return { status: "skipped", reason: "no meeting ahead to choose a topic for" };
    const reads = deps.store.topicRefresh;
    const day = meeting.scheduledDay;
    const [backlog, existing, announced] = await Promise.all([
      reads.backlog(community.id),
      reads.meetingTopic(community.id, day),
      deps.store.meetings.announced(community.id, day),
    ]);
    const recentTopicIds = existing
      ? []
      : recentlyDiscussed(
          backlog.topics,
          await reads.recentTopics(community.id, day, backlog.recentMeetings),
        );
    const t = translator(community.locale);
    const effects: Effect[] = refreshEffects({
      community,
      t,
      meeting,
      backlog,
      recentTopicIds,
      existing,
      announced,
      now: deps.now,
    });
    // Announced before any topic was chosen (a meeting scheduled late): the choice edits it in.
    const decided = effects.find((e) => e.type === "topic.decide");
    if (decided && announced) {
      const title = backlog.topics.find((topic) => topic.id === decided.topicId)?.title ?? null;
      const ctx = { community, t, now: deps.now, store: deps.store };
      effects.push(...(await announcementUpdate(ctx, day, { topic: title })));
    }
    if (effects.length === 0) return { status: "skipped", reason: "no open topic and nothing to offer" };
    await applyAndEnqueue(deps, community, effects);
    return { status: "done" };
  },
  async nextRun(deps, communityId) {
    // Due right after each meeting and whenever a host changes: it looks at the next quarter-hour.
    return (await communityById(deps.db, communityId)) ? nextQuarterHour(deps.now) : null;
  },
};

/**
 * The meeting a period is about, with its current host: `<day>` and `<day>#<n>` name it; a weekly
 * period takes the next meeting not yet closed in the ledger.
 */
async function targetMeeting(deps: JobDeps, communityId: number, timezone: string, period: string) {
  const community = { id: communityId, timezone };
  const plan = await readPlan({ community, now: deps.now, store: deps.store }, LOOK_AHEAD);
  // The view holds every ledger entry of the planned days, closes included.
  const closed = new Set(plan.book.state.ledger.filter((e) => CLOSES.has(e.kind)).map((e) => e.meetingDate));
  const meetings = plan.meetings ?? [];
  const named = period.startsWith("week:") ? null : period.slice(0, 10);
  return (
    meetings.find((m) => !closed.has(m.scheduledDay) && (named === null || m.scheduledDay === named)) ?? null
  );
}
