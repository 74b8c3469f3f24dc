import type { Effect } from "../../core/model.ts";
import { applyAndEnqueue } from "../../jobs/apply.ts";
import { claimedPeriods, firstCronAt, type PlannedClaim } from "../../jobs/claimed.ts";
import type { JobKind } from "../../jobs/job-kind.ts";
import { topicFor } from "../topics/refresh-store.ts";
import { announcementDraft } from "./announcement.ts";
import {
  comingMeetings,
  coreCommunity,
  dueCalendars,
  dueMeetings,
  LOOK_AHEAD,
  type MeetingCommunity,
  meetingCommunities,
} from "./days-job.ts";
import { headsUp } from "./heads-up-job.ts";
import { announceAt, announceHorizonMs } from "./moments.ts";
import { readPlan } from "./plan-read.ts";
import type { Meeting } from "./schedule.ts";

const NAME = "meeting-announce";

/** Whether a meeting's announcement is due at `at`: its moment has come and it has not started. */
function announceDue(m: Meeting, c: MeetingCommunity, at: Date): boolean {
  const ahead = m.startsAt.getTime() - at.getTime();
  // A meeting further off is not due, and the zone need not be asked (this runs for every
  // community's coming meetings each tick).
  if (ahead <= 0 || ahead > announceHorizonMs(c.announceDays)) return false;
  return announceAt(m, c.announceDays, c.timezone) <= at;
}

/**
 * The announcement of each meeting in the main channel, N days before it (the community's
 * setting, default 3) at 09:00 local, or at once when it was scheduled later than that and has
 * not started. The period is the meeting's scheduled day, so each meeting is claimed once; the
 * post is keyed `announce:<day>`, so even a second run posts nothing. The run also records the
 * announced host in the ledger (`assigned`, once per meeting): the rotation keeps that host
 * unless they pass or swap.
 */
export const meetingAnnounce: JobKind = {
  name: NAME,
  async due(deps) {
    const due = [];
    // Without a main channel nothing can be posted: those wait (and are announced once one is set).
    for (const entry of await dueCalendars(deps)) {
      const c = entry.community;
      if (!c.mainChannelId) continue;
      for (const m of dueMeetings(entry, deps.now))
        if (announceDue(m, c, deps.now)) due.push({ communityId: c.id, period: m.scheduledDay });
    }
    return due;
  },
  async run(deps, item) {
    const [settings] = await meetingCommunities(deps.db, item.communityId);
    const found = await coreCommunity(deps, item.communityId);
    if (!settings || !found) return { status: "skipped", reason: "no meeting series any more" };
    const { community, t } = found;
    if (!settings.mainChannelId) return { status: "skipped", reason: "no main channel" };
    const [{ meetings }, rsvps] = await Promise.all([
      readPlan({ community, now: deps.now, store: deps.store }, LOOK_AHEAD),
      deps.store.meetings.rsvps(community.id, item.period, null),
    ]);
    const meeting = meetings?.find((m) => m.scheduledDay === item.period);
    if (!meeting) return { status: "skipped", reason: "no meeting on that day any more" };
    if (meeting.startsAt <= deps.now) return { status: "skipped", reason: "the meeting has started" };
    const topic = await topicFor(deps.db, community.id, meeting.scheduledDay);
    const draft = announcementDraft(community, t, meeting, rsvps.counts, settings.mainChannelId, topic);
    const effects: Effect[] = [{ type: "outbox.send", draft }];
    if (meeting.host) {
      effects.push({
        type: "meeting.assignHost",
        scheduledDay: meeting.scheduledDay,
        memberId: meeting.host,
      });
      effects.push(...headsUp(community, t, meeting));
    }
    await applyAndEnqueue(deps, community, effects);
    return { status: "done" };
  },
  async nextRun(deps, communityId) {
    return (await (meetingAnnounce.upcoming?.(deps, communityId, 1) ?? []))[0]?.at ?? null;
  },
  async upcoming(deps, communityId, count) {
    const [c] = await meetingCommunities(deps.db, communityId);
    if (!c?.mainChannelId) return [];
    const { meetings } = await comingMeetings(deps, c, LOOK_AHEAD);
    const claimed = await claimedPeriods(deps.db, NAME, c.id, meetings[0]?.scheduledDay ?? "");
    const planned: PlannedClaim[] = [];
    for (const m of meetings.filter((m) => !claimed.has(m.scheduledDay))) {
      // The first cron at or after the moment, checked with due's own test (a start too near).
      const at = firstCronAt(announceAt(m, c.announceDays, c.timezone), deps.now);
      if (announceDue(m, c, at)) planned.push({ at, period: m.scheduledDay });
    }
    return planned.sort((a, b) => a.at.getTime() - b.at.getTime()).slice(0, count);
  },
};
