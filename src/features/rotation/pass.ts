import type { Inline } from "../../core/message.ts";
import type { Effect } from "../../core/model.ts";
import { headsUpDraft } from "./heads-up.ts";
import { applyPass } from "./moves.ts";
import { loadTurns, showUsage, type TurnContext, turnOf, whenOf } from "./turns.ts";
import type { Day, RotationState } from "./types.ts";

/** What a rotation flow decided: a refusal that changes nothing, or a change with its effects. */
export type TurnOutcome =
  | { readonly ok: false; readonly text: string | Inline[] }
  | {
      readonly ok: true;
      readonly text: string | Inline[];
      readonly effects: Effect[];
      /** The rotation after the change and the day it touched (for the announcement's update). */
      readonly state: RotationState;
      readonly day: Day;
    };

/** The refusal when a community has no meeting series. */
export function noSeries(ctx: TurnContext): TurnOutcome {
  return {
    ok: false,
    text: ctx.t("meeting.none", { usage: `${ctx.syntax.moderatorPrefix} meeting schedule` }),
  };
}

/**
 * The refusal when the member has no turn to pass or swap: none in the next four meetings, or
 * not on `day` (a heads-up's button for a turn that has moved on).
 */
export function noTurn(ctx: TurnContext, day?: Day): TurnOutcome {
  const usage = showUsage(ctx);
  return {
    ok: false,
    text: ctx.t(day === undefined ? "rotation.noTurn" : "rotation.notYourTurn", { usage }),
  };
}

/**
 * The member passes their turn (on `day`, from a heads-up; else their next within the next four
 * meetings): it goes to the next fair choice, who gets the heads-up, and the passer owes one.
 * Nobody else eligible: the turn stays and nothing changes.
 */
export async function passTurn(ctx: TurnContext, day?: Day): Promise<TurnOutcome> {
  const view = await loadTurns(ctx);
  if (view.meetings === null) return noSeries(ctx);
  const me = ctx.member.platformUserId;
  const meeting = turnOf(view, me, ctx.now, day);
  if (!meeting) return noTurn(ctx, day);
  const when = whenOf(ctx, meeting);
  const { state, handedTo } = applyPass(view.book.state, meeting.scheduledDay, me);
  if (handedTo === null) return { ok: false, text: ctx.t("rotation.passNobody", { when }) };
  const entries = state.ledger.slice(view.book.state.ledger.length);
  return {
    ok: true,
    text: ctx.t.rich("rotation.passed", { when, member: { user: handedTo } }),
    effects: [
      { type: "rotation.ledger", entries, recordedBy: me },
      {
        type: "outbox.send",
        draft: headsUpDraft(ctx.community, ctx.t, { ...meeting, host: handedTo }, handedTo),
      },
    ],
    state,
    day: meeting.scheduledDay,
  };
}
