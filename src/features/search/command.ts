import { defineCommand } from "../../core/commands/define.ts";
import { option } from "../../core/commands/options.ts";
import { localized } from "../../core/commands/syntax.ts";
import { ephemeral } from "../../core/message.ts";
import { ftsQuery } from "../profile/search.ts";
import { searchResults } from "./view.ts";

/** How many hits `/cop search` reads at most (fewer are shown when they do not fit one message). */
export const SEARCH_LIMIT = 10;

/**
 * `/cop search <words>`: what the community has kept (meeting notes, resources, actions, meeting
 * topics and topic suggestions, resources on topics) mentioning the words, best first, each with
 * its meeting's date and a link to the meeting's record. The words are made safe for FTS5 as
 * whoknows' are; a search of quotes and operators only is answered, and reads nothing.
 */
export const search = defineCommand({
  path: ["search"],
  summary: "cmd.search",
  options: { words: option.text("arg.words", "arg.words.help", 200) },
  moderator: false,
  example: { words: localized("example.search") },
  async handle(ctx, { words }) {
    const { t } = ctx;
    const query = ftsQuery(words);
    if (!query) {
      const example = `${ctx.syntax.prefix} search ${t("example.search")}`;
      return { message: ephemeral({ type: "text", text: t("search.empty", { example }) }) };
    }
    const shown = query.words.join(" ");
    const hits = await ctx.store.search.find(ctx.community.id, query.match, SEARCH_LIMIT);
    if (hits.length === 0)
      return { message: ephemeral({ type: "text", text: t("search.none", { words: shown }) }) };
    return { message: searchResults(t, shown, hits) };
  },
});
