import type { LedgerEntry } from "../rotation/types.ts";
import type { RsvpAnswer, RsvpCounts } from "./rsvp.ts";

/**
 * What happens around one meeting, read by its scheduled day (the key a move keeps): the RSVPs
 * and whether its announcement was written. Part of `MeetingReads` (days-store.ts).
 */
export interface MeetingDayReads {
  /** The counts of a meeting's answers, and `userId`'s own answer (null: none yet). */
  rsvps(communityId: number, scheduledDay: string, userId: string | null): Promise<MeetingRsvps>;
  /** Whether the announcement of that meeting is in the outbox (sent or about to be). */
  announced(communityId: number, scheduledDay: string): Promise<boolean>;
  /**
   * The ledger's entries for one meeting, in recorded order: who the announcement assigned, passes,
   * swaps, the close. A few rows, where the whole rotation reads every member.
   */
  dayLedger(communityId: number, scheduledDay: string): Promise<LedgerEntry[]>;
}

export interface MeetingRsvps {
  readonly counts: RsvpCounts;
  readonly mine: RsvpAnswer | null;
}

/** The ledger's close of a meeting: held by its host, skipped for a holiday, or cancelled. */
export type MeetingClose =
  | {
      readonly kind: "hosted";
      readonly memberId: string | null;
      /** `default` (nobody marked it within a day) or `marked`. */
      readonly reason: string;
      readonly notes?: string | null;
      /** Who marked it; null when guyub closed it by default. */
      readonly recordedBy?: string | null;
    }
  | { readonly kind: "skipped" | "cancelled"; readonly reason: string };

/** State changes around one meeting; applied by `store.apply` with the meeting effects. */
export type MeetingDayEffect =
  /** One answer per member per meeting: a new answer replaces the old one. */
  | {
      readonly type: "meeting.rsvp";
      readonly scheduledDay: string;
      readonly userId: string;
      readonly answer: RsvpAnswer;
    }
  /** The announcement names the host: an `assigned` ledger entry, written once per meeting. */
  | { readonly type: "meeting.assignHost"; readonly scheduledDay: string; readonly memberId: string }
  /** Closes a meeting in the ledger, once: a second close changes nothing. */
  | { readonly type: "meeting.close"; readonly scheduledDay: string; readonly close: MeetingClose }
  /** Announcement and reminder settings (moderators); fields left out stay as they are. */
  | {
      readonly type: "meeting.settings";
      readonly announceDays?: number;
      readonly remindDay?: boolean;
      readonly remindHour?: boolean;
    };

export const MEETING_DAY_EFFECTS = new Set<string>([
  "meeting.rsvp",
  "meeting.assignHost",
  "meeting.close",
  "meeting.settings",
]);

/** Whether an effect is one of the meeting-day effects. */
export function isMeetingDayEffect(effect: { readonly type: string }): effect is MeetingDayEffect {
  return MEETING_DAY_EFFECTS.has(effect.type);
}
