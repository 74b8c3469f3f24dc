import { DAY_MS } from "../../core/durations.ts";
import { applyAndEnqueue } from "../../jobs/apply.ts";
import { firstCronAt } from "../../jobs/claimed.ts";
import type { DueItem, JobKind } from "../../jobs/job-kind.ts";
import { pastMeetings } from "../meetings/closing.ts";
import { coreCommunity, dueCalendars, meetingCommunities } from "../meetings/days-job.ts";
import { upcomingMeetings } from "../meetings/schedule.ts";
import { recordDraft } from "./record.ts";

const NAME = "memory-record-start";
/** A start missed by this much (crons down) is still posted; older meetings wait for an entry. */
const START_WINDOW_MS = DAY_MS;

/**
 * The meeting's record posted when it starts (its start in the community's zone, from the
 * meeting schedule), so "I was there" can be pressed before anyone adds an entry. The due check
 * reads every community's calendar in the one statement the meeting jobs share; cancelled days
 * and holidays have no meeting, so nothing is posted. The period is the scheduled day (claimed
 * once) and the post is keyed `record:<day>` like an entry's: whichever comes first posts it,
 * the other changes nothing (an entry's post lost so: the catch-up draws it).
 */
export const memoryRecordStart: JobKind = {
  name: NAME,
  async due(deps) {
    const due: DueItem[] = [];
    const from = new Date(deps.now.getTime() - START_WINDOW_MS);
    for (const { community: c, calendar } of await dueCalendars(deps))
      for (const m of pastMeetings(calendar, c.timezone, from, deps.now))
        if (m.startsAt > from) due.push({ communityId: c.id, period: m.scheduledDay });
    return due;
  },
  async run(deps, item) {
    const found = await coreCommunity(deps, item.communityId);
    if (!found) return { status: "skipped", reason: "the community no longer exists" };
    const { community, t } = found;
    const calendar = await deps.store.meetings.calendar(community.id);
    const from = new Date(deps.now.getTime() - START_WINDOW_MS);
    const meeting = pastMeetings(calendar, community.timezone, from, deps.now).find(
      (m) => m.scheduledDay === item.period && m.startsAt > from,
    );
    if (!meeting) return { status: "skipped", reason: "no meeting started that day" };
    const before = await deps.store.memory.record(community.id, meeting.scheduledDay);
    if (before.posted) return { status: "skipped", reason: "the record is posted already" };
    const ctx = { community, t, now: deps.now, store: deps.store };
    const record = await recordDraft(ctx, meeting.scheduledDay, before, {
      entries: before.entries,
      attended: before.attended,
    });
    if (!record) return { status: "skipped", reason: "nowhere to post the record" };
    await applyAndEnqueue(deps, community, [{ type: "memory.refresh", record }]);
    return { status: "done" };
  },
  /** The next meeting's start (the first quarter-hour at or after it). */
  async nextRun(deps, communityId) {
    const [c] = await meetingCommunities(deps.db, communityId);
    if (!c) return null;
    const calendar = await deps.store.meetings.calendar(c.id);
    if (!calendar.series) return null;
    const series = { ...calendar.series, timezone: c.timezone };
    const next = upcomingMeetings(series, calendar.overrides, calendar.holidays, deps.now, 3).find(
      (m) => m.startsAt > deps.now,
    );
    return next ? firstCronAt(next.startsAt, deps.now) : null;
  },
};
