import { expect } from "vitest";
import { commandUpdate, nextUpdateId, TG_MEMBER, telegramRequest, tgCalls, tgUser } from "./telegram.ts";

type Keyboard = { text: string; callback_data?: string; url?: string }[][];
/** What guyub said in the private chat: its text and its buttons (label → callback_data). */
export interface Said {
  readonly text: string;
  readonly buttons: Record<string, string>;
}

const saidOf = (body: Record<string, unknown>): Said => {
  const keyboard = (body.reply_markup as { inline_keyboard?: Keyboard } | undefined)?.inline_keyboard ?? [];
  return {
    text: String(body.text ?? ""),
    buttons: Object.fromEntries(keyboard.flat().map((b) => [b.text, b.callback_data ?? b.url ?? ""])),
  };
};

/**
 * A person in their private chat with the bot, through the webhook: typing (the answer is the
 * webhook's own sendMessage) and pressing buttons (the answer is a sendMessage of ours, read from
 * the stand-in). `send` is a worker with the Telegram environment.
 */
export function privateChat(send: (r: Request) => Promise<Response>, user = TG_MEMBER, language = "en") {
  const from = { id: user, language_code: language };
  return {
    /** `same` repeats one delivery (Telegram redelivers the very update: same update and message id). */
    type: async (text: string, same?: { updateId: number; messageId: number }) => {
      const response = await send(telegramRequest(commandUpdate(text, { chatId: user, from, ...same })));
      expect(response.status).toBe(200);
      const body = await response.text();
      return body ? saidOf(JSON.parse(body) as Record<string, unknown>) : null;
    },
    press: async (data: string): Promise<Said | null> => {
      const before = (await tgCalls("sendMessage")).length;
      const update = {
        update_id: nextUpdateId(),
        callback_query: {
          id: `cb${nextUpdateId()}`,
          from: tgUser(from),
          message: { message_id: 1, chat: { id: user, type: "private" }, date: 1_765_000_000, text: "?" },
          data,
        },
      };
      const response = await send(telegramRequest(update));
      expect(response.status).toBe(200);
      const sent = (await tgCalls("sendMessage")).slice(before);
      const last = sent.at(-1);
      return last ? saidOf(last.body) : null;
    },
  };
}
