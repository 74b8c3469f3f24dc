import type { Block, Button, Inline, Message, Text } from "../../core/message.ts";

/** Telegram's longest message text, in characters after entities are parsed (4096). */
const TEXT_LIMIT = 4096;
/** A word joiner after `@`: Telegram turns `@name` in any text into a mention that notifies. */
const WORD_JOINER = "\u2060";

/** Names to show for the members a message mentions (`tg://user` links need a label). */
export type MentionNames = ReadonlyMap<string, string>;

/**
 * Escapes text for `parse_mode: "HTML"`: `<`, `>` and `&` (the only three Telegram requires), and
 * breaks `@username` so text a member wrote cannot notify anyone; only `{ user }` pieces mention.
 */
export function escapeTelegram(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/@(?=\w)/g, `@${WORD_JOINER}`);
}

function render(text: Text, names: MentionNames): string {
  if (typeof text === "string") return escapeTelegram(text);
  return text.map((piece) => inline(piece, names)).join("");
}

function inline(piece: Inline, names: MentionNames): string {
  if (typeof piece === "string") return escapeTelegram(piece);
  if ("user" in piece) {
    const id = /^\d{1,20}$/.test(piece.user) ? piece.user : "0";
    return `<a href="tg://user?id=${id}">${escapeTelegram(names.get(piece.user) ?? piece.user)}</a>`;
  }
  // Roles do not exist on Telegram (traits.roles is false): nothing to show.
  if ("role" in piece) return "";
  if ("channel" in piece) return `<i>${escapeTelegram(piece.channel)}</i>`;
  if ("bold" in piece) return `<b>${escapeTelegram(piece.bold)}</b>`;
  if ("code" in piece) return `<code>${escapeTelegram(piece.code)}</code>`;
  if ("message" in piece) {
    // A supergroup's message link: t.me/c/<id without its -100>/<message id>.
    const chat = piece.message.channel.replace(/^-100/, "");
    return `<a href="https://t.me/c/${encodeURIComponent(chat)}/${encodeURIComponent(piece.message.id)}">${escapeTelegram(piece.label)}</a>`;
  }
  return `<a href="${attribute(piece.link)}">${escapeTelegram(piece.link)}</a>`;
}

/** An href: `&` and quotes escaped; anything but http(s) refused. */
function attribute(url: string): string {
  if (!/^https?:\/\//i.test(url)) return "#";
  return url.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function renderBlock(block: Block, names: MentionNames): string | null {
  const field = (f: { label: string; value: Text }) =>
    `<b>${escapeTelegram(f.label)}</b>: ${render(f.value, names)}`;
  switch (block.type) {
    case "heading":
      return `<b>${escapeTelegram(block.text)}</b>`;
    case "text":
      return render(block.text, names);
    case "section":
      return [render(block.text, names), ...block.fields.map(field)].join("\n");
    case "fields":
      return block.fields.map(field).join("\n");
    case "context":
      return `<i>${render(block.text, names)}</i>`;
    case "divider":
      return "";
    case "actions":
      return null;
  }
}

/** `callback_data` is core's packed id, which core keeps within 64 bytes (traits.maxButtonIdBytes). */
function button(b: Button): { text: string; callback_data: string } {
  return {
    text: b.label.slice(0, 64),
    callback_data: b.value === undefined ? b.actionId : `${b.actionId}:${b.value}`,
  };
}

export interface TelegramMessageData {
  readonly text: string;
  readonly parse_mode: "HTML";
  readonly reply_markup?: { inline_keyboard: { text: string; callback_data: string }[][] };
  readonly link_preview_options?: { is_disabled: true };
}

/** The text, parse mode and inline keyboard of `sendMessage` / `editMessageText` for a neutral message. */
export function renderTelegramMessage(
  message: Message,
  names: MentionNames = new Map(),
): TelegramMessageData {
  const parts = message.blocks.map((block) => renderBlock(block, names)).filter((p) => p !== null);
  let text = parts
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  // Cut between tags is unsafe in HTML mode; a message this long is cut at a line instead.
  if (text.length > TEXT_LIMIT) text = `${text.slice(0, text.lastIndexOf("\n", TEXT_LIMIT - 2))}\n…`;
  const rows = message.blocks
    .filter((block) => block.type === "actions")
    .flatMap((block) => chunk(block.buttons.map(button), 3));
  return {
    text: text || "…",
    parse_mode: "HTML",
    ...(rows.length > 0 ? { reply_markup: { inline_keyboard: rows } } : {}),
    ...(message.noPreviews ? { link_preview_options: { is_disabled: true } } : {}),
  };
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
