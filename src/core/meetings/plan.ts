import { assignHosts } from "../rotation/assign.ts";
import type { RotationState } from "../rotation/types.ts";
import type { MeetingCalendar } from "./ports.ts";
import { type Meeting, upcomingMeetings } from "./schedule.ts";

/** A coming meeting and who hosts it by the fair rotation (null: nobody is eligible). */
export interface PlannedMeeting extends Meeting {
  readonly host: string | null;
}

/**
 * The next `count` meetings not over at `now`, each with its host. Meetings are named by their
 * scheduled day (`scheduledDay`), which the ledger, RSVPs and announcements use: a move keeps it.
 * Null when the community has no series.
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
  const hosts = new Map(
    assignHosts(
      rotation,
      meetings.map((m) => m.scheduledDay),
      now,
    ).map((a) => [a.date, a.memberId]),
  );
  return meetings.map((m) => ({ ...m, host: hosts.get(m.scheduledDay) ?? null }));
}
