type Obj = Record<string, unknown>;

const ALLOWED_TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "a",
  "code",
  "pre",
  "tg-spoiler",
  "blockquote",
  "span",
]);

/**
 * What Telegram refuses in a message's text and keyboard, as its 400 description; null when fine.
 * In HTML mode every `<` must open or close a supported tag, tags must nest, and `&` must start an
 * entity; the text is 1 to 4096 characters once tags are removed; `callback_data` is 1 to 64 bytes.
 */
export function checkTelegramText(body: Obj): string | null {
  const text = typeof body.text === "string" ? body.text : "";
  if (body.parse_mode === "HTML") {
    const stack: string[] = [];
    for (const match of text.matchAll(/<(\/?)([a-z-]+)([^>]*)>|<|&(?!(?:amp|lt|gt|quot|#\d+);)/g)) {
      if (match[0] === "<" || match[0] === "&")
        return `Bad Request: can't parse entities: unsupported start tag or unescaped character at byte offset ${match.index}`;
      const [, closing, tag] = match as unknown as [string, string, string];
      if (!ALLOWED_TAGS.has(tag))
        return `Bad Request: can't parse entities: Unsupported start tag "${tag}" at byte offset ${match.index}`;
      if (!closing) stack.push(tag);
      else if (stack.pop() !== tag)
        return `Bad Request: can't parse entities: Unmatched end tag at byte offset ${match.index}, expected "</${stack.at(-1) ?? ""}>", found "</${tag}>"`;
    }
    if (stack.length > 0)
      return `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "${stack.at(-1)}"`;
  }
  const plain =
    body.parse_mode === "HTML" ? text.replace(/<[^>]*>/g, "").replace(/&(amp|lt|gt|quot);/g, "x") : text;
  if (plain.trim().length === 0) return "Bad Request: message text is empty";
  if (plain.length > 4096) return "Bad Request: message is too long";
  const markup = body.reply_markup as { inline_keyboard?: Obj[][] } | undefined;
  for (const row of markup?.inline_keyboard ?? [])
    for (const button of row) {
      const data = button.callback_data;
      if (
        data !== undefined &&
        (typeof data !== "string" || new TextEncoder().encode(data).length > 64 || data.length === 0)
      )
        return "Bad Request: BUTTON_DATA_INVALID";
      if (data === undefined && typeof button.url !== "string")
        return "Bad Request: can't parse inline keyboard button";
    }
  return null;
}
