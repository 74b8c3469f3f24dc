import { z } from "zod";
import { type Action, defineAction } from "../actions/define.ts";
import type { ActionContext, ActionResult, FormDefinition } from "../actions/types.ts";
import { ephemeral } from "../message.ts";
import { CONVERSATION_ACTION } from "./question.ts";
import { answerConversation, type ConversationInput } from "./runner.ts";

const index = z.string().regex(/^\d{1,3}$/);

async function press(
  ctx: ActionContext,
  forms: readonly FormDefinition[],
  input: ConversationInput,
): Promise<ActionResult> {
  const open = await ctx.store.formConversation.open(ctx.community.id, ctx.member.platformUserId, ctx.now);
  if (!open) return { reply: ephemeral({ type: "text", text: ctx.t("conversation.gone") }) };
  return answerConversation(ctx, forms, open, input);
}

/**
 * The buttons of a question: a choice (`form.pick:<community>:<question>:<option>`) and the way on
 * (`form.next:<community>:<question>`). They carry the question's number, so a press on an old
 * question (answered since) asks the current one again instead of answering it. The forms are
 * handed in, since the list of forms is built from the features that also list these buttons.
 */
export function conversationActions(forms: readonly FormDefinition[]): readonly Action[] {
  return [
    defineAction({
      id: CONVERSATION_ACTION.pick,
      args: z.tuple([index, index]),
      moderator: false,
      handle: (ctx, [step, option]) =>
        press(ctx, forms, { kind: "pick", step: Number(step), index: Number(option) }),
    }),
    defineAction({
      id: CONVERSATION_ACTION.next,
      args: z.tuple([index]),
      moderator: false,
      handle: (ctx, [step]) => press(ctx, forms, { kind: "next", step: Number(step) }),
    }),
  ];
}
