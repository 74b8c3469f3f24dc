import { type Locale, translator } from "../../core/i18n/index.ts";
import type { Message } from "../../core/message.ts";
import { TelegramApiError, type TelegramClient } from "./client.ts";
import { type MentionNames, renderTelegramMessage } from "./render.ts";

/**
 * A Bot API call returned as the webhook's answer (core.telegram.org/bots/api#making-requests-when-getting-updates):
 * Telegram makes it for us, so a reply in the chat the update came from costs no request of ours.
 */
export type WebhookAnswer = { readonly method: string } & Record<string, unknown>;

/** Where an answer to one update goes, and how to reach the speaker privately. */
export interface ReplyPlace {
  /** null when no bot token is configured: then nothing private can be sent. */
  readonly client: TelegramClient | null;
  readonly chatId: number;
  /** The update came from the speaker's private chat with the bot. */
  readonly privateChat: boolean;
  readonly userId: number;
  /** The message answered (a command): the group's reply quotes it. */
  readonly replyTo?: number;
  /** For the deep link back to the bot when a private message cannot be sent. */
  readonly botUsername?: string;
  readonly workspaceId: string;
  /** The language of the public nudge, asked only when it is needed. */
  readonly locale: () => Promise<Locale>;
  readonly names?: MentionNames;
}

/** What a `sendMessage` of `message` to `chatId` carries. */
export function sendMessageParams(
  chatId: number,
  message: Message,
  names?: MentionNames,
): Record<string, unknown> {
  return { chat_id: chatId, ...renderTelegramMessage(message, names) };
}

/**
 * Delivers core's answer. Public, or in the private chat itself: the webhook's answer. Private
 * (`ephemeral`) in a group: a message to the speaker's private chat; when Telegram refuses (403:
 * they never started the bot, or blocked it) the group gets only a short "open a chat with me"
 * deep link, never the private content.
 */
export async function deliverAnswer(message: Message, place: ReplyPlace): Promise<WebhookAnswer | null> {
  if (place.privateChat || message.visibility === "public") {
    return {
      method: "sendMessage",
      ...sendMessageParams(place.chatId, message, place.names),
      ...(place.replyTo !== undefined && !place.privateChat
        ? { reply_parameters: { message_id: place.replyTo, allow_sending_without_reply: true } }
        : {}),
    };
  }
  if (place.client) {
    try {
      await place.client.call("sendMessage", sendMessageParams(place.userId, message, place.names));
      return null;
    } catch (error) {
      if (!(error instanceof TelegramApiError && error.cannotWriteToUser)) {
        // Rate-limited or down: the private answer is not worth a public one; the member asks again.
        console.error("telegram: private reply failed", error);
        return null;
      }
    }
  }
  return openChatNudge(place, await place.locale());
}

/** The deep link that opens the bot's private chat about this community. */
export function openChatLink(botUsername: string | undefined, workspaceId: string): string | null {
  return botUsername ? `https://t.me/${botUsername}?start=${encodeURIComponent(workspaceId)}` : null;
}

function openChatNudge(place: ReplyPlace, locale: Locale): WebhookAnswer {
  const t = translator(locale);
  const link = openChatLink(place.botUsername, place.workspaceId);
  const text = t("reply.openPrivateChat", { link: link ?? `@${place.botUsername ?? "bot"}` });
  return {
    method: "sendMessage",
    ...sendMessageParams(place.chatId, {
      visibility: "public",
      blocks: [{ type: "text", text }],
      noPreviews: true,
    }),
    ...(place.replyTo !== undefined
      ? { reply_parameters: { message_id: place.replyTo, allow_sending_without_reply: true } }
      : {}),
  };
}
