import type { Translator } from "../../core/i18n/index.ts";
import type { Message } from "../../core/message.ts";

/**
 * The public thank-you. The reason is member text and stays a plain string, so renderers escape
 * it (`<!channel>`, `@everyone`, `<@U…>` typed in it notify nobody). The thanked member is the
 * only mention (Discord's allowed_mentions names only them); the giver is named in bold by their
 * display name, so the post does not ping the person who wrote it.
 */
export function kudosMessage(t: Translator, fromName: string | null, to: string, reason: string): Message {
  const from = { bold: fromName ?? t("kudos.someone") };
  return {
    visibility: "public",
    blocks: [{ type: "text", text: [...t.rich("kudos.post", { to: { user: to }, from }), reason] }],
  };
}
