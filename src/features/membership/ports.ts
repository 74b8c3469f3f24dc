import type { Capped } from "../../core/digest/section.ts";
import type { LeaveReason, MembershipEffect } from "./effects.ts";

/** Where a member stands, as stored. */
export interface MemberState {
  readonly status: "active" | "paused" | "alumni";
  readonly leftReason: LeaveReason | null;
  readonly welcomedAt: Date | null;
}

/** What a welcome needs to know about its community. */
export interface OnboardingSettings {
  /** The moderator's welcome text; null means the built-in one in the community's language. */
  readonly welcomeText: string | null;
  /** The code of conduct; null means none is shown. */
  readonly conductText: string | null;
  /** Days after the welcome before the one follow-up reminder (1–60, default 7). */
  readonly followupDays: number;
  /** Where public posts (the welcome's fallback) go; null until a moderator sets one. */
  readonly mainChannelId: string | null;
  /** Whether the first full member-list sync has completed (before it, nobody found is welcomed). */
  readonly firstSyncCompleted: boolean;
}

/** The member-list sync as moderators see it. */
export interface SyncStatus {
  readonly inProgress: boolean;
  /** Members seen so far in the pass in progress. */
  readonly seen: number;
  readonly lastFinishedAt: Date | null;
  readonly lastSeen: number | null;
  readonly lastJoined: number | null;
  readonly lastLeft: number | null;
  readonly lastError: string | null;
}

/** `/copmod members`: counts by status, the newest active members, the sync. */
export interface MembersOverview {
  readonly counts: Readonly<Record<MemberState["status"], number>>;
  readonly newest: readonly { readonly userId: string; readonly joinedAt: Date }[];
  readonly sync: SyncStatus;
}

/** Membership reads for commands and core flows; `reads-store.ts` implements them over D1. */
export interface MembershipReads {
  /** A member's state, or null when guyub never stored them. */
  member(communityId: number, platformUserId: string): Promise<MemberState | null>;
  onboarding(communityId: number): Promise<OnboardingSettings>;
  overview(communityId: number, newest: number): Promise<MembersOverview>;
}

/** The members welcomed in a digest's week (platform user ids, oldest first; its section: digest.ts). */
export type NewcomersWeek = Capped<string>;

/** The member-list sync's job name (`member-sync-job.ts`). */
export const MEMBER_SYNC_JOB = "member-sync";

// Membership's state joins core's `Effect` and `CommunityStore` from here (declaration merging),
// under the key `membership` every feature reads the onboarding settings and main channel by.
declare module "../../core/model.ts" {
  interface FeatureEffects {
    membership: MembershipEffect;
  }
}
declare module "../../core/ports.ts" {
  interface FeatureReads {
    /** Member status, onboarding settings, member counts. */
    readonly membership: MembershipReads;
  }
}
declare module "../../core/digest/section.ts" {
  interface FeatureDigest {
    membership: NewcomersWeek;
  }
}
