import { DAY_MS } from "../../core/durations.ts";
import type { DueItem, JobKind } from "../../jobs/job-kind.ts";
import { nextQuarterHour } from "../../jobs/periods.ts";
import { rotationScope } from "../rotation/scope.ts";
import { CLOSE_WINDOW_DAYS } from "./calendars-job.ts";
import { closesDue, hostOf, isClosed } from "./closing.ts";
import type { MeetingClose } from "./day-ports.ts";
import { coreCommunity, dueCalendars, meetingCommunities } from "./days-job.ts";
import { upcomingMeetings } from "./schedule.ts";

const NAME = "meeting-close";
const WINDOW_DAYS = CLOSE_WINDOW_DAYS;

/**
 * Closes each scheduled day in the ledger, once (the `closed once` unique index): a meeting
 * nobody marked held counts as held by its host a day after it ended (reason `default`); a day
 * that fell on a holiday is `skipped` (the holiday's name), a cancelled one `cancelled`. The
 * period is the scheduled day; a day already marked with `/cop meeting done` is left as it is.
 */
export const meetingClose: JobKind = {
  name: NAME,
  async due(deps) {
    const due: DueItem[] = [];
    for (const { community: c, calendar } of await dueCalendars(deps))
      for (const close of closesDue(calendar, c.timezone, deps.now, WINDOW_DAYS))
        due.push({ communityId: c.id, period: close.scheduledDay });
    return due;
  },
  async run(deps, item) {
    const found = await coreCommunity(deps, item.communityId);
    if (!found) return { status: "skipped", reason: "the community no longer exists" };
    const { community } = found;
    const calendar = await deps.store.meetings.calendar(community.id);
    const due = closesDue(calendar, community.timezone, deps.now, WINDOW_DAYS).find(
      (d) => d.scheduledDay === item.period,
    );
    if (!due) return { status: "skipped", reason: "nothing to close that day" };
    const scope = rotationScope(deps.now, community.timezone, [due.scheduledDay]);
    const book = await deps.store.rotation.view(community.id, scope);
    if (isClosed(book.state, due.scheduledDay)) return { status: "skipped", reason: "already marked" };
    const close: MeetingClose =
      due.kind === "hosted"
        ? { kind: "hosted", memberId: hostOf(book.state, due.scheduledDay), reason: "default" }
        : { kind: due.kind, reason: due.reason };
    await deps.store.apply(
      community,
      [{ type: "meeting.close", scheduledDay: due.scheduledDay, close }],
      null,
      deps.now,
    );
    return { status: "done" };
  },
  async nextRun(deps, communityId) {
    const [c] = await meetingCommunities(deps.db, communityId);
    if (!c) return null;
    // The next meeting's end plus a day (closes of skipped days follow the same rhythm).
    const calendar = await deps.store.meetings.calendar(c.id);
    if (!calendar.series) return null;
    const [next] = upcomingMeetings(
      { ...calendar.series, timezone: c.timezone },
      calendar.overrides,
      calendar.holidays,
      deps.now,
      1,
    );
    if (!next) return null;
    const at = new Date(next.endsAt.getTime() + DAY_MS);
    return nextQuarterHour(new Date(at.getTime() - 1));
  },
};
