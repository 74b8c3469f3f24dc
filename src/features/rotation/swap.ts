import { actionButton } from "../../core/actions/pack.ts";
import type { Message } from "../../core/message.ts";
import type { PlannedMeeting } from "../meetings/plan.ts";
import { isEligible } from "./eligibility.ts";
import { noSeries, noTurn, type TurnOutcome } from "./pass.ts";
import { HORIZON, loadTurns, type TurnContext, turnOf, whenOf } from "./turns.ts";
import type { Day } from "./types.ts";

/** The swap request's buttons (arguments: the meeting's scheduled day and the asker). */
export const SWAP_ACCEPT_ACTION = "rotation.swap-accept";
export const SWAP_DECLINE_ACTION = "rotation.swap-decline";

/** The outbox key of a swap request's DM, and of its answer to the asker. */
export function swapKey(day: Day, fromUser: string, toUser: string): string {
  return `swap:${day}:${fromUser}:${toUser}`;
}

/** The DM to the member asked: who asks, for which meeting, and Accept / Decline. */
function requestMessage(ctx: TurnContext, meeting: PlannedMeeting, fromUser: string): Message {
  const args = [meeting.scheduledDay, fromUser];
  return {
    visibility: "public",
    blocks: [
      {
        type: "text",
        text: ctx.t.rich("rotation.swapRequest", { member: { user: fromUser }, when: whenOf(ctx, meeting) }),
      },
      {
        type: "actions",
        buttons: [
          actionButton(ctx.community, SWAP_ACCEPT_ACTION, ctx.t("rotation.swapAccept"), args, "primary"),
          actionButton(ctx.community, SWAP_DECLINE_ACTION, ctx.t("rotation.swapDecline"), args),
        ],
      },
    ],
  };
}

/**
 * The member asks `other` to take their turn (on `day`, from a heads-up; else their next within
 * the next four meetings). `other` must be an active member in the rotation, not the asker, able
 * to host that day, and not asked about that day before. The request and its DM are written together.
 */
export async function requestSwap(ctx: TurnContext, other: string, day?: Day): Promise<TurnOutcome> {
  const me = ctx.member.platformUserId;
  const mention = { user: other };
  if (other === me) return { ok: false, text: ctx.t("rotation.swapSelf") };
  const [view, stored] = await Promise.all([
    loadTurns(ctx, HORIZON, [other]),
    ctx.store.membership.member(ctx.community.id, other),
  ]);
  if (view.meetings === null) return noSeries(ctx);
  const member = view.book.state.members.find((m) => m.id === other);
  // Bots are never stored as members, so they are refused here too.
  if (stored?.status !== "active" || !member)
    return { ok: false, text: ctx.t.rich("rotation.unknownMember", { member: mention }) };
  const meeting = turnOf(view, me, ctx.now, day);
  if (!meeting) return noTurn(ctx, day);
  const when = whenOf(ctx, meeting);
  if (!isEligible(view.book.state, member, meeting.scheduledDay))
    return { ok: false, text: ctx.t.rich("rotation.swapNotEligible", { member: mention, when }) };
  const asked = await ctx.store.rotation.swapRequest(ctx.community.id, meeting.scheduledDay, me, other);
  if (asked) return { ok: false, text: ctx.t.rich("rotation.swapAlready", { member: mention, when }) };
  return {
    ok: true,
    text: ctx.t.rich("rotation.swapAsked", { member: mention, when }),
    effects: [
      { type: "swap.request", day: meeting.scheduledDay, fromUser: me, toUser: other },
      {
        type: "outbox.send",
        draft: {
          kind: "dm",
          key: swapKey(meeting.scheduledDay, me, other),
          userId: other,
          message: requestMessage(ctx, meeting, me),
          expiresAt: meeting.startsAt,
        },
      },
    ],
    state: view.book.state,
    day: meeting.scheduledDay,
  };
}
