import { actionButton } from "../../core/actions/pack.ts";
import type { ActionContext } from "../../core/actions/types.ts";
import { type Block, ephemeral, type Message } from "../../core/message.ts";
import type { OpenTopic } from "./backlog.ts";
import { shorten } from "./fold.ts";
import { FIRST_PAGE, type ListView, navigationRow, PAGE_SIZE, viewArgs } from "./list-view.ts";

/**
 * Topics shown with Vote / Unvote buttons: one Discord action row each, and the page buttons
 * take the fifth of the five rows Discord allows.
 */
export const LIST_BUTTONED = 4;
/** Topics shown as lines on one page (the rest on later pages): keeps Discord's 2,000 characters. */
export const LIST_SHOWN = PAGE_SIZE;
/** A title is cut to this many characters in the list (escaping may double Discord's count). */
const LIST_TITLE = 70;

/** The button ids; a list's buttons carry the list's view after the topic id, so a press redraws it. */
export const VOTE_ACTION = "topic.vote";
export const UNVOTE_ACTION = "topic.unvote";

/**
 * The order of the backlog. The default counts votes; the fading score (part of the refresh rule)
 * can be passed instead, so the list and the choice of a meeting's topic agree.
 */
export type RankTopics = (topics: readonly OpenTopic[], now: Date) => readonly OpenTopic[];

/** Pinned first, then most votes, then the oldest suggestion (lowest id). */
export const byVotes: RankTopics = (topics) =>
  [...topics].sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.votes - a.votes || a.id - b.id);

type ListContext = Pick<ActionContext, "community" | "t" | "syntax" | "now" | "member">;

/**
 * `#12 Title — 3 votes · 2 links · pinned · your suggestion · your vote`: the title stays a plain string,
 * escaped when rendered.
 */
export function topicLine(ctx: ListContext, topic: OpenTopic): string {
  const votes =
    topic.votes === 1
      ? ctx.t("topic.list.votes.one")
      : ctx.t("topic.list.votes.other", { count: String(topic.votes) });
  const marks = [
    votes,
    ...(topic.resources === 1 ? [ctx.t("topic.list.links.one")] : []),
    ...(topic.resources > 1 ? [ctx.t("topic.list.links.other", { count: String(topic.resources) })] : []),
    ...(topic.pinned ? [ctx.t("topic.list.pinned")] : []),
    ...(topic.suggestedBy === ctx.member.platformUserId ? [ctx.t("topic.list.yours")] : []),
    ...(topic.mine ? [ctx.t("topic.list.mine")] : []),
  ];
  return `#${topic.id} ${shorten(topic.title, LIST_TITLE)} — ${marks.join(" · ")}`;
}

/**
 * One page of the backlog (or of the member's own suggestions) as one private message within
 * both platforms' limits: the page's first `LIST_BUTTONED` topics with Vote / Unvote buttons (an
 * action row each), the rest of the page as lines, where the page is and how to reach the others,
 * and a row of page buttons. At most 13 Slack blocks, 5 Discord rows. A page past the last shows
 * the last.
 */
export function topicListMessage(
  ctx: ListContext,
  topics: readonly OpenTopic[],
  rank: RankTopics = byVotes,
  view: ListView = FIRST_PAGE,
): Message {
  const usage = `${ctx.syntax.prefix} topic vote 12`;
  if (topics.length === 0)
    return ephemeral({
      type: "text",
      text: ctx.t("topic.list.empty", { usage: `${ctx.syntax.prefix} topic suggest` }),
    });
  const me = ctx.member.platformUserId;
  const ranked = rank(topics, ctx.now).filter((t) => !view.mine || t.suggestedBy === me);
  const pages = Math.max(1, Math.ceil(ranked.length / PAGE_SIZE));
  const shown: ListView = { mine: view.mine, page: Math.min(view.page, pages) };
  const title = ctx.t(view.mine ? "topic.list.mineTitle" : "topic.list.title");
  const heading =
    pages > 1 ? ctx.t("topic.list.page", { title, page: String(shown.page), pages: String(pages) }) : title;
  const blocks: Block[] = [{ type: "heading", text: heading }];
  if (ranked.length === 0)
    blocks.push({
      type: "text",
      text: ctx.t("topic.list.mineEmpty", { usage: `${ctx.syntax.prefix} topic suggest` }),
    });
  const page = ranked.slice((shown.page - 1) * PAGE_SIZE, shown.page * PAGE_SIZE);
  for (const topic of page.slice(0, LIST_BUTTONED)) {
    const args = [String(topic.id), ...viewArgs(shown)];
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
  const rest = page.slice(LIST_BUTTONED);
  if (rest.length > 0) blocks.push({ type: "text", text: rest.map((t) => topicLine(ctx, t)).join("\n") });
  const later = ranked.length - shown.page * PAGE_SIZE;
  const next = `${ctx.syntax.prefix} topic list ${shown.mine ? "mine" : shown.page + 1}`;
  if (ranked.length > 0)
    blocks.push({
      type: "context",
      text:
        later > 0 && !shown.mine
          ? ctx.t("topic.list.more", { count: String(later), next, usage })
          : ctx.t("topic.list.hint", { usage }),
    });
  blocks.push(navigationRow(ctx.community, ctx.t, shown, pages));
  return ephemeral(...blocks);
}

/** The backlog as the member sees it after their vote or unvote (the press is applied after). */
export function withVote(topics: readonly OpenTopic[], topicId: number, mine: boolean): OpenTopic[] {
  return topics.map((t) =>
    t.id === topicId && t.mine !== mine ? { ...t, mine, votes: t.votes + (mine ? 1 : -1) } : t,
  );
}
