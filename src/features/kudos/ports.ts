import type { OutboxDraft } from "../../core/delivery.ts";
import type { Capped } from "../../core/digest/section.ts";

/** A reason is at most this many characters (the migration's CHECK says the same). */
export const KUDOS_REASON_MAX = 300;
/** Kudos one member may give per local day; the 11th is refused inside its INSERT. */
export const KUDOS_PER_DAY = 10;

/** What kudos read (store.ts). */
export interface KudosReads {
  /** Kudos a member gave on a local day. */
  givenOn(communityId: number, fromUser: string, day: string): Promise<number>;
  /** Whether the kudos with this post key was stored (the daily limit may have refused it). */
  stored(communityId: number, postKey: string): Promise<boolean>;
}

/** The kudos of a digest's week, oldest first (its section: digest.ts). */
export type KudosWeek = Capped<{ readonly from: string; readonly to: string; readonly reason: string }>;

/** A thank-you: stored and posted in one batch, only while the giver is under the day's limit. */
export interface KudosEffect {
  readonly type: "kudos.give";
  readonly from: string;
  readonly to: string;
  readonly reason: string;
  /** The giver's local day (the daily limit counts by it). */
  readonly day: string;
  /** The post (kind `post`): written only if the kudos row was. */
  readonly draft: OutboxDraft & { readonly kind: "post" };
}

// Kudos's state joins core's `Effect`, `CommunityStore` and the digest's sections from here (declaration merging).
declare module "../../core/model.ts" {
  interface FeatureEffects {
    kudos: KudosEffect;
  }
}
declare module "../../core/ports.ts" {
  interface FeatureReads {
    readonly kudos: KudosReads;
  }
}
declare module "../../core/digest/section.ts" {
  interface FeatureDigest {
    kudos: KudosWeek;
  }
}
