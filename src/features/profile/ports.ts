import type { AboutAnswers, Profile, ProfileAnswers } from "./answers.ts";

/** What the intro form needs to know about the member filling it in: one read. */
export interface IntroState {
  readonly profile: Profile | null;
  /** The Discord form's first-step answers, waiting for the second step. */
  readonly draft: { readonly answers: AboutAnswers; readonly updatedAt: Date } | null;
  /** Where introductions are posted (`communities.main_channel_id`); null: not set up yet. */
  readonly mainChannelId: string | null;
}

/** Another member as `/cop profile show @member` sees them. */
export interface ProfileOwner {
  readonly platformUserId: string;
  readonly displayName: string | null;
  readonly status: "active" | "paused" | "alumni";
}

/** One `whoknows` result. */
export interface SearchHit {
  readonly platformUserId: string;
  readonly displayName: string | null;
  /** A few words around the hits; hits between `HIT_START` and `HIT_END` (src/core/profile/search.ts). */
  readonly snippet: string;
}

/** Profile reads; `store.ts` implements them over D1. Writes are `ProfileEffect`s. */
export interface ProfileStore {
  introState(communityId: number, memberId: number): Promise<IntroState>;
  /** A member of the community by platform id, with their profile; owner null if never seen. */
  byUser(
    communityId: number,
    platformUserId: string,
  ): Promise<{ owner: ProfileOwner | null; profile: Profile | null }>;
  /**
   * Members who agreed to be found, are not alumni, and whose profile matches `match` (an FTS5
   * query built by `ftsQuery`, never raw input), best first.
   */
  search(communityId: number, match: string, limit: number): Promise<SearchHit[]>;
}

/** Profile state changes, applied by the store in the same batch as everything else. */
export type ProfileEffect =
  /** Saves (creates or replaces) a member's profile and drops their first-step draft. */
  | { readonly type: "profile.save"; readonly memberId: number; readonly answers: ProfileAnswers }
  /** Keeps the Discord form's first step until the second is submitted. */
  | { readonly type: "profile.draft"; readonly memberId: number; readonly answers: AboutAnswers };

// Profile's state joins core's `Effect` and `CommunityStore` from here (declaration merging), under
// the key `profiles` the commands read (`ctx.store.profiles`).
declare module "../../core/model.ts" {
  interface FeatureEffects {
    profiles: ProfileEffect;
  }
}
declare module "../../core/ports.ts" {
  interface FeatureReads {
    /** Member profiles and `whoknows` (never cached: a consent change counts at once). */
    readonly profiles: ProfileStore;
  }
}
