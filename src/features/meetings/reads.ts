import type { MeetingDayReads } from "./day-ports.ts";
import type { Cadence, Holiday, MeetingOverride } from "./schedule.ts";

// Apart from ports.ts (which merges into core's model and ports), so core's own ports may name
// these types without an import cycle.

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

/** What core reads about meetings (store.ts; the RSVP and announcement reads: days-store.ts). */
export interface MeetingReads extends MeetingDayReads {
  calendar(communityId: number): Promise<MeetingCalendar>;
}
