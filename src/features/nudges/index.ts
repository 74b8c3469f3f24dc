import type { Feature } from "../../core/feature.ts";
import { NUDGE_ACTIONS } from "./actions.ts";
import { nudgesOff, nudgesOn, nudgesPause, nudgesResume, nudgesSettings, nudgesSnooze } from "./command.ts";
import { nudgesQuiet } from "./command-quiet.ts";

/**
 * Nudges: a quiet member gets a friendly DM (`/cop nudges …` for members, `/copmod nudges …` for
 * moderators). Its core part; the store part is `store.ts` (with `scan-store.ts`, the quiet scan,
 * and `topics-store.ts`, what a nudge says of topics), the daily job `jobs.ts`. Who was seen
 * active is shared (src/core/activity/, src/jobs/discord-activity.ts): every feature records it.
 */
export const nudges: Feature = {
  name: "nudges",
  commands: [nudgesOff, nudgesOn, nudgesSnooze, nudgesQuiet, nudgesSettings, nudgesPause, nudgesResume],
  groups: { nudges: "cmd.nudges" },
  actions: NUDGE_ACTIONS,
};
