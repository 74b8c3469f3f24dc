import { type CommandRoot, isCommandRoot } from "../../core/commands/roots.ts";
import type { TelegramMessage } from "./payloads.ts";

/** A command addressed to guyub: its root and the words after it, as Slack hands `text`. */
export interface TelegramCommandText {
  readonly root: CommandRoot;
  readonly text: string;
}

/**
 * Reads `/cop …`, `/copmod …` or `/cop@<our bot> …` from a new message. Null, so nothing is
 * answered or written, for anything else: another bot's command (`/cop@other_bot`), a message
 * that does not start with a command entity, a forwarded one (someone else typed it, maybe long
 * ago). Edits never come here (`edited_message` is ignored by the caller).
 */
export function commandText(
  message: TelegramMessage,
  botUsername: string | undefined,
): TelegramCommandText | null {
  const text = message.text;
  if (!text || message.forward_origin) return null;
  const first = message.entities?.find((e) => e.offset === 0 && e.type === "bot_command");
  if (!first) return null;
  const word = text.slice(1, first.length);
  const at = word.indexOf("@");
  const name = (at < 0 ? word : word.slice(0, at)).toLowerCase();
  if (at >= 0) {
    const addressed = word.slice(at + 1).toLowerCase();
    if (!botUsername || addressed !== botUsername.toLowerCase()) return null;
  }
  if (!isCommandRoot(name)) return null;
  return { root: name, text: text.slice(first.length).trim() };
}

/** `/start <community>` in a private chat: the deep link that chose a community, or null. */
export function startParameter(message: TelegramMessage): string | null {
  if (message.chat.type !== "private" || !message.text) return null;
  const match = /^\/start(?:@\w+)?(?:\s+([A-Za-z0-9_-]{1,64}))?\s*$/.exec(message.text);
  return match ? (match[1] ?? "") : null;
}
