import { applyAndEnqueue } from "../../jobs/apply.ts";
import { claimedPeriods, firstCronAt, type PlannedClaim } from "../../jobs/claimed.ts";
import type { JobKind } from "../../jobs/job-kind.ts";
import {
  calendarOf,
  coreCommunity,
  dueCalendars,
  LOOK_AHEAD,
  type MeetingCommunity,
  meetingCommunities,
} from "./days-job.ts";
import { holidayNoticeDraft, type TakenMeeting, takenByHolidays } from "./holiday-notice.ts";
import { announceAt, announceHorizonMs } from "./moments.ts";
import { upcomingMeetings } from "./schedule.ts";

const NAME = "meeting-holiday";

/** Whether a taken meeting's post is due at `at`: its announcement's moment has come, its start not. */
function noticeDue({ meeting }: TakenMeeting, c: MeetingCommunity, at: Date): boolean {
  const ahead = meeting.startsAt.getTime() - at.getTime();
  if (ahead <= 0 || ahead > announceHorizonMs(c.announceDays)) return false;
  return announceAt(meeting, c.announceDays, c.timezone) <= at;
}

/**
 * A week a holiday takes away gets one short post in the main channel ("No meeting on Tuesday 9
 * March: Idul Fitri. Next: Tuesday 16 March."), when its announcement would have gone out and
 * until the meeting would have started. Found in the tick's one calendar read (`dueCalendars`),
 * as the announcements are: no statement of its own in `due`. The period is the scheduled day,
 * claimed once; the post's key `holiday:<day>` keeps even a second run from posting twice.
 */
export const meetingHoliday: JobKind = {
  name: NAME,
  async due(deps) {
    const due = [];
    for (const { community: c, calendar } of await dueCalendars(deps)) {
      if (!c.mainChannelId || calendar.holidays.length === 0) continue;
      const until = new Date(deps.now.getTime() + announceHorizonMs(c.announceDays));
      for (const taken of takenByHolidays(calendar, c.timezone, deps.now, LOOK_AHEAD, until))
        if (noticeDue(taken, c, deps.now))
          due.push({ communityId: c.id, period: taken.meeting.scheduledDay });
    }
    return due;
  },
  async run(deps, item) {
    const [settings] = await meetingCommunities(deps.db, item.communityId);
    const found = await coreCommunity(deps, item.communityId);
    if (!settings || !found) return { status: "skipped", reason: "no meeting series any more" };
    if (!settings.mainChannelId) return { status: "skipped", reason: "no main channel" };
    const { community, t } = found;
    const calendar = await deps.store.meetings.calendar(community.id);
    // Re-planned at `now`: a holiday removed or a day moved since the claim posts nothing.
    const taken = takenByHolidays(calendar, community.timezone, deps.now, LOOK_AHEAD).find(
      (x) => x.meeting.scheduledDay === item.period,
    );
    if (!taken || !calendar.series) return { status: "skipped", reason: "no holiday takes that meeting now" };
    const series = { ...calendar.series, timezone: community.timezone };
    const [next] = upcomingMeetings(series, calendar.overrides, calendar.holidays, taken.meeting.startsAt, 1);
    const draft = holidayNoticeDraft(t, taken, next ?? null, settings.mainChannelId);
    await applyAndEnqueue(deps, community, [{ type: "outbox.send", draft }]);
    return { status: "done" };
  },
  async nextRun(deps, communityId) {
    return (await (meetingHoliday.upcoming?.(deps, communityId, 1) ?? []))[0]?.at ?? null;
  },
  async upcoming(deps, communityId, count) {
    const [c] = await meetingCommunities(deps.db, communityId);
    if (!c?.mainChannelId) return [];
    const calendar = await calendarOf(deps, c.id);
    const taken = takenByHolidays(calendar, c.timezone, deps.now, LOOK_AHEAD);
    const claimed = await claimedPeriods(deps.db, NAME, c.id, taken[0]?.meeting.scheduledDay ?? "");
    const planned: PlannedClaim[] = [];
    for (const x of taken.filter((x) => !claimed.has(x.meeting.scheduledDay))) {
      const at = firstCronAt(announceAt(x.meeting, c.announceDays, c.timezone), deps.now);
      if (noticeDue(x, c, at)) planned.push({ at, period: x.meeting.scheduledDay });
    }
    return planned.sort((a, b) => a.at.getTime() - b.at.getTime()).slice(0, count);
  },
};
