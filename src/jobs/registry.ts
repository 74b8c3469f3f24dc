import { FEATURE_JOBS } from "../features/server.ts";
import { communityErasure } from "./community-erasure.ts";
import { deliverySweep } from "./delivery-sweep.ts";
import { discordActivity } from "./discord-activity.ts";
import { housekeeping } from "./housekeeping.ts";
import type { JobKind } from "./job-kind.ts";
import { meetingAnnounce } from "./meeting-announce.ts";
import { meetingClose } from "./meeting-close.ts";
import { meetingHoliday } from "./meeting-holiday.ts";
import { meetingRemind } from "./meeting-remind.ts";
import { nudges } from "./nudges.ts";
import { tokenReencrypt } from "./token-reencrypt.ts";
import { topicRefresh } from "./topic-refresh.ts";
import { weeklyDigest } from "./weekly-digest.ts";

/**
 * The jobs guyub runs, in dispatch order (observable: it is the order of a tick's work). The moved
 * features' jobs (`FEATURE_JOBS`) sit where theirs always were, after housekeeping.
 */
export const JOB_KINDS: readonly JobKind[] = [
  deliverySweep,
  housekeeping,
  ...FEATURE_JOBS,
  nudges,
  discordActivity,
  meetingAnnounce,
  meetingHoliday,
  meetingRemind,
  meetingClose,
  weeklyDigest,
  topicRefresh,
  tokenReencrypt,
  communityErasure,
];
