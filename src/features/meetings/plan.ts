import { assignHosts, dayRecords, openCommitment } from "../rotation/assign.ts";
import type { RotationState } from "../rotation/types.ts";
import type { MeetingCalendar } from "./reads.ts";
import { type Meeting, upcomingMeetings } from "./schedule.ts";

/** A coming meeting and who hosts it by the fair rotation (null: nobody is eligible). */
export interface PlannedMeeting extends Meeting {
  readonly host: string | null;
  /**
   * The ledger commits `host` to this meeting (the announcement assigned them, or a pass, swap,
   * volunteer or "I'll host" did); false while the host is only the rotation's plan, which may
   * still change as members join, answer their intro or step back.
   */
  readonly committed: boolean;
}

/**
 * The next `count` meetings not over at `now`, each with its host. Meetings are named by their
 * scheduled day (`scheduledDay`), which the ledger, RSVPs and announcements use: a move keeps it.
 * The rotation's days are the community's local days. Null when the community has no series.
 */
export function planMeetings(
  calendar: MeetingCalendar,
  timezone: string,
  rotation: RotationState,
  now: Date,
  count: number,
): PlannedMeeting[] | null {
  if (!calendar.series) return null;
  const series = { ...calendar.series, timezone };
  const meetings = upcomingMeetings(series, calendar.overrides, calendar.holidays, now, count);
  // The zone is the community's as read with the calendar (a new zone applies at once).
  const state = rotation.timezone === timezone ? rotation : { ...rotation, timezone };
  const hosts = new Map(
    assignHosts(
      state,
      meetings.map((m) => m.scheduledDay),
      now,
    ).map((a) => [a.date, a.memberId]),
  );
  const days = dayRecords(state.ledger);
  return meetings.map((m) => {
    const host = hosts.get(m.scheduledDay) ?? null;
    const day = days.get(m.scheduledDay);
    const committed = host !== null && !!day && (day.hosted === host || openCommitment(day) === host);
    return { ...m, host, committed };
  });
}
