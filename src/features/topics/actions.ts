import { z } from "zod";
import { type Action, defineAction } from "../../core/actions/define.ts";
import type { ActionContext, ActionResult } from "../../core/actions/types.ts";
import { ephemeral } from "../../core/message.ts";
import { topicListMessage, UNVOTE_ACTION, VOTE_ACTION, withVote } from "./list.ts";
import { fadingRank } from "./list-rank.ts";
import { type ListView, PAGE_ACTION, viewArgsSchema, viewFrom, viewPage, viewWhere } from "./list-view.ts";

const topicId = z.string().regex(/^\d{1,9}$/);
/**
 * `[topic id]` from a digest or an announcement; `[topic id, "list" | "mine", page?]` from a page
 * of `/cop topic list` (a list drawn before paging sent `[topic id, "list"]`).
 */
const topicArgs = z.union([
  z.tuple([topicId]),
  z.tuple([topicId, viewWhere]),
  z.tuple([topicId, viewWhere, viewPage]),
]);

/** The list's view a press came from, or null for a press outside the list. */
function listView(args: z.output<typeof topicArgs>): ListView | null {
  if (args.length === 1) return null;
  const [, where, page] = args;
  return viewFrom(page === undefined ? [where] : [where, page]);
}

/**
 * A Vote or Unvote press. The effect is sent on every press and the vote's primary key makes a
 * second one (a double press, a platform retry with a new id) change nothing. Pressed in the list,
 * the list is redrawn in place with the new count; pressed elsewhere (a public digest), the member
 * gets a private answer and the message stays as everyone sees it.
 */
async function press(
  ctx: ActionContext,
  args: z.output<typeof topicArgs>,
  vote: boolean,
): Promise<ActionResult> {
  const topicId = Number(args[0]);
  const me = ctx.member.platformUserId;
  const say = (text: string) => ({ reply: ephemeral({ type: "text", text }) });
  const view = listView(args);
  if (!view) {
    const topic = await ctx.store.topics.byId(ctx.community.id, topicId, me);
    if (topic?.status !== "open") return say(ctx.t("topic.notOpen", { id: String(topicId) }));
    const params = { id: String(topicId), title: topic.title };
    return {
      ...say(ctx.t(vote ? "topic.voted" : "topic.unvoted", params)),
      effects: [{ type: vote ? "topic.vote" : "topic.unvote", topicId, userId: me }],
    };
  }
  const [backlog, scored] = await Promise.all([
    ctx.store.topics.backlog(ctx.community.id, me),
    ctx.store.topicRefresh.backlog(ctx.community.id),
  ]);
  if (!backlog.some((t) => t.id === topicId))
    return {
      ...say(ctx.t("topic.notOpen", { id: String(topicId) })),
      update: topicListMessage(ctx, backlog, fadingRank(scored), view),
    };
  const pending = { topicId, userId: me, vote };
  return {
    update: topicListMessage(ctx, withVote(backlog, topicId, vote), fadingRank(scored, pending), view),
    effects: [{ type: vote ? "topic.vote" : "topic.unvote", topicId, userId: me }],
  };
}

export const voteAction = defineAction({
  id: VOTE_ACTION,
  args: topicArgs,
  moderator: false,
  handle: (ctx, args) => press(ctx, args, true),
});

export const unvoteAction = defineAction({
  id: UNVOTE_ACTION,
  args: topicArgs,
  moderator: false,
  handle: (ctx, args) => press(ctx, args, false),
});

/** A page button of the list, or its switch to the member's own suggestions: the list redrawn in place. */
export const pageAction = defineAction({
  id: PAGE_ACTION,
  args: viewArgsSchema,
  moderator: false,
  async handle(ctx, args) {
    const [backlog, scored] = await Promise.all([
      ctx.store.topics.backlog(ctx.community.id, ctx.member.platformUserId),
      ctx.store.topicRefresh.backlog(ctx.community.id),
    ]);
    return { update: topicListMessage(ctx, backlog, fadingRank(scored), viewFrom(args)) };
  },
});

/** The backlog's buttons, for `ACTIONS` (src/core/actions/index.ts). */
export const TOPIC_ACTIONS: readonly Action[] = [voteAction, unvoteAction, pageAction];
