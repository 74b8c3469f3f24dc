import type { UnreadChannel } from "../../core/activity/history.ts";

/**
 * Nudges: one kind private message to a member who went quiet. The types core reads and the
 * effects it asks for; `store.ts` implements them over D1.
 */

/** A community's nudge settings (`nudge_settings`; the defaults when a moderator changed none). */
export interface NudgeSettings {
  /** Days without activity before a member counts as quiet (7–365, default 21). */
  readonly quietDays: number;
  /** Days after a nudge before the same member may get another (7–365, default 30). */
  readonly cooldownDays: number;
  /** Nudges per community per day at most, longest-quiet first (1–500, default 50). */
  readonly perDay: number;
  /** Moderators paused nudges (only nudges: everything else goes on). */
  readonly paused: boolean;
}

export const NUDGE_DEFAULTS: NudgeSettings = { quietDays: 21, cooldownDays: 30, perDay: 50, paused: false };

/** The limits of each setting, shared by the command's validation and the migration's CHECKs. */
export const NUDGE_LIMITS = {
  quietDays: [7, 365],
  cooldownDays: [7, 365],
  perDay: [1, 500],
  snoozeWeeks: [1, 26],
} as const;

/** One member's nudge preferences as stored. */
export interface MemberNudgeState {
  /** "Just reading" or `/cop nudges off`: never nudged until `/cop nudges on`. */
  readonly optedOut: boolean;
  /** Local day before which they are not nudged; null when not snoozed. */
  readonly snoozedUntil: string | null;
  readonly lastNudgedAt: Date | null;
}

/** Who is quiet, for moderators only (never posted in a channel). */
export interface QuietReport {
  /** Quiet members who could be nudged now, and those excluded (snoozed, opted out, in cooldown). */
  readonly quiet: number;
  readonly optedOut: number;
  readonly snoozed: number;
  readonly inCooldown: number;
  /** The longest quiet first, each with the local day their quiet time started. */
  readonly longest: readonly { readonly userId: string; readonly since: string }[];
}

/** The moments one day's inactivity scan compares with (`scanWindow` in rules.ts computes them). */
export interface ScanWindow {
  readonly communityId: number;
  /** The community's local day. A snooze runs until (not including) its day. */
  readonly today: string;
  /** Quiet since this local day or earlier counts as quiet (today − quiet days). */
  readonly quietBefore: string;
  /** Joined on or before this (ISO): past their first week. */
  readonly joinedBefore: string;
  /** Nudged on or before this (ISO), or never: out of the cooldown. */
  readonly nudgedBefore: string;
}

/** What core reads about nudges. */
export interface NudgeReads {
  settings(communityId: number): Promise<NudgeSettings>;
  member(communityId: number, platformUserId: string): Promise<MemberNudgeState | null>;
  /** Quiet members as of `window`; `limit` caps the named list. */
  quiet(window: ScanWindow, limit: number): Promise<QuietReport>;
  /**
   * Channels whose messages count as activity but which guyub could not read at its last try.
   * While there is one, who is quiet cannot be told: the quiet report says so and no nudge goes out.
   */
  unreadChannels(communityId: number): Promise<UnreadChannel[]>;
}

/** The state changes of nudges, applied by `store.apply` in one batch (store.ts). */
export type NudgeEffect =
  /** `optedOut` true: "I prefer to just read" / `/cop nudges off`; false: `/cop nudges on` (clears a snooze). */
  | { readonly type: "nudge.preference"; readonly userId: string; readonly optedOut: boolean }
  /** Not nudged before `until` (a local day). */
  | { readonly type: "nudge.snooze"; readonly userId: string; readonly until: string }
  | {
      readonly type: "nudge.settings";
      readonly quietDays?: number;
      readonly cooldownDays?: number;
      readonly perDay?: number;
      readonly paused?: boolean;
    };

// Nudges' state joins core's `Effect` and `CommunityStore` from here (declaration merging).
declare module "../../core/model.ts" {
  interface FeatureEffects {
    nudges: NudgeEffect;
  }
}
declare module "../../core/ports.ts" {
  interface FeatureReads {
    /** Nudge settings, a member's nudge preferences, the quiet list. */
    readonly nudges: NudgeReads;
  }
}
