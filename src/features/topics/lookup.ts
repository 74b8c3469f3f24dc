import { option } from "../../core/commands/options.ts";
import type { CommandContext, CommandResult } from "../../core/commands/types.ts";
import { ephemeral } from "../../core/message.ts";
import type { TopicRow } from "./backlog.ts";
import { parseTopicId } from "./validate.ts";

/** A topic id option: one word on Slack (`12` or `#12`). */
export const topicIdOption = () => ({ ...option.text("arg.topicId", "arg.topicId.help", 16), rest: false });

/** A one-word text option: on Slack, a text followed by another is one word or a quoted phrase. */
export const word = (...args: Parameters<typeof option.text>) => ({ ...option.text(...args), rest: false });

/** A short private reply. */
export const say = (text: string): CommandResult => ({ message: ephemeral({ type: "text", text }) });

/**
 * The open topic a command names (`12` or `#12`), or the reply that says why there is none:
 * not a number, no such topic, or no longer in the backlog. Each such reply changes nothing.
 */
async function openTopic(
  ctx: CommandContext,
  idText: string,
): Promise<{ topic: TopicRow } | { refused: CommandResult }> {
  const usage = `${ctx.syntax.prefix} topic list`;
  const id = parseTopicId(idText);
  if (id === null) return { refused: say(ctx.t("topic.badId", { value: idText, usage })) };
  const topic = await ctx.store.topics.byId(ctx.community.id, id, ctx.member.platformUserId);
  if (!topic) return { refused: say(ctx.t("topic.notFound", { id: String(id), usage })) };
  if (topic.status !== "open") return { refused: say(ctx.t("topic.notOpen", { id: String(id) })) };
  return { topic };
}

/** The `{id}` and `{title}` a topic's replies name it by. */
export interface TopicParams {
  readonly id: string;
  readonly title: string;
}

/**
 * A command on one open topic (vote, unvote, pin, retire, edit): finds it, or answers why not
 * (`openTopic`), then acts on it.
 */
export async function onOpenTopic(
  ctx: CommandContext,
  idText: string,
  act: (topic: TopicRow, params: TopicParams) => CommandResult | Promise<CommandResult>,
): Promise<CommandResult> {
  const found = await openTopic(ctx, idText);
  if ("refused" in found) return found.refused;
  const { topic } = found;
  return act(topic, { id: String(topic.id), title: topic.title });
}
