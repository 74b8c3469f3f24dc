import { defineCommand } from "../../core/commands/define.ts";
import { option, optional } from "../../core/commands/options.ts";
import { localized } from "../../core/commands/syntax.ts";
import type { CommandContext } from "../../core/commands/types.ts";
import { topicListMessage } from "./list.ts";
import { fadingRank } from "./list-rank.ts";
import { parseListWord } from "./list-view.ts";
import { onOpenTopic, say, topicIdOption, word } from "./lookup.ts";
import {
  checkSuggestion,
  SUGGESTION_WINDOW_MS,
  SUGGESTIONS_PER_WINDOW,
  type SuggestionProblem,
} from "./validate.ts";

/** Long enough that an over-long title reaches the handler and gets its own clear answer. */
const TEXT_MAX = 2000;

/** The refusal for a title or details that cannot be stored. */
export function problemText(ctx: Pick<CommandContext, "t">, problem: SuggestionProblem): string {
  if (problem.problem === "empty") return ctx.t("topic.empty");
  const length = String(problem.length);
  return ctx.t(problem.problem === "titleLong" ? "topic.titleLong" : "topic.detailsLong", { length });
}

/**
 * Slack gives a text followed by another one word unless it was quoted, so an unquoted
 * `/cop topic suggest Managing large classes` arrives as title "Managing" and details "large
 * classes". A one-word title with details is read as the whole line instead; `|` may separate a
 * title from its details (`Large classes | How do you run group work?`). Discord's options are typed.
 */
export function splitSlackLine(title: string, details: string | undefined): [string, string | undefined] {
  const line = details !== undefined && !/\s/.test(title.trim()) ? `${title} ${details}` : null;
  if (line === null) return [title, details];
  const bar = line.indexOf("|");
  if (bar === -1) return [line, undefined];
  return [line.slice(0, bar), line.slice(bar + 1)];
}

/** `/cop topic suggest <title> [details]`: a new topic with the suggester's vote, or a vote on its twin. */
export const topicSuggest = defineCommand({
  path: ["topic", "suggest"],
  summary: "cmd.topic.suggest",
  options: {
    title: word("arg.topicTitle", "arg.topicTitle.help", TEXT_MAX),
    details: optional(option.text("arg.topicDetails", "arg.topicDetails.help", TEXT_MAX)),
  },
  moderator: false,
  example: { title: localized("example.topicTitle"), details: localized("example.topicDetails") },
  async handle(ctx, args) {
    const [rawTitle, rawDetails] = ctx.syntax.namedOptions
      ? [args.title, args.details]
      : splitSlackLine(args.title, args.details);
    const checked = checkSuggestion(rawTitle, rawDetails);
    if ("problem" in checked) return say(problemText(ctx, checked));
    const me = ctx.member.platformUserId;
    const since = new Date(ctx.now.getTime() - SUGGESTION_WINDOW_MS);
    const state = await ctx.store.topics.suggestState(ctx.community.id, me, checked.titleKey, since);
    const twin = state.duplicate;
    if (twin) {
      const params = { title: twin.title, id: String(twin.id) };
      if (twin.mine) return say(ctx.t("topic.duplicateVoted", params));
      return {
        ...say(ctx.t("topic.duplicate", params)),
        effects: [{ type: "topic.vote", topicId: twin.id, userId: me }],
      };
    }
    // Read here for a clear answer; the INSERT counts again, so a race cannot pass the brake.
    if (state.recent >= SUGGESTIONS_PER_WINDOW) return say(ctx.t("topic.spam"));
    return {
      ...say(ctx.t("topic.suggested", { title: checked.title, usage: `${ctx.syntax.prefix} topic list` })),
      effects: [
        {
          type: "topic.suggest",
          ...checked,
          suggestedBy: me,
          source: "member",
          voter: me,
          brake: true,
        },
      ],
    };
  },
});

/**
 * `/cop topic list [page]`: the open backlog, pinned first, then by the fading score, with vote
 * buttons, ten topics a page; `mine` (or `saya`) lists the member's own suggestions.
 */
export const topicList = defineCommand({
  path: ["topic", "list"],
  summary: "cmd.topic.list",
  options: { page: optional(word("arg.listPage", "arg.listPage.help", 16)) },
  moderator: false,
  groupDefault: true,
  example: { page: "2" },
  async handle(ctx, args) {
    const view = parseListWord(args.page);
    if (!view) {
      const usage = `${ctx.syntax.prefix} topic list`;
      return say(ctx.t("topic.list.badPage", { value: args.page ?? "", usage }));
    }
    const [backlog, scored] = await Promise.all([
      ctx.store.topics.backlog(ctx.community.id, ctx.member.platformUserId),
      ctx.store.topicRefresh.backlog(ctx.community.id),
    ]);
    return { message: topicListMessage(ctx, backlog, fadingRank(scored), view) };
  },
});

/** `/cop topic vote <id>`: one vote per member; a second one is refused and writes nothing. */
export const topicVote = defineCommand({
  path: ["topic", "vote"],
  summary: "cmd.topic.vote",
  options: { id: topicIdOption() },
  moderator: false,
  example: { id: "12" },
  handle: (ctx, args) =>
    onOpenTopic(ctx, args.id, (topic, params) => {
      if (topic.mine) return say(ctx.t("topic.alreadyVoted", params));
      return {
        ...say(ctx.t("topic.voted", params)),
        effects: [{ type: "topic.vote", topicId: topic.id, userId: ctx.member.platformUserId }],
      };
    }),
});

/** `/cop topic unvote <id>`: takes the member's vote back. */
export const topicUnvote = defineCommand({
  path: ["topic", "unvote"],
  summary: "cmd.topic.unvote",
  options: { id: topicIdOption() },
  moderator: false,
  example: { id: "12" },
  handle: (ctx, args) =>
    onOpenTopic(ctx, args.id, (topic, params) => {
      if (!topic.mine) return say(ctx.t("topic.notVoted", params));
      return {
        ...say(ctx.t("topic.unvoted", params)),
        effects: [{ type: "topic.unvote", topicId: topic.id, userId: ctx.member.platformUserId }],
      };
    }),
});
