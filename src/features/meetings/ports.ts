import type { MeetingDayEffect } from "./day-ports.ts";
import type { MeetingReads, StoredSeries } from "./reads.ts";
import type { Holiday, MeetingOverride } from "./schedule.ts";

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

// The meetings' state joins core's `Effect` and `CommunityStore` from here (declaration merging).
declare module "../../core/model.ts" {
  interface FeatureEffects {
    meetings: MeetingEffect;
  }
}
declare module "../../core/ports.ts" {
  interface FeatureReads {
    /** The meeting series, its changed days and holidays. */
    readonly meetings: MeetingReads;
  }
}
