import { onGroupMessage, startsWithCommand } from "./activity.ts";
import { onCallback } from "./callback.ts";
import { onCommandMessage } from "./command.ts";
import { commandText, startParameter } from "./command-text.ts";
import type { UpdateContext } from "./context.ts";
import { onChatMember, onMyChatMember, onServiceMessage } from "./membership.ts";
import type { TelegramUpdate } from "./payloads.ts";
import { onStart } from "./private-chat.ts";
import { isConversationText, onPrivateText } from "./private-text.ts";
import type { WebhookAnswer } from "./replies.ts";

/**
 * One update, by kind. An edited message is never a command (it was answered when first sent) nor
 * new activity; anything guyub does not read is acknowledged and ignored, so Telegram does not redeliver it.
 */
export async function onUpdate(update: TelegramUpdate, ctx: UpdateContext): Promise<WebhookAnswer | null> {
  if (update.callback_query) return onCallback(update.callback_query, ctx);
  if (update.my_chat_member) {
    await onMyChatMember(update.my_chat_member, ctx);
    return null;
  }
  if (update.chat_member) {
    await onChatMember(update.chat_member, update.update_id, ctx);
    return null;
  }
  const message = update.message;
  if (!message) return null;
  if (await onServiceMessage(message, update.update_id, ctx)) return null;
  const start = startParameter(message);
  if (start !== null) return onStart(message, start, ctx);
  if (isConversationText(message)) return onPrivateText(message, update.update_id, ctx);
  const command = commandText(message, ctx.botUsername);
  if (!command) {
    // Any other message by a member in a group is activity; a command for another bot is not.
    if (!startsWithCommand(message)) await onGroupMessage(message, update.update_id, ctx);
    return null;
  }
  if (message.chat.type === "channel") return null;
  return onCommandMessage(message, command, update.update_id, ctx);
}
