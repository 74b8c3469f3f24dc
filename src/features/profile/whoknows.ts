import { defineCommand } from "../../core/commands/define.ts";
import { option } from "../../core/commands/options.ts";
import { localized } from "../../core/commands/syntax.ts";
import { type Block, ephemeral, type Inline } from "../../core/message.ts";
import { ftsQuery, snippetPieces } from "./search.ts";

/** How many members `whoknows` lists at most. */
export const WHOKNOWS_LIMIT = 10;

/**
 * `/cop whoknows <words>`: members who agreed to be found and whose "what I can share" (or, ranked
 * lower, "what I do") mentions the words, best first, with the words around the match.
 */
export const whoknows = defineCommand({
  path: ["whoknows"],
  summary: "cmd.whoknows",
  options: { words: option.text("arg.words", "arg.words.help", 200) },
  moderator: false,
  example: { words: localized("example.whoknows") },
  async handle(ctx, { words }) {
    const { t } = ctx;
    const query = ftsQuery(words);
    if (!query) {
      const example = `${ctx.syntax.prefix} whoknows ${t("example.whoknows")}`;
      return { message: ephemeral({ type: "text", text: t("whoknows.empty", { example }) }) };
    }
    const shown = query.words.join(" ");
    const hits = await ctx.store.profiles.search(ctx.community.id, query.match, WHOKNOWS_LIMIT);
    const note: Block = {
      type: "context",
      text: t("whoknows.note", { usage: `${ctx.syntax.prefix} profile edit` }),
    };
    if (hits.length === 0) {
      return { message: ephemeral({ type: "text", text: t("whoknows.none", { words: shown }) }, note) };
    }
    const lines: Inline[] = hits.flatMap((hit, i) => [
      ...(i > 0 ? ["\n"] : []),
      { user: hit.platformUserId },
      ": ",
      ...snippetPieces(hit.snippet),
    ]);
    return {
      message: ephemeral(
        { type: "heading", text: t("whoknows.title", { words: shown }) },
        { type: "text", text: lines },
        note,
      ),
    };
  },
});
