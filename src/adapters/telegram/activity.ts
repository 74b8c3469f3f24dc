import { recordMessageActivity } from "../../core/activity/events.ts";
import { localeOf, nameOf, type UpdateContext } from "./context.ts";
import type { TelegramMessage } from "./payloads.ts";
import { TELEGRAM_TRAITS } from "./traits.ts";

/**
 * Service messages a member's action causes (a pin, a new title or photo, a video chat): Telegram
 * writes them, not the member, so they are not taking part (Bot API `Message` fields).
 */
const SERVICE_FIELDS = [
  "pinned_message",
  "new_chat_title",
  "new_chat_photo",
  "delete_chat_photo",
  "group_chat_created",
  "supergroup_chat_created",
  "message_auto_delete_timer_changed",
  "video_chat_scheduled",
  "video_chat_started",
  "video_chat_ended",
  "video_chat_participants_invited",
  "forum_topic_created",
  "forum_topic_edited",
  "forum_topic_closed",
  "forum_topic_reopened",
  "boost_added",
  "chat_background_set",
] as const;

/** A message that starts with a command (ours, another bot's, or a word no bot knows). */
export function startsWithCommand(message: TelegramMessage): boolean {
  return message.entities?.some((e) => e.offset === 0 && e.type === "bot_command") ?? false;
}

/**
 * A member's ordinary message in a group marks them active today, through core's activity path
 * (as Slack's message events): who wrote, never what. A bot sees these only as an administrator
 * (privacy mode). Not activity: bots, an anonymous administrator or a linked channel writing as a
 * chat (`sender_chat`: no person), service messages, private chats. The Bot API lists no members, so a writer guyub
 * never met is met here, as a founder (they were in the group before their join reached guyub).
 * Keyed by `update_id`: a redelivered update counts once.
 */
export async function onGroupMessage(
  message: TelegramMessage,
  updateId: number,
  ctx: UpdateContext,
): Promise<void> {
  const chat = message.chat;
  if (chat.type !== "group" && chat.type !== "supergroup") return;
  const from = message.from;
  if (!from || from.is_bot || message.sender_chat) return;
  if (SERVICE_FIELDS.some((field) => field in message)) return;
  await recordMessageActivity(
    { store: ctx.core.store, now: ctx.core.now },
    {
      platform: TELEGRAM_TRAITS.id,
      workspaceId: String(chat.id),
      userId: String(from.id),
      ingressKey: `telegram:${chat.id}:${message.message_id}:seen:update:${updateId}`,
      meet: { displayName: nameOf(from), locale: localeOf(from) },
    },
  );
}
