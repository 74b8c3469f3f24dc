import { defineCommand } from "../../core/commands/define.ts";
import { rawText } from "../../core/commands/options.ts";
import { tokenize } from "../../core/commands/parse-text.ts";
import { localized } from "../../core/commands/syntax.ts";
import { ephemeral } from "../../core/message.ts";
import { onOpenTopic, say, topicIdOption } from "../topics/lookup.ts";
import { entryText, isProblem, problemText } from "./entry-text.ts";
import { TOPIC_RESOURCE_TITLE_MAX } from "./ports.ts";

/**
 * `/cop topic resource 12 <link> <title>`: a link shared on an open backlog topic, once per link
 * (`UNIQUE (topic_id, url)`: the same link again stores nothing and says so). The link and title
 * are read as a meeting's resource is (http/https, ≤ 500 characters); the title at most 200.
 */
export const topicResource = defineCommand({
  path: ["topic", "resource"],
  summary: "cmd.topic.resource",
  options: {
    id: topicIdOption(),
    text: rawText("arg.resourceText", "arg.topicResourceText.help", 2000),
  },
  moderator: false,
  example: { id: "12", text: localized("example.memoryResource") },
  handle: (ctx, args) =>
    onOpenTopic(ctx, args.id, async (topic, params) => {
      const text = entryText("resource", tokenize(args.text));
      if (isProblem(text))
        return say(
          problemText(ctx, "resource", text).replace("meeting resource", `topic resource ${params.id}`),
        );
      const length = [...text.body].length;
      if (length > TOPIC_RESOURCE_TITLE_MAX)
        return say(ctx.t("topicResource.titleTooLong", { length: String(length) }));
      const url = text.url ?? "";
      const addedBy = ctx.member.platformUserId;
      return {
        message: ephemeral({ type: "text", text: ctx.t("topicResource.added", params) }),
        effects: [{ type: "memory.topicResource", topicId: topic.id, url, title: text.body, addedBy }],
        replyAfter: async ({ duplicate }) => {
          const by = await ctx.store.memory.topicResourceBy(ctx.community.id, topic.id, url);
          const mine = duplicate || by === addedBy;
          return ephemeral({
            type: "text",
            text: mine ? ctx.t("topicResource.added", params) : ctx.t("topicResource.already", params),
          });
        },
      };
    }),
});
