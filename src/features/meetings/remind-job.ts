import { applyAndEnqueue } from "../../jobs/apply.ts";
import { claimedPeriods, firstCronAt, type PlannedClaim } from "../../jobs/claimed.ts";
import type { DueItem, JobKind } from "../../jobs/job-kind.ts";
import { rotationScope } from "../rotation/scope.ts";
import { committedHost } from "./closing.ts";
import type { MeetingCommunity } from "./days-job.ts";
import {
  comingMeetings,
  coreCommunity,
  dueCalendars,
  dueMeetings,
  LOOK_AHEAD,
  meetingCommunities,
} from "./days-job.ts";
import { REMINDERS, type Reminder, reminderDue, reminderWindow } from "./moments.ts";
import { planMeetings } from "./plan.ts";
import { comingDays } from "./plan-read.ts";
import type { MeetingCalendar } from "./reads.ts";
import { reminderDraft } from "./reminder.ts";
import { upcomingMeetings } from "./schedule.ts";

const NAME = "meeting-remind";

/** The coming meetings with the one host the ledger committed (only that day's is looked up). */
function plannedWith(calendar: MeetingCalendar, timezone: string, now: Date, host: string | null) {
  if (!calendar.series) return [];
  const series = { ...calendar.series, timezone };
  return upcomingMeetings(series, calendar.overrides, calendar.holidays, now, LOOK_AHEAD).map((m) => ({
    ...m,
    host,
    committed: host !== null,
  }));
}

const enabled = (c: MeetingCommunity): Reminder[] =>
  REMINDERS.filter((which) => (which === "24h" ? c.remindDay : c.remindHour));

/**
 * Reminders in the main channel the day before each meeting at its local time, and 1 hour before
 * it, in the quarter-hour the cron runs in (each can be turned off). Periods `<scheduled day>:24h` / `:1h`: claimed once; a
 * missed cron catches up while still before the meeting (never after it starts: the post also
 * expires then). A meeting on a holiday is no meeting, so it has no reminder; nor is a reminder
 * sent on a holiday.
 */
export const meetingRemind: JobKind = {
  name: NAME,
  async due(deps) {
    const due: DueItem[] = [];
    for (const entry of await dueCalendars(deps)) {
      const { community: c, calendar } = entry;
      if (!c.mainChannelId || !(c.remindDay || c.remindHour)) continue;
      for (const m of dueMeetings(entry, deps.now))
        for (const which of enabled(c))
          if (reminderDue(m, which, deps.now, calendar.holidays, c.timezone))
            due.push({ communityId: c.id, period: `${m.scheduledDay}:${which}` });
    }
    return due;
  },
  async run(deps, item) {
    const [day, which] = item.period.split(":") as [string, Reminder];
    const [settings] = await meetingCommunities(deps.db, item.communityId);
    const found = await coreCommunity(deps, item.communityId);
    if (!settings || !found) return { status: "skipped", reason: "no meeting series any more" };
    if (!settings.mainChannelId) return { status: "skipped", reason: "no main channel" };
    if (!enabled(settings).includes(which)) return { status: "skipped", reason: "reminders are off" };
    const { community, t } = found;
    const [calendar, entries] = await Promise.all([
      deps.store.meetings.calendar(community.id),
      deps.store.meetings.dayLedger(community.id, day),
    ]);
    // The announcement assigned the host: that day's ledger rows name them (a pass or swap too).
    const host = committedHost(entries, day);
    const days = comingDays(calendar, community.timezone, deps.now, LOOK_AHEAD);
    const scope = rotationScope(deps.now, community.timezone, days);
    const state = host === null ? (await deps.store.rotation.view(community.id, scope)).state : null;
    const plan = state
      ? (planMeetings(calendar, community.timezone, state, deps.now, LOOK_AHEAD) ?? [])
      : plannedWith(calendar, community.timezone, deps.now, host);
    const meeting = plan.find((m) => m.scheduledDay === day);
    if (!meeting) return { status: "skipped", reason: "no meeting on that day any more" };
    if (!reminderDue(meeting, which, deps.now, calendar.holidays, community.timezone))
      return { status: "skipped", reason: "outside the reminder's window" };
    const draft = reminderDraft(community, t, meeting, which, settings.mainChannelId);
    await applyAndEnqueue(deps, community, [{ type: "outbox.send", draft }]);
    return { status: "done" };
  },
  async nextRun(deps, communityId) {
    return (await (meetingRemind.upcoming?.(deps, communityId, 1) ?? []))[0]?.at ?? null;
  },
  async upcoming(deps, communityId, count) {
    const [c] = await meetingCommunities(deps.db, communityId);
    if (!c?.mainChannelId) return [];
    const { calendar, meetings } = await comingMeetings(deps, c, LOOK_AHEAD);
    const claimed = await claimedPeriods(deps.db, NAME, c.id, meetings[0]?.scheduledDay ?? "");
    const planned: PlannedClaim[] = [];
    for (const m of meetings)
      for (const which of enabled(c)) {
        const period = `${m.scheduledDay}:${which}`;
        // The first cron inside the window, checked with due's own test (a holiday has none).
        const at = firstCronAt(reminderWindow(m, which, c.timezone).from, deps.now);
        if (!claimed.has(period) && reminderDue(m, which, at, calendar.holidays, c.timezone))
          planned.push({ at, period });
      }
    return planned.sort((a, b) => a.at.getTime() - b.at.getTime()).slice(0, count);
  },
};
