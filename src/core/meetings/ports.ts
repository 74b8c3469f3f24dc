import { isMeetingDayEffect, type MeetingDayEffect, type MeetingDayReads } from "./day-ports.ts";
import type { Cadence, Holiday, MeetingOverride } from "./schedule.ts";

/** A stored series, without the zone (that is the community's, so a new zone keeps 19:00 local). */
export interface StoredSeries {
  readonly cadence: Cadence;
  readonly firstDay: string;
  readonly startMinute: number;
  readonly minutes: number;
  readonly link: string | null;
}

/** Everything the meeting commands read, in one round trip. */
export interface MeetingCalendar {
  readonly series: StoredSeries | null;
  readonly overrides: readonly MeetingOverride[];
  readonly holidays: readonly Holiday[];
}

/** What core reads about meetings (src/db/meetings.ts; the RSVP and announcement reads: meeting-days.ts). */
export interface MeetingReads extends MeetingDayReads {
  calendar(communityId: number): Promise<MeetingCalendar>;
}

/** The state changes the meeting commands ask for; applied by `store.apply` in one batch. */
export type MeetingEffect =
  | { readonly type: "community.timezone"; readonly timezone: string }
  /** Replaces the series; the old one's cancelled and moved days go with it. */
  | { readonly type: "meeting.schedule"; readonly series: StoredSeries }
  | { readonly type: "meeting.link"; readonly link: string }
  | { readonly type: "meeting.override"; readonly override: MeetingOverride }
  | { readonly type: "holiday.add"; readonly holidays: readonly Holiday[] }
  | { readonly type: "holiday.remove"; readonly startDay: string }
  /** RSVPs, the announced host, closes and the announcement settings (day-ports.ts). */
  | MeetingDayEffect;

const TYPES = new Set<string>([
  "community.timezone",
  "meeting.schedule",
  "meeting.link",
  "meeting.override",
  "holiday.add",
  "holiday.remove",
]);

/** Whether an effect is one of the meeting effects (store.apply hands those to src/db/meetings.ts). */
export function isMeetingEffect(effect: { readonly type: string }): effect is MeetingEffect {
  return TYPES.has(effect.type) || isMeetingDayEffect(effect);
}
