import { parseTypedText } from "../../core/commands/typed-memo.ts";
import { handleCommand } from "../../core/handle-command.ts";
import { type Locale, translator } from "../../core/i18n/index.ts";
import type { Message } from "../../core/message.ts";
import { createDb } from "../../db/client.ts";
import type { TelegramCommandText } from "./command-text.ts";
import {
  localeOf,
  nameOf,
  TELEGRAM_SYNTAX,
  telegramAuthority,
  telegramContact,
  type UpdateContext,
} from "./context.ts";
import type { TelegramMessage, TelegramUser } from "./payloads.ts";
import { chooseCommunityAnswer } from "./private-chat.ts";
import { privateChatCommunities } from "./private-store.ts";
import { deliverAnswer, sendMessageParams, type WebhookAnswer } from "./replies.ts";
import { reportByReply } from "./report-reply.ts";
import { TELEGRAM_TRAITS } from "./traits.ts";

/**
 * A `/cop …` or `/copmod …` message, to core's one command handler with the words parsed exactly
 * as Slack's (`parseTypedText`). In a group the group is the community; in a private chat the
 * community is the one the person chose (a deep link), or their only one, or they are asked.
 */
export async function onCommandMessage(
  message: TelegramMessage,
  command: TelegramCommandText,
  updateId: number,
  ctx: UpdateContext,
): Promise<WebhookAnswer | null> {
  const from = message.from;
  const privateChat = message.chat.type === "private";
  // An anonymous administrator writes as the group (sender_chat); `from` is then Telegram's
  // placeholder bot. guyub cannot tell who it is: asked to write as themselves, nothing stored.
  if (!from || from.is_bot || message.sender_chat) {
    return plain(message.chat.id, translator(localeOf(from))("reply.writeAsYourself"), message.message_id);
  }
  let workspaceId = String(message.chat.id);
  if (privateChat) {
    const { all, chosen } = await privateChatCommunities(createDb(ctx.d1), String(from.id));
    const community = all.find((c) => c.id === chosen) ?? (all.length === 1 ? all[0] : undefined);
    if (!community) {
      if (all.length === 0) return plain(message.chat.id, translator(localeOf(from))("reply.noCommunity"));
      return chooseCommunityAnswer(message.chat.id, all, ctx.botUsername, localeOf(from));
    }
    workspaceId = community.workspaceId;
  }
  const contact = telegramContact(workspaceId, privateChat ? null : message.chat, from);
  // update_id is a key, never an order (it restarts at random after a long pause): with the chat
  // and message ids it names this one message, and a redelivery of it changes nothing twice.
  const ingressKey = `telegram:${message.chat.id}:${message.message_id}:update:${updateId}`;
  const reported = await reportByReply(message, command, ingressKey, ctx);
  const answer = reported
    ? { message: reported }
    : await handleCommand(ctx.core, {
        contact,
        traits: TELEGRAM_TRAITS,
        syntax: TELEGRAM_SYNTAX,
        authority: () => telegramAuthority(ctx, workspaceId, contact.userId),
        parse: (registry) => parseTypedText(registry, TELEGRAM_TRAITS, command.text, { root: command.root }),
        ingressKey,
        ...(from.language_code ? { languageHints: [from.language_code] } : {}),
      });
  return deliverAnswer(answer.message, {
    client: ctx.client,
    chatId: message.chat.id,
    privateChat,
    userId: from.id,
    replyTo: message.message_id,
    ...(ctx.botUsername ? { botUsername: ctx.botUsername } : {}),
    workspaceId,
    locale: () => communityLocale(ctx, contact, from),
    names: new Map([[contact.userId, nameOf(from)]]),
  });
}

/** The community's language (for the short public nudge), else the speaker's. */
async function communityLocale(
  ctx: UpdateContext,
  contact: ReturnType<typeof telegramContact>,
  from: TelegramUser,
): Promise<Locale> {
  try {
    return (await ctx.core.store.find(contact)).community?.locale ?? localeOf(from);
  } catch {
    return localeOf(from);
  }
}

/** A one-line public answer in the chat the update came from. */
export function plain(chatId: number, text: string, replyTo?: number): WebhookAnswer {
  const message: Message = { visibility: "public", blocks: [{ type: "text", text }] };
  return {
    method: "sendMessage",
    ...sendMessageParams(chatId, message),
    ...(replyTo !== undefined
      ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } }
      : {}),
  };
}
