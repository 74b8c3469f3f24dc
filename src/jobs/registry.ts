import { FEATURE_JOBS } from "../features/jobs.ts";
import { nudges } from "../features/nudges/jobs.ts";
import { communityErasure } from "./community-erasure.ts";
import { deliverySweep } from "./delivery-sweep.ts";
import { discordActivity } from "./discord-activity.ts";
import { housekeeping } from "./housekeeping.ts";
import type { JobKind } from "./job-kind.ts";
import { meetingAnnounce } from "./meeting-announce.ts";
import { meetingClose } from "./meeting-close.ts";
import { meetingHoliday } from "./meeting-holiday.ts";
import { meetingRemind } from "./meeting-remind.ts";
import { memberSync } from "./member-sync.ts";
import { tokenReencrypt } from "./token-reencrypt.ts";
import { welcomeFollowup } from "./welcome-followup.ts";

/** The jobs guyub runs, in dispatch order. */
export const JOB_KINDS: readonly JobKind[] = [
  deliverySweep,
  housekeeping,
  memberSync,
  welcomeFollowup,
  // A moved feature's job kept at its place: the meeting jobs (not moved yet) and the shared
  // discord-activity come between it and the other moved features' jobs (FEATURE_JOBS).
  nudges,
  discordActivity,
  meetingAnnounce,
  meetingHoliday,
  meetingRemind,
  meetingClose,
  // The moved features' jobs; the others join this list as their features move.
  ...FEATURE_JOBS,
  tokenReencrypt,
  communityErasure,
];
