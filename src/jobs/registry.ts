import { FEATURE_JOBS } from "../features/server.ts";
import { communityErasure } from "./community-erasure.ts";
import { deliverySweep } from "./delivery-sweep.ts";
import { discordActivity } from "./discord-activity.ts";
import { housekeeping } from "./housekeeping.ts";
import type { JobKind } from "./job-kind.ts";
import { nudges } from "./nudges.ts";
import { tokenReencrypt } from "./token-reencrypt.ts";
import { topicRefresh } from "./topic-refresh.ts";
import { weeklyDigest } from "./weekly-digest.ts";

/**
 * The jobs guyub runs, in dispatch order (kinds due in the same tick are claimed and queued in
 * this order). The features' jobs (`FEATURE_JOBS`, src/features/server.ts) run after delivery and
 * housekeeping, in the order that list gives.
 */
export const JOB_KINDS: readonly JobKind[] = [
  deliverySweep,
  housekeeping,
  ...FEATURE_JOBS,
  nudges,
  discordActivity,
  weeklyDigest,
  topicRefresh,
  tokenReencrypt,
  communityErasure,
];
