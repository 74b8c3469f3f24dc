import { defineCommand } from "../../core/commands/define.ts";
import { option } from "../../core/commands/options.ts";
import { localized } from "../../core/commands/syntax.ts";
import { problemText } from "./command.ts";
import { onOpenTopic, say, topicIdOption } from "./lookup.ts";
import { checkSuggestion } from "./validate.ts";

/** `/copmod topic pin <id>` (moderators): first in line whatever its votes; one pinned topic at a time. */
export const topicPin = defineCommand({
  path: ["topic", "pin"],
  summary: "cmd.topic.pin",
  options: { id: topicIdOption() },
  moderator: true,
  example: { id: "12" },
  handle: (ctx, args) =>
    onOpenTopic(ctx, args.id, (topic, params) => {
      if (topic.pinned) return say(ctx.t("topic.alreadyPinned", params));
      return { ...say(ctx.t("topic.pinned", params)), effects: [{ type: "topic.pin", topicId: topic.id }] };
    }),
});

/** `/copmod topic retire <id>` (moderators): the topic leaves the backlog; its votes stay for history. */
export const topicRetire = defineCommand({
  path: ["topic", "retire"],
  summary: "cmd.topic.retire",
  options: { id: topicIdOption() },
  moderator: true,
  example: { id: "12" },
  handle: (ctx, args) =>
    onOpenTopic(ctx, args.id, (topic, params) => ({
      ...say(ctx.t("topic.retired", params)),
      effects: [{ type: "topic.retire", topicId: topic.id }],
    })),
});

/** `/copmod topic edit <id> <title>` (moderators): a new title, refused if another open topic has it. */
export const topicEdit = defineCommand({
  path: ["topic", "edit"],
  summary: "cmd.topic.edit",
  options: { id: topicIdOption(), title: option.text("arg.topicTitle", "arg.topicTitle.help", 2000) },
  moderator: true,
  example: { id: "12", title: localized("example.topicTitle") },
  async handle(ctx, args) {
    const checked = checkSuggestion(args.title);
    if ("problem" in checked) return say(problemText(ctx, checked));
    return onOpenTopic(ctx, args.id, async (topic) => {
      const me = ctx.member.platformUserId;
      const since = ctx.now;
      const { duplicate } = await ctx.store.topics.suggestState(
        ctx.community.id,
        me,
        checked.titleKey,
        since,
      );
      if (duplicate && duplicate.id !== topic.id)
        return say(ctx.t("topic.editClash", { other: String(duplicate.id), title: duplicate.title }));
      return {
        ...say(ctx.t("topic.edited", { id: String(topic.id), title: checked.title })),
        effects: [
          { type: "topic.edit", topicId: topic.id, title: checked.title, titleKey: checked.titleKey },
        ],
      };
    });
  },
});
