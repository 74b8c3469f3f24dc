import type { Feature } from "../../core/feature.ts";
import { newcomersDigest } from "./digest.ts";
import { join, leave } from "./join-leave.ts";
import { members } from "./members.ts";
import {
  onboardingChannel,
  onboardingConduct,
  onboardingFollowup,
  onboardingPreview,
  onboardingSync,
  onboardingWelcome,
} from "./onboarding.ts";

/**
 * Membership, with onboarding: `/cop join|leave`, `/copmod members`, `/copmod onboarding …`, the
 * member-list sync, the welcome and its follow-up. One feature because they share one state: the
 * onboarding settings and main channel are membership's reads and effects, and every join (event,
 * sync page, first contact, `/cop join`) writes its welcome in the same batch. Its core part; the
 * store part is `store.ts`, the tables `schema.ts`, the jobs `member-sync-job.ts` and
 * `welcome-followup-job.ts`, the strings `strings-en.ts`/`strings-id.ts`.
 */
export const membership = {
  name: "membership",
  commands: [
    join,
    leave,
    members,
    onboardingPreview,
    onboardingWelcome,
    onboardingConduct,
    onboardingFollowup,
    onboardingChannel,
    onboardingSync,
  ],
  groups: { onboarding: "cmd.onboarding" },
  digest: newcomersDigest,
} satisfies Feature;
