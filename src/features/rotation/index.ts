import type { Feature } from "../../core/feature.ts";
import { ROTATION_ACTIONS, ROTATION_FORMS } from "./actions.ts";
import { rotationFairness, rotationShow } from "./commands/rotation.ts";
import { rotationAdd, rotationMode, rotationRemove } from "./commands/rotation-admin.ts";
import { rotationAway, rotationPass, rotationSwap, rotationVolunteer } from "./commands/rotation-turns.ts";
// The rotation's reads and effects join core's `CommunityStore` and `Effect` in ports.ts: named
// here so every program that lists the feature (the Worker's, the scripts' typecheck) sees them.
import type {} from "./ports.ts";

/**
 * Rotation: `/cop rotation …` (who hosts the next meetings, fairly), the pass and swap buttons and
 * the swap form. Its turns are the meetings' hosts, so its core files build on the meetings
 * folder's. Its core part; the store part is `store.ts` (with `*-store.ts`), the strings
 * `strings-en.ts`/`strings-id.ts`.
 */
export const rotation: Feature = {
  name: "rotation",
  commands: [
    rotationShow,
    rotationFairness,
    rotationPass,
    rotationSwap,
    rotationVolunteer,
    rotationAway,
    rotationAdd,
    rotationRemove,
    rotationMode,
  ],
  groups: { rotation: "cmd.rotation" },
  actions: ROTATION_ACTIONS,
  forms: ROTATION_FORMS,
};
