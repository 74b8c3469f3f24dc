import { FEATURE_JOBS } from "../features/jobs.ts";
import { communityErasure } from "./community-erasure.ts";
import { deliverySweep } from "./delivery-sweep.ts";
import { housekeeping } from "./housekeeping.ts";
import type { JobKind } from "./job-kind.ts";
import { tokenReencrypt } from "./token-reencrypt.ts";

/**
 * The jobs guyub runs, in dispatch order (kinds due in the same tick are claimed and queued in
 * this order): delivery and housekeeping, the features' jobs (`FEATURE_JOBS`,
 * src/features/jobs.ts, in their own order), then the key re-encryption and community erasure.
 */
export const JOB_KINDS: readonly JobKind[] = [
  deliverySweep,
  housekeeping,
  ...FEATURE_JOBS,
  tokenReencrypt,
  communityErasure,
];
