/**
 * A Telegram message as a member reads it: the HTML (parse_mode "HTML") without its tags, the
 * entities unescaped, mentions (`tg://user?id=` links) as `@Name`, buttons as `[Label]`.
 */
type Obj = Record<string, unknown>;

const WORD_JOINER = /\u2060/g;

/** `text` is a sendMessage/editMessageText body or already a line. */
export function telegramText(body: Obj | string): string {
  const raw = typeof body === "string" ? body : String(body.text ?? "");
  const plain = raw
    .replace(/<a href="tg:\/\/user\?id=\d+">([^<]*)<\/a>/g, "@$1")
    .replace(/<[^>]*>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(WORD_JOINER, "");
  if (typeof body === "string") return plain;
  const rows = ((body.reply_markup as Obj | undefined)?.inline_keyboard ?? []) as Obj[][];
  const buttons = rows.flat().map((b) => `[${String(b.text ?? "")}]`);
  return [plain, ...(buttons.length > 0 ? [buttons.join(" ")] : [])].join("\n");
}
