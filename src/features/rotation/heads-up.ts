import { actionButton } from "../../core/actions/pack.ts";
import type { OutboxDraft } from "../../core/delivery.ts";
import type { Translator } from "../../core/i18n/index.ts";
import type { Block, Button } from "../../core/message.ts";
import type { Community } from "../../core/model.ts";
import { formatMeetingTime } from "../meetings/format.ts";
import type { PlannedMeeting } from "../meetings/plan.ts";
import { doneButton } from "../meetings/reminder.ts";

/** The heads-up's buttons (argument: the meeting's scheduled day). */
export const PASS_ACTION = "rotation.pass";
export const SWAP_OPEN_ACTION = "rotation.swap-open";

/** The outbox key of a host's heads-up: once per host per meeting. */
export function headsUpKey(scheduledDay: string, host: string): string {
  return `headsup:${scheduledDay}:${host}`;
}

/**
 * The private heads-up to a meeting's host: when (in the community's zone and language), where,
 * and buttons to pass the turn on, ask someone to swap, or mark the meeting held afterwards. Keyed per host and meeting, so the
 * announcement job and a pass or swap never send it twice; pointless once the meeting starts.
 */
export function headsUpDraft(
  community: Pick<Community, "id" | "timezone">,
  t: Translator,
  meeting: PlannedMeeting,
  host: string,
): OutboxDraft {
  const when = formatMeetingTime(meeting.startsAt, t.locale, community.timezone);
  const day = meeting.scheduledDay;
  const buttons: Button[] = [
    actionButton(community, PASS_ACTION, t("headsUp.pass"), [day]),
    actionButton(community, SWAP_OPEN_ACTION, t("headsUp.swap"), [day]),
    // The meetings feature's "Mark as held" (for the host once the meeting has started).
    doneButton(community, t, day),
  ];
  const blocks: Block[] = [
    { type: "heading", text: t("headsUp.title") },
    { type: "text", text: t("headsUp.body", { when }) },
  ];
  if (meeting.link) blocks.push({ type: "text", text: t("meeting.link", { link: meeting.link }) });
  blocks.push({ type: "context", text: t("headsUp.hint") }, { type: "actions", buttons });
  return {
    kind: "dm",
    key: headsUpKey(day, host),
    userId: host,
    message: { visibility: "public", blocks },
    expiresAt: meeting.startsAt,
  };
}
