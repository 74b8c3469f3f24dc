import { FEATURE_JOBS } from "../features/server.ts";
import { communityErasure } from "./community-erasure.ts";
import { deliverySweep } from "./delivery-sweep.ts";
import { discordActivity } from "./discord-activity.ts";
import { housekeeping } from "./housekeeping.ts";
import type { JobKind } from "./job-kind.ts";
import { memberSync } from "./member-sync.ts";
import { nudges } from "./nudges.ts";
import { tokenReencrypt } from "./token-reencrypt.ts";
import { topicRefresh } from "./topic-refresh.ts";
import { weeklyDigest } from "./weekly-digest.ts";
import { welcomeFollowup } from "./welcome-followup.ts";

/** The jobs guyub runs, in dispatch order (the moved features' jobs from `FEATURE_JOBS`). */
export const JOB_KINDS: readonly JobKind[] = [
  deliverySweep,
  housekeeping,
  memberSync,
  welcomeFollowup,
  nudges,
  discordActivity,
  ...FEATURE_JOBS,
  weeklyDigest,
  topicRefresh,
  tokenReencrypt,
  communityErasure,
];
