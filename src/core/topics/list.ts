import { actionButton } from "../actions/pack.ts";
import type { ActionContext } from "../actions/types.ts";
import { type Block, ephemeral, type Message } from "../message.ts";
import type { OpenTopic } from "./backlog.ts";
import { shorten } from "./fold.ts";

/** Topics shown with Vote / Unvote buttons: one Discord action row each (Discord allows 5). */
export const LIST_BUTTONED = 5;
/** Topics shown as lines in all (the rest is "and N more"): keeps Discord's 2,000 characters. */
export const LIST_SHOWN = 10;
/** A title is cut to this many characters in the list (escaping may double Discord's count). */
const LIST_TITLE = 70;

/** The button ids; a list's buttons carry `list` after the topic id, so a press updates the list. */
export const VOTE_ACTION = "topic.vote";
export const UNVOTE_ACTION = "topic.unvote";
export const FROM_LIST = "list";

/**
 * The order of the backlog. The default counts votes; the fading score (part of the refresh rule)
 * can be passed instead, so the list and the choice of a meeting's topic agree.
 */
export type RankTopics = (topics: readonly OpenTopic[], now: Date) => readonly OpenTopic[];

/** Pinned first, then most votes, then the oldest suggestion (lowest id). */
export const byVotes: RankTopics = (topics) =>
  [...topics].sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.votes - a.votes || a.id - b.id);

type ListContext = Pick<ActionContext, "community" | "t" | "syntax" | "now">;

/** `#12 Title — 3 votes · pinned · your vote`: the title stays a plain string, escaped when rendered. */
export function topicLine(ctx: ListContext, topic: OpenTopic): string {
  const votes =
    topic.votes === 1
      ? ctx.t("topic.list.votes.one")
      : ctx.t("topic.list.votes.other", { count: String(topic.votes) });
  const marks = [
    votes,
    ...(topic.pinned ? [ctx.t("topic.list.pinned")] : []),
    ...(topic.mine ? [ctx.t("topic.list.mine")] : []),
  ];
  return `#${topic.id} ${shorten(topic.title, LIST_TITLE)} — ${marks.join(" · ")}`;
}

/**
 * The backlog as one private message within both platforms' limits: the top `LIST_BUTTONED`
 * topics with Vote / Unvote buttons (an action row each), the next ones as lines, and how many
 * more there are. At most 14 Slack blocks, 5 Discord rows.
 */
export function topicListMessage(
  ctx: ListContext,
  topics: readonly OpenTopic[],
  rank: RankTopics = byVotes,
): Message {
  const usage = `${ctx.syntax.prefix} topic vote 12`;
  if (topics.length === 0)
    return ephemeral({
      type: "text",
      text: ctx.t("topic.list.empty", { usage: `${ctx.syntax.prefix} topic suggest` }),
    });
  const ranked = rank(topics, ctx.now);
  const blocks: Block[] = [{ type: "heading", text: ctx.t("topic.list.title") }];
  for (const topic of ranked.slice(0, LIST_BUTTONED)) {
    const args = [String(topic.id), FROM_LIST];
    const id = String(topic.id);
    blocks.push(
      { type: "text", text: topicLine(ctx, topic) },
      {
        type: "actions",
        buttons: [
          actionButton(
            ctx.community,
            VOTE_ACTION,
            ctx.t("topic.button.vote", { id }),
            args,
            topic.mine ? undefined : "primary",
          ),
          actionButton(ctx.community, UNVOTE_ACTION, ctx.t("topic.button.unvote", { id }), args),
        ],
      },
    );
  }
  const rest = ranked.slice(LIST_BUTTONED, LIST_SHOWN);
  if (rest.length > 0) blocks.push({ type: "text", text: rest.map((t) => topicLine(ctx, t)).join("\n") });
  const more = ranked.length - LIST_SHOWN;
  blocks.push({
    type: "context",
    text:
      more > 0
        ? ctx.t("topic.list.more", { count: String(more), usage })
        : ctx.t("topic.list.hint", { usage }),
  });
  return ephemeral(...blocks);
}

/** The backlog as the member sees it after their vote or unvote (the press is applied after). */
export function withVote(topics: readonly OpenTopic[], topicId: number, mine: boolean): OpenTopic[] {
  return topics.map((t) =>
    t.id === topicId && t.mine !== mine ? { ...t, mine, votes: t.votes + (mine ? 1 : -1) } : t,
  );
}
