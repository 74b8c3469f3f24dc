import type { ActionContext, ActionResult } from "../../core/actions/types.ts";
import type { OutboxDraft } from "../../core/delivery.ts";
import { ephemeral, type Inline, type Message } from "../../core/message.ts";
import type { Effect } from "../../core/model.ts";
import type { SwapStatus } from "./effects.ts";
import { isEligible } from "./eligibility.ts";
import { headsUpDraft } from "./heads-up.ts";
import { applySwap } from "./moves.ts";
import { swapKey } from "./swap.ts";
import { daysOf, HORIZON, inAnnounceWindow, loadTurns, whenOf } from "./turns.ts";
import type { Day, RotationState } from "./types.ts";

type Dm = OutboxDraft & { readonly kind: "dm" };

const say = (text: string | Inline[]): Message => ephemeral({ type: "text", text });
/** The request's DM as it reads once answered (the buttons gone). */
const answered = (text: string | Inline[]): Message => ({
  visibility: "public",
  blocks: [{ type: "text", text }],
});

/** What an answer changed, for the announcement's update (null when no host changed). */
export interface SwapAnswered {
  readonly result: ActionResult;
  readonly changed: { readonly state: RotationState; readonly days: readonly Day[] } | null;
}

/**
 * The asked member answers a swap request with a button. Only they can; only once (the answer's
 * writes are conditional on the request still pending, so a second press or a retry adds
 * nothing); and only while the meeting has not begun and the asker still holds the turn (else
 * it expires). Declined: the turn stays, recorded. Accepted: both sides recorded, the asker
 * hears back, the new host gets the heads-up; the button message shows the answer in place.
 */
export async function answerSwap(
  ctx: ActionContext,
  [day, fromUser]: readonly [Day, string],
  accept: boolean,
): Promise<SwapAnswered> {
  const me = ctx.member.platformUserId;
  const request = await ctx.store.rotation.swapRequest(ctx.community.id, day, fromUser, me);
  if (!request) return { result: { reply: say(ctx.t("rotation.swapNotYours")) }, changed: null };
  if (request.status !== "pending")
    return { result: { reply: say(ctx.t("rotation.swapAnswered")) }, changed: null };
  const view = await loadTurns(ctx, HORIZON, [fromUser]);
  const meeting = view.meetings?.find((m) => m.scheduledDay === day);
  const close = (status: SwapStatus, entries: RotationState["ledger"], drafts: Dm[]): Effect => ({
    type: "swap.answer",
    day,
    fromUser,
    toUser: me,
    status,
    entries,
    drafts,
  });
  if (!meeting || meeting.startsAt <= ctx.now || meeting.host !== fromUser) {
    const update = answered(ctx.t("rotation.swapExpired"));
    return { result: { update, effects: [close("expired", [], [])] }, changed: null };
  }
  const state = view.book.state;
  const when = whenOf(ctx, meeting);
  const asker = { user: fromUser };
  const answerKey = `${swapKey(day, fromUser, me)}:answer`;
  const answerDm = (text: Inline[]): Dm => ({
    kind: "dm",
    key: answerKey,
    userId: fromUser,
    message: { visibility: "public", blocks: [{ type: "text", text }] },
    expiresAt: meeting.startsAt,
  });
  if (!accept) {
    const declined = applySwap(
      state,
      { date: day, memberId: fromUser, otherMemberId: me, accept },
      [],
      ctx.now,
    );
    const entries = declined.state.ledger.slice(state.ledger.length);
    const dm = answerDm(ctx.t.rich("rotation.swapWasDeclined", { member: { user: me }, when }));
    return {
      result: {
        update: answered(ctx.t.rich("rotation.swapDeclined", { member: asker, when })),
        effects: [close("declined", entries, [dm])],
      },
      changed: null,
    };
  }
  const self = state.members.find((m) => m.id === me);
  // Someone who cannot host that day cannot take it: nothing changes, they may decline instead.
  if (!self || !isEligible(state, self, day))
    return { result: { reply: say(ctx.t("rotation.swapUnable", { when })) }, changed: null };
  const swapped = applySwap(
    state,
    { date: day, memberId: fromUser, otherMemberId: me, accept },
    daysOf(view),
    ctx.now,
  );
  const entries = swapped.state.ledger.slice(state.ledger.length);
  const laterMeeting = view.meetings?.find((m) => m.scheduledDay === swapped.laterDate);
  const drafts: Dm[] = [headsUpDraft(ctx.community, ctx.t, { ...meeting, host: me }, me) as Dm];
  let update: Inline[];
  if (laterMeeting) {
    const later = whenOf(ctx, laterMeeting);
    update = ctx.t.rich("rotation.swapAcceptedLater", { member: asker, when, later });
    drafts.unshift(
      answerDm(ctx.t.rich("rotation.swapWasAcceptedLater", { member: { user: me }, when, later })),
    );
    // The asker's new turn gets its heads-up now only if its announcement is already due.
    if (inAnnounceWindow(view, laterMeeting, ctx.now))
      drafts.push(headsUpDraft(ctx.community, ctx.t, { ...laterMeeting, host: fromUser }, fromUser) as Dm);
  } else {
    update = ctx.t.rich("rotation.swapAccepted", { when });
    drafts.unshift(answerDm(ctx.t.rich("rotation.swapWasAccepted", { member: { user: me }, when })));
  }
  return {
    result: { update: answered(update), effects: [close("accepted", entries, drafts)] },
    changed: { state: swapped.state, days: laterMeeting ? [day, laterMeeting.scheduledDay] : [day] },
  };
}
