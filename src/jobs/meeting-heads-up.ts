import type { Translator } from "../core/i18n/index.ts";
import type { PlannedMeeting } from "../core/meetings/plan.ts";
import type { Community, Effect } from "../core/model.ts";

/**
 * The host's private heads-up (pass and swap buttons), drafted with the announcement. The rotation
 * commands own its message (src/core/rotation/heads-up.ts); until that lands, none is sent.
 */
export function headsUp(_community: Community, _t: Translator, _meeting: PlannedMeeting): Effect[] {
  return [];
}
