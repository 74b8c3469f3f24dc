import type {} from "../../features/conversation/ports.ts";
import { unpack } from "../actions/pack.ts";
import type { ActionContext, ActionResult, FormDefinition } from "../actions/types.ts";
import { type Block, ephemeral, type Form, type Message } from "../message.ts";
import type { Effect } from "../model.ts";
import { RETENTION } from "../retention.ts";
import { type Answer, initialValue, initialValues, isEmpty, readAnswer } from "./fields.ts";
import { questionBlocks } from "./question.ts";
import type { FormConversation } from "./types.ts";

/** An answer: typed text, a choice's button (its question and option), or "keep / skip / done". */
export type ConversationInput =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "pick"; readonly step: number; readonly index: number }
  | { readonly kind: "next"; readonly step: number };

type Draft = Pick<FormConversation, "formId" | "args" | "answers" | "step" | "reasks">;

const say = (text: string): Message => ephemeral({ type: "text", text });

/** The row as it stands after this answer; it lives a day from its last answer. */
function save(ctx: ActionContext, draft: Draft): Effect {
  const { formId, args, answers, step, reasks } = draft;
  const expiresAt = new Date(ctx.now.getTime() + RETENTION.formConversations).toISOString();
  return {
    type: "formConversation.save",
    userId: ctx.member.platformUserId,
    formId,
    args,
    answers,
    step,
    reasks,
    expiresAt,
  };
}

/** Ends the member's conversation (submitted, cancelled, stopped): the row goes, nothing else. */
export const endConversation = (ctx: ActionContext): Effect => ({
  type: "formConversation.end",
  userId: ctx.member.platformUserId,
});

/**
 * A form opened where the platform has no dialogs: instead of the modal, the first question, in
 * the member's private reply, and the draft that holds the answers to come, starting from what
 * the modal would have shown. Any conversation the member had open is replaced, and they are told.
 */
export async function startConversation(
  ctx: ActionContext,
  form: Form,
): Promise<{ readonly reply: Message; readonly effects: readonly Effect[] }> {
  const packed = unpack(form.id);
  if (!packed) throw new Error(`a form's id is packed: ${form.id}`);
  const me = ctx.member.platformUserId;
  const previous = await ctx.store.formConversation.open(ctx.community.id, me, ctx.now);
  const answers = initialValues(form);
  const blocks: Block[] = previous ? [{ type: "context", text: ctx.t("conversation.replaced") }] : [];
  const count = String(form.fields.length);
  blocks.push({ type: "text", text: ctx.t("conversation.start", { title: form.title, count }) });
  blocks.push(...questionBlocks(ctx.community, ctx.t, form.fields, 0, answers));
  const draft = { formId: packed.id, args: packed.args, answers, step: 0, reasks: 0 };
  return { reply: ephemeral(...blocks), effects: [save(ctx, draft)] };
}

const chosen = (value: Answer | undefined): string[] =>
  value === undefined ? [] : typeof value === "string" ? (value ? [value] : []) : [...value];

/**
 * One answer to the question being asked. It is read as the field's control would hand it in,
 * then checked by the form's own `submit` (the very rules a modal's submission meets; only this
 * field's error counts, later ones still hold their opening values). Invalid: asked again once
 * with the reason, then the conversation stops and nothing is saved. Valid: the next question,
 * or, after the last, `submit`: `handleInteraction` submits it as a modal would be.
 */
export async function answerConversation(
  ctx: ActionContext,
  forms: readonly FormDefinition[],
  open: FormConversation,
  input: ConversationInput,
): Promise<ActionResult> {
  const { t } = ctx;
  const definition = forms.find((f) => f.id === open.formId);
  const form = definition ? await definition.build(ctx, open.answers, open.args) : null;
  const field = form?.fields[open.step];
  if (!definition || !form || !field)
    return { reply: say(t("conversation.gone")), effects: [endConversation(ctx)] };
  const ask = (step: number, answers: Draft["answers"], lead: Block[] = []) =>
    ephemeral(...lead, ...questionBlocks(ctx.community, t, form.fields, step, answers));
  const invalid = (reason: string): ActionResult =>
    open.reasks >= 1
      ? { reply: say(t("conversation.stopped", { reason })), effects: [endConversation(ctx)] }
      : {
          reply: ask(open.step, open.answers, [
            { type: "text", text: t("conversation.invalid", { reason }) },
          ]),
          effects: [save(ctx, { ...open, reasks: open.reasks + 1 })],
        };
  const stale = (): ActionResult => ({
    reply: ask(open.step, open.answers, [{ type: "context", text: t("conversation.stale") }]),
  });

  let value: Answer;
  if (input.kind === "text") {
    const read = readAnswer(field, input.text, t);
    if ("error" in read) return invalid(read.error);
    value = read.value;
  } else if (input.step !== open.step) {
    return stale();
  } else if (input.kind === "pick") {
    const option = field.kind === "select" ? field.options[input.index] : undefined;
    if (field.kind !== "select" || !option) return stale();
    if (field.multiple) {
      // A press toggles one choice and asks the same question again; "done" moves on.
      const now = chosen(open.answers[field.id]);
      const picked = now.includes(option.value)
        ? now.filter((v) => v !== option.value)
        : [...now, option.value];
      const answers = { ...open.answers, [field.id]: picked };
      return { reply: ask(open.step, answers), effects: [save(ctx, { ...open, answers })] };
    }
    value = [option.value];
  } else {
    value = open.answers[field.id] ?? initialValue(field);
  }

  if (field.required === true && isEmpty(value)) return invalid(t("conversation.required"));
  const answers = { ...open.answers, [field.id]: value };
  const checked = await definition.submit(ctx, answers, open.args);
  const reason = "errors" in checked ? checked.errors[field.id] : undefined;
  if (reason) return invalid(reason);
  const next = open.step + 1;
  if (next < form.fields.length)
    return { reply: ask(next, answers), effects: [save(ctx, { ...open, answers, step: next, reasks: 0 })] };
  return {
    submit: { formId: open.formId, args: open.args, values: answers, alsoOnSuccess: [endConversation(ctx)] },
  };
}
