import type { App } from "@slack/bolt";
import { z } from "zod";
import { recordMessageActivity } from "../../core/activity/events.ts";
import type { SlackRequestContext } from "./request-context.ts";

const envelope = z.looseObject({ team_id: z.string().min(1).max(32), event_id: z.string().min(1).max(64) });

/**
 * Human posts: a plain message, or one of the two subtypes a person makes by posting (a file, a
 * thread reply also sent to the channel). Edits (`message_changed`), deletions, joins, topic
 * changes and bot posts (`bot_message`, or any message with a `bot_id`) are not activity.
 */
const HUMAN_SUBTYPES: ReadonlySet<string> = new Set(["thread_broadcast", "file_share"]);
const message = z.looseObject({
  user: z.string().regex(/^[A-Z0-9]{1,32}$/),
  subtype: z.string().max(64).optional(),
  bot_id: z.string().max(64).optional(),
});

/**
 * `message.channels` / `message.groups`: messages in the channels guyub is in mark their author
 * active today. Only who wrote: the text is never read or stored. Keyed
 * `slack:<team>:event:<event_id>` like every event, so Slack's retries count once.
 */
export function registerActivityEvents(bolt: App): void {
  bolt.event("message", async ({ body, event, context }) => {
    const ids = envelope.safeParse(body);
    const parsed = message.safeParse(event);
    if (!ids.success || !parsed.success) return;
    const { user, subtype, bot_id } = parsed.data;
    if (bot_id !== undefined || (subtype !== undefined && !HUMAN_SUBTYPES.has(subtype))) return;
    const { team_id, event_id } = ids.data;
    await recordMessageActivity((context.guyub as SlackRequestContext).core, {
      platform: "slack",
      workspaceId: team_id,
      userId: user,
      ingressKey: `slack:${team_id}:event:${event_id}`,
    });
  });
}
