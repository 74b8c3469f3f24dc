import { z } from "zod";
import { defineAction } from "../../core/actions/define.ts";
import { formId } from "../../core/actions/pack.ts";
import type { ActionContext, ActionResult, FormDefinition } from "../../core/actions/types.ts";
import { ephemeral, type Inline, type Message } from "../../core/message.ts";
import type { Effect } from "../../core/model.ts";
import { announcementUpdate } from "../meetings/announcement.ts";
import { isEligible } from "./eligibility.ts";
import { PASS_ACTION, SWAP_OPEN_ACTION } from "./heads-up.ts";
import { passTurn, type TurnOutcome } from "./pass.ts";
import { rotationScope } from "./scope.ts";
import { requestSwap, SWAP_ACCEPT_ACTION, SWAP_DECLINE_ACTION } from "./swap.ts";
import { answerSwap } from "./swap-answer.ts";
import { emptyTally, fairOrder, stateTallies } from "./tally.ts";
import { loadTurns, showUsage, turnOf } from "./turns.ts";
import { Day, type RotationState } from "./types.ts";

const SWAP_FORM = "rotation.swap";
/** A form select offers at most 25 options (Slack and Discord). */
const MAX_OPTIONS = 25;
const userId = z.string().regex(/^[A-Za-z0-9]{1,32}$/);
const say = (text: string | Inline[]): Message => ephemeral({ type: "text", text });

/**
 * Edits the announcement of each touched meeting so it names the new host (nothing for a meeting
 * not announced yet: its announcement will name the host when it goes out).
 */
export async function announcementEffects(
  ctx: Pick<ActionContext, "community" | "t" | "now" | "store">,
  state: RotationState,
  days: readonly string[],
): Promise<Effect[]> {
  const edits = await Promise.all(days.map((day) => announcementUpdate(ctx, day, { state })));
  return edits.flat();
}

/** A flow's outcome as a button's answer: a change replaces the heads-up, a refusal answers privately. */
async function asResult(ctx: ActionContext, outcome: TurnOutcome, replace: boolean): Promise<ActionResult> {
  if (!outcome.ok) return { reply: say(outcome.text) };
  const effects = [...outcome.effects, ...(await announcementEffects(ctx, outcome.state, [outcome.day]))];
  const message: Message = { visibility: "public", blocks: [{ type: "text", text: outcome.text }] };
  return replace ? { update: message, effects } : { reply: say(outcome.text), effects };
}

/** The heads-up's Pass: only that day's planned host may press it. */
export const passButton = defineAction({
  id: PASS_ACTION,
  args: z.tuple([Day]),
  moderator: false,
  handle: async (ctx, [day]) => asResult(ctx, await passTurn(ctx, day), true),
});

/** The heads-up's Swap: a form to choose who to ask among those who can host that day. */
export const swapOpenButton = defineAction({
  id: SWAP_OPEN_ACTION,
  args: z.tuple([Day]),
  moderator: false,
  async handle(ctx, [day]) {
    const view = await loadTurns(ctx);
    const me = ctx.member.platformUserId;
    if (!turnOf(view, me, ctx.now, day))
      return { reply: say(ctx.t("rotation.notYourTurn", { usage: showUsage(ctx) })) };
    const form = await swapForm.build(ctx, null, [day]);
    if (form.fields.length === 0) return { reply: say(ctx.t("swapForm.nobody")) };
    return { form };
  },
});

/** The swap form: a select of up to 25 members who can host that day; submitting asks the one chosen. */
export const swapForm: FormDefinition = {
  id: SWAP_FORM,
  moderator: false,
  async build(ctx, initial, args) {
    const day = Day.parse(args[0]);
    const me = ctx.member.platformUserId;
    // The fairest who can host that day: those who hosted least come first, as the rule would.
    const scope = rotationScope(ctx.now, ctx.community.timezone, [day], {
      members: [me],
      extra: MAX_OPTIONS,
    });
    const { state } = await ctx.store.rotation.view(ctx.community.id, scope);
    const tallies = stateTallies(state);
    const tally = (id: string) => tallies.get(id) ?? emptyTally(id);
    const ids = state.members
      .filter((m) => m.id !== me && isEligible(state, m, day))
      .map((m) => m.id)
      .sort((a, b) => fairOrder(tally(a), tally(b)))
      .slice(0, MAX_OPTIONS);
    const names = await ctx.store.rotation.names(ctx.community.id, ids);
    const options = ids
      .map((id) => ({ value: id, label: (names.get(id) ?? id).slice(0, 75) }))
      .sort((a, b) => a.label.localeCompare(b.label));
    const chosen = initial?.member;
    return {
      id: formId(ctx.community, SWAP_FORM, [day]),
      title: ctx.t("swapForm.title"),
      submitLabel: ctx.t("swapForm.submit"),
      fields:
        options.length === 0
          ? []
          : [
              {
                kind: "select",
                id: "member",
                label: ctx.t("swapForm.member"),
                options,
                required: true,
                ...(Array.isArray(chosen) ? { initial: chosen } : {}),
              },
            ],
    };
  },
  async submit(ctx, values, args) {
    const day = Day.safeParse(args[0]);
    const picked = values.member;
    const other = userId.safeParse(Array.isArray(picked) ? picked[0] : picked);
    if (!day.success || !other.success) return { errors: { member: ctx.t("swapForm.pick") } };
    return asResult(ctx, await requestSwap(ctx, other.data, day.data), false);
  },
};

/**
 * The asker in a swap request's buttons: a platform user id of at most 20 characters (a Discord
 * snowflake's most; Slack's are 9 to 11), so the longest request still packs within 64 bytes.
 */
const askerId = z.string().regex(/^[A-Za-z0-9]{1,20}$/);
const requestArgs = z.tuple([Day, askerId]);

/** The swap request's Accept and Decline (arguments: the day and the asker; the presser is the one asked). */
export const swapAcceptButton = defineAction({
  id: SWAP_ACCEPT_ACTION,
  args: requestArgs,
  moderator: false,
  handle: (ctx, args) => answered(ctx, args, true),
});
export const swapDeclineButton = defineAction({
  id: SWAP_DECLINE_ACTION,
  args: requestArgs,
  moderator: false,
  handle: (ctx, args) => answered(ctx, args, false),
});

async function answered(ctx: ActionContext, args: readonly [string, string], accept: boolean) {
  const { result, changed } = await answerSwap(ctx, args, accept);
  if (!changed) return result;
  const update = await announcementEffects(ctx, changed.state, changed.days);
  return { ...result, effects: [...(result.effects ?? []), ...update] };
}

/** The rotation's buttons and forms, for `ACTIONS` and `FORMS`. */
export const ROTATION_ACTIONS = [passButton, swapOpenButton, swapAcceptButton, swapDeclineButton];
export const ROTATION_FORMS: readonly FormDefinition[] = [swapForm];
