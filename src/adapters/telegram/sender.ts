import type { PaceStep, SendOutcome, SendPort, SendReport, SendRequest } from "../../core/delivery.ts";
import { credentialOnce } from "../credential.ts";
import { TelegramApiError, type TelegramClient } from "./client.ts";
import { renderTelegramMessage } from "./render.ts";

/**
 * Telegram's published pace (core.telegram.org/bots/faq): about 30 messages a second overall,
 * 20 a minute in one group, one a second in one chat. A little margin on each.
 */
export const TELEGRAM_PACE = { globalMs: 35, groupMs: 3_100, chatMs: 1_050 } as const;

const GLOBAL_KEY = "telegram:global";

/**
 * The send port for Telegram: one bot serves every group. A private message is `sendMessage` to
 * the person's id (their private chat); a file goes as its text, since guyub's files are small
 * JSON exports (`sendDocument` would need multipart; the text is the same content).
 */
export function createTelegramSender(client: TelegramClient, token: string, paceScale = 1): SendPort {
  const step = (key: string, ms: number): PaceStep => ({ key, intervalMs: ms / paceScale });
  const chatSteps = (chatId: string) => [
    step(`telegram:chat:${chatId}`, TELEGRAM_PACE.chatMs),
    ...(chatId.startsWith("-") ? [step(`telegram:group:${chatId}`, TELEGRAM_PACE.groupMs)] : []),
    step(GLOBAL_KEY, TELEGRAM_PACE.globalMs),
  ];
  const send = async (
    method: string,
    chatId: string,
    params: Record<string, unknown>,
  ): Promise<SendReport> => {
    try {
      const result = await client.call<{ message_id?: number; chat?: { id?: number } }>(method, {
        chat_id: Number(chatId),
        ...params,
      });
      const id = typeof result === "object" && result ? String(result.message_id ?? "") : "";
      return { outcome: { kind: "sent", messageId: id, channelId: chatId } };
    } catch (error) {
      return { outcome: failure(error, chatId) };
    }
  };
  return {
    credential: credentialOnce(token),
    pacing(request: SendRequest) {
      switch (request.kind) {
        case "post":
        case "edit":
          return chatSteps(request.channelId);
        case "dm":
          return chatSteps(request.userId);
        case "followup":
          return [step(GLOBAL_KEY, TELEGRAM_PACE.globalMs)];
      }
    },
    async send(request: SendRequest) {
      const body = (message: SendRequest["message"]): Record<string, unknown> => {
        const rendered: Record<string, unknown> = {
          ...renderTelegramMessage({ ...message, visibility: "public" }),
        };
        return message.file
          ? {
              ...rendered,
              text: `${rendered.text}\n\n<pre>${escapeHtml(message.file.content.slice(0, 3000))}</pre>`,
            }
          : rendered;
      };
      switch (request.kind) {
        case "post":
          return send("sendMessage", request.channelId, {
            ...body(request.message),
            ...(request.replyTo
              ? {
                  reply_parameters: {
                    message_id: Number(request.replyTo),
                    allow_sending_without_reply: true,
                  },
                }
              : {}),
          });
        case "dm":
          return send("sendMessage", request.userId, body(request.message));
        case "edit":
          return send("editMessageText", request.channelId, {
            message_id: Number(request.messageId),
            ...body(request.message),
          });
        case "followup":
          // Telegram has no interaction tokens: core never asks for a follow-up here (no token given).
          return { outcome: { kind: "rejected", reason: "telegram has no follow-up tokens" } };
      }
    },
  };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Telegram's refusals to the neutral outcomes. */
function failure(error: unknown, chatId: string): SendOutcome {
  if (!(error instanceof TelegramApiError)) return { kind: "transient", reason: String(error).slice(0, 200) };
  const reason = `${error.code} ${error.description}`.slice(0, 300);
  if (error.code === 429) {
    const scope = chatId.startsWith("-") ? `telegram:group:${chatId}` : `telegram:chat:${chatId}`;
    return { kind: "rate_limited", retryAfterMs: (error.retryAfterSeconds ?? 5) * 1000, scope };
  }
  const group = chatId.startsWith("-");
  if (error.code === 403) {
    // A person who blocked the bot or never started it; in a group, the bot was removed.
    return group ? { kind: "lost_access", reason, cause: "uninstalled" } : { kind: "undeliverable", reason };
  }
  if (error.code === 400 && /chat not found/i.test(error.description))
    return group ? { kind: "lost_access", reason, cause: "uninstalled" } : { kind: "undeliverable", reason };
  if (error.code === 401) return { kind: "transient", reason, authFailure: true };
  if (error.code >= 500 || error.code === 0) return { kind: "transient", reason };
  return { kind: "rejected", reason };
}
