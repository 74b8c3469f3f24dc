import type { Translator } from "../../core/i18n/index.ts";
import type { Community, Effect } from "../../core/model.ts";
import { headsUpDraft } from "../rotation/heads-up.ts";
import type { PlannedMeeting } from "./plan.ts";

/**
 * The host's private heads-up (pass and swap buttons), drafted in the announcement's batch. Its
 * message belongs to the rotation (src/features/rotation/heads-up.ts); keyed per host and meeting, so
 * a second announcement run sends nothing.
 */
export function headsUp(community: Community, t: Translator, meeting: PlannedMeeting): Effect[] {
  if (!meeting.host) return [];
  return [{ type: "outbox.send", draft: headsUpDraft(community, t, meeting, meeting.host) }];
}
