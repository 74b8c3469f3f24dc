import { handlePrivateMessage } from "../../core/conversation/inbound.ts";
import { isCancel } from "../../core/conversation/question.ts";
import { createDb } from "../../db/client.ts";
import { localeOf, nameOf, TELEGRAM_SYNTAX, telegramAuthority, type UpdateContext } from "./context.ts";
import type { TelegramMessage } from "./payloads.ts";
import { privateChatCommunities } from "./private-store.ts";
import { deliverAnswer, type WebhookAnswer } from "./replies.ts";
import { TELEGRAM_TRAITS } from "./traits.ts";

/**
 * Whether a message is for a form conversation: text in the bot's private chat that is no
 * command (a conversation's answer), or `/cancel` / `/batal`. Group text never is: a group's
 * chatter is not an answer to anyone's form. Forwarded text is someone else's words, not an answer.
 */
export function isConversationText(message: TelegramMessage): boolean {
  if (message.chat.type !== "private" || !message.text || message.forward_origin) return false;
  const command = message.entities?.some((e) => e.offset === 0 && e.type === "bot_command");
  return !command || isCancel(message.text);
}

/**
 * A private message to core's conversation engine, about the community the chat has chosen (a
 * deep link, or the person's only group), else the one they answered last. The question or
 * result comes back in the chat; no conversation open → nothing is said.
 */
export async function onPrivateText(
  message: TelegramMessage,
  updateId: number,
  ctx: UpdateContext,
): Promise<WebhookAnswer | null> {
  const from = message.from;
  if (!from || from.is_bot || !message.text) return null;
  const userId = String(from.id);
  const { all, chosen } = await privateChatCommunities(createDb(ctx.d1), userId);
  const community = all.find((c) => c.id === chosen) ?? (all.length === 1 ? all[0] : undefined);
  const answer = await handlePrivateMessage(ctx.core, {
    traits: TELEGRAM_TRAITS,
    userId,
    workspaceId: community?.workspaceId ?? null,
    text: withMentions(message),
    // update_id names the delivery: a redelivered answer moves the conversation on once.
    ingressKey: `telegram:private:${message.chat.id}:${message.message_id}:update:${updateId}`,
    fallbackLocale: localeOf(from),
    syntax: TELEGRAM_SYNTAX,
    authority: (c) => telegramAuthority(ctx, c.workspaceId, userId),
  });
  if (!answer) return null;
  return deliverAnswer(answer, {
    client: ctx.client,
    chatId: message.chat.id,
    privateChat: true,
    userId: from.id,
    workspaceId: community?.workspaceId ?? userId,
    locale: async () => localeOf(from),
    names: new Map([[userId, nameOf(from)]]),
  });
}

/**
 * The text with each `text_mention` (a person without a username, picked from the app) written
 * `<@id>`, the neutral mention core reads. Offsets count UTF-16 code units, as JavaScript's do.
 */
export function withMentions(message: TelegramMessage): string {
  const text = message.text ?? "";
  const mentions = (message.entities ?? [])
    .filter((e) => e.type === "text_mention" && e.user)
    .sort((a, b) => b.offset - a.offset);
  let out = text;
  for (const e of mentions) {
    out = `${out.slice(0, e.offset)}<@${e.user?.id}>${out.slice(e.offset + e.length)}`;
  }
  return out;
}
