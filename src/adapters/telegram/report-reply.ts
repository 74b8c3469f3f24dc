import { handleMessageAction } from "../../core/actions/message-action.ts";
import type { TargetMessage } from "../../core/actions/message-types.ts";
import { handlePrivateMessage } from "../../core/conversation/inbound.ts";
import type { Message } from "../../core/message.ts";
import { REASON_FORM } from "../../features/reports/report-message.ts";
import type { TelegramCommandText } from "./command-text.ts";
import {
  localeOf,
  nameOf,
  TELEGRAM_SYNTAX,
  telegramAuthority,
  telegramContact,
  type UpdateContext,
} from "./context.ts";
import type { TelegramMessage } from "./payloads.ts";
import { TELEGRAM_TRAITS } from "./traits.ts";

const REPORT = /^report(?:\s+([\s\S]*))?$/i;

/**
 * `/cop report <reason>` sent as a reply in a group: a report about the message replied to,
 * through core's "report to moderators" message action (as Slack's shortcut and Discord's message
 * command reach it). Its reason form is a conversation on Telegram: a reason typed with the
 * command answers it at once, else it is asked in the private chat. Null when this is no such
 * command (no reply, a private chat, another word): the command is handled as everywhere else.
 */
export async function reportByReply(
  message: TelegramMessage,
  command: TelegramCommandText,
  ingressKey: string,
  ctx: UpdateContext,
): Promise<Message | null> {
  const replied = message.reply_to_message;
  const from = message.from;
  const match = command.root === "cop" ? REPORT.exec(command.text) : null;
  if (!replied || !from || !match || message.chat.type === "private") return null;
  const workspaceId = String(message.chat.id);
  const userId = String(from.id);
  const author = replied.from;
  const target: TargetMessage = {
    channelId: workspaceId,
    messageId: String(replied.message_id),
    text: replied.text ?? "",
    // A message sent as the group or a channel has no person behind it guyub could name.
    authorId: author && !replied.sender_chat ? String(author.id) : null,
    authorName: author ? nameOf(author) : null,
    authorIsBot: author ? author.is_bot : null,
    link: messageLink(message.chat.id, replied.message_id),
  };
  const authority = () => telegramAuthority(ctx, workspaceId, userId);
  const response = await handleMessageAction(ctx.core, {
    contact: telegramContact(workspaceId, message.chat, from),
    traits: TELEGRAM_TRAITS,
    syntax: TELEGRAM_SYNTAX,
    action: "report.message",
    target,
    ingressKey,
    authority,
  });
  const asked =
    response.kind === "form"
      ? response.fallback
      : response.kind === "update"
        ? response.reply
        : response.message;
  const reason = (match[1] ?? "").trim();
  if (!reason || !(await reasonAsked(ctx, workspaceId, userId))) return asked ?? null;
  // The reason came with the command: it answers the form's one question, in this group.
  return handlePrivateMessage(ctx.core, {
    traits: TELEGRAM_TRAITS,
    userId,
    workspaceId,
    text: reason,
    ingressKey: `${ingressKey}:reason`,
    fallbackLocale: localeOf(from),
    syntax: TELEGRAM_SYNTAX,
    authority,
  });
}

/** Whether the action opened its reason question (a refusal opens none; another form is not this one). */
async function reasonAsked(ctx: UpdateContext, workspaceId: string, userId: string): Promise<boolean> {
  const now = ctx.core.now();
  const store = ctx.core.store.formConversation;
  const [communityId] = await store.openFor(TELEGRAM_TRAITS.id, userId, workspaceId, now);
  if (communityId === undefined) return false;
  return (await store.open(communityId, userId, now))?.formId === REASON_FORM;
}

/**
 * `https://t.me/c/<internal id>/<message id>` for a supergroup (its chat id is -100 followed by
 * the internal id); a basic group's messages have no link.
 */
export function messageLink(chatId: number, messageId: number): string | null {
  const id = String(chatId);
  return id.startsWith("-100") ? `https://t.me/c/${id.slice(4)}/${messageId}` : null;
}
