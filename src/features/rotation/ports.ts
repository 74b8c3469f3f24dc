import type { RotationEffect } from "./effects.ts";
import type { RotationReads } from "./reads.ts";

// The rotation's state joins core's `Effect` and `CommunityStore` from here (declaration merging).
// Its read types live in reads.ts: core's own ports (the digest's) name them, and importing this
// file from there would be an import cycle.
declare module "../../core/model.ts" {
  interface FeatureEffects {
    rotation: RotationEffect;
  }
}
declare module "../../core/ports.ts" {
  interface FeatureReads {
    /** The rotation's members, ledger, aways and the meeting settings. */
    readonly rotation: RotationReads;
  }
}
