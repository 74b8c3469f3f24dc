import { actionButton } from "../../core/actions/pack.ts";
import type { OutboxDraft } from "../../core/delivery.ts";
import type { Translator } from "../../core/i18n/index.ts";
import type { Block, Message } from "../../core/message.ts";
import type { Community } from "../../core/model.ts";
import { meetingWhen } from "./announcement.ts";
import type { Reminder } from "./moments.ts";
import type { PlannedMeeting } from "./plan.ts";

/** The button that marks a meeting held (argument: its scheduled day). */
export const DONE_ACTION = "meeting.done";

/** "Mark as held", for the host or a moderator once the meeting has started. */
export function doneButton(community: Pick<Community, "id">, t: Translator, scheduledDay: string) {
  return actionButton(community, DONE_ACTION, t("done.button"), [scheduledDay]);
}

/** The outbox key of a reminder: once per meeting and kind. */
export function reminderKey(scheduledDay: string, which: Reminder): string {
  return `remind:${scheduledDay}:${which}`;
}

/**
 * A reminder in the main channel: when (in the community's zone), the host, the link. The hour
 * reminder carries "Mark as held" for the host to press afterwards (anyone else is refused).
 */
export function reminderMessage(
  community: Pick<Community, "id" | "timezone">,
  t: Translator,
  meeting: PlannedMeeting,
  which: Reminder,
): Message {
  const when = meetingWhen(community, t, meeting);
  const blocks: Block[] = [
    { type: "text", text: t(which === "24h" ? "remind.day" : "remind.hour", { when }) },
  ];
  if (meeting.host)
    blocks.push({ type: "text", text: t.rich("meeting.host", { host: { user: meeting.host } }) });
  if (meeting.link) blocks.push({ type: "text", text: t("meeting.link", { link: meeting.link }) });
  if (which === "1h")
    blocks.push({ type: "actions", buttons: [doneButton(community, t, meeting.scheduledDay)] });
  return { visibility: "public", blocks };
}

/** The reminder as an outbox post, pointless (skipped) once the meeting has started. */
export function reminderDraft(
  community: Pick<Community, "id" | "timezone">,
  t: Translator,
  meeting: PlannedMeeting,
  which: Reminder,
  channelId: string,
): OutboxDraft {
  return {
    kind: "post",
    key: reminderKey(meeting.scheduledDay, which),
    channelId,
    message: reminderMessage(community, t, meeting, which),
    expiresAt: meeting.startsAt,
  };
}
