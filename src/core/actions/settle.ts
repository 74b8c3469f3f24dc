import { activityToday } from "../activity/effects.ts";
import { withCloseLabel } from "../commands/run.ts";
import { startConversation } from "../conversation/runner.ts";
import { DuplicateDeliveryError } from "../errors.ts";
import type { CoreDeps } from "../handle-command.ts";
import { type Locale, translator } from "../i18n/index.ts";
import { type Block, ephemeral, type Form, type Message } from "../message.ts";
import type { Effect } from "../model.ts";
import { opensAsModal } from "./form-place.ts";
import { actionButton, type Packed } from "./pack.ts";
import type { ActionContext, ActionResult, FormDefinition, FormValues } from "./types.ts";

// What becomes of a handler's result, shared by presses, form submissions (from a dialog or a
// conversation's last answer), message actions and private messages.

/** What the adapter must do: answer privately, replace the message, open a form, or show field errors. */
export type InteractionResponse =
  | { readonly kind: "reply"; readonly message: Message }
  | { readonly kind: "update"; readonly message: Message; readonly reply?: Message }
  /** `fallback` is shown if the platform refuses to open the form (an expired trigger). */
  | { readonly kind: "form"; readonly form: Form; readonly fallback: Message }
  | {
      readonly kind: "errors";
      readonly errors: Readonly<Record<string, string>>;
      /** The same errors as a message with a button that reopens the form, answers kept (Discord). */
      readonly message: Message;
    };

/** The built-in action behind "open the form again" after field errors. */
export const REOPEN_FORM = "form.reopen";

/**
 * A form's answers, from its dialog or from a conversation's last answer (`ActionResult.submit`):
 * the moderator flag, the form's own `submit`, and on success its effects, the dropped draft and
 * `alsoOnSuccess` in one batch. Field errors save nothing but the answers, to refill the form.
 */
export async function submitForm(
  deps: CoreDeps,
  ctx: ActionContext,
  forms: readonly FormDefinition[],
  form: FormDefinition,
  args: readonly string[],
  values: FormValues,
  ingressKey: string,
  alsoOnSuccess: readonly Effect[] = [],
): Promise<InteractionResponse> {
  const refused = await moderatorsOnly(ctx, form.moderator);
  if (refused) return refused;
  const outcome = await form.submit(ctx, values, args);
  const userId = ctx.member.platformUserId;
  if ("errors" in outcome) {
    // Nothing of the submission is saved, except the answers themselves as a draft, so the
    // reopened form (Discord cannot show errors inside a modal) comes back filled in.
    await applyOnce(deps, ctx, [{ type: "form.saveDraft", userId, formId: form.id, values }], ingressKey);
    return {
      kind: "errors",
      errors: outcome.errors,
      message: errorsMessage(ctx, outcome.errors, { id: form.id, communityId: ctx.community.id, args }),
    };
  }
  const cleared: Effect = { type: "form.clearDraft", userId, formId: form.id };
  return settle(deps, ctx, forms, outcome, ingressKey, [cleared, ...alsoOnSuccess]);
}

/**
 * What a handler's result comes to: a submission it hands on (a conversation's last answer), else
 * its effects applied once (with the press as activity), then the answer. A form on a platform
 * without dialogs becomes a conversation, its first question the answer and its draft in the batch.
 */
export async function settle(
  deps: CoreDeps,
  ctx: ActionContext,
  forms: readonly FormDefinition[],
  result: ActionResult,
  ingressKey: string,
  extra: readonly Effect[] = [],
): Promise<InteractionResponse> {
  const { submit } = result;
  if (submit) {
    const form = forms.find((f) => f.id === submit.formId);
    if (!form) return notAvailable(ctx.t.locale);
    return submitForm(deps, ctx, forms, form, submit.args, submit.values, ingressKey, [
      ...extra,
      ...submit.alsoOnSuccess,
    ]);
  }
  const started = result.form && !opensAsModal(ctx.traits) ? await startConversation(ctx, result.form) : null;
  // A press is activity too (day resolution: the day's second press adds nothing to write).
  const seen = activityToday(ctx.community, ctx.member, ctx.now);
  const effects = [...(result.effects ?? []), ...extra, ...(started?.effects ?? []), ...seen];
  await applyOnce(deps, ctx, effects, ingressKey);
  if (started) return { kind: "reply", message: started.reply };
  const reply = result.replyAfter ? await result.replyAfter() : result.reply;
  if (result.form) {
    return {
      kind: "form",
      form: withCloseLabel(result.form, ctx.t("form.close")),
      fallback: ephemeral({ type: "text", text: ctx.t("form.couldNotOpen") }),
    };
  }
  if (result.update) return { kind: "update", message: result.update, ...(reply ? { reply } : {}) };
  return { kind: "reply", message: reply ?? ephemeral({ type: "text", text: ctx.t("action.done") }) };
}

/**
 * Buttons and forms declare their moderator flag (`defineAction`, `FormDefinition`) and it is
 * enforced here, where commands' is in `runCommand`. Presses are rare and often change settings,
 * so the platform is asked afresh rather than trusting a cached answer.
 */
export async function moderatorsOnly(
  ctx: ActionContext,
  moderator: boolean,
): Promise<InteractionResponse | null> {
  if (!moderator) return null;
  const status = await ctx.moderatorStatus({ fresh: true });
  if (status === "moderator") return null;
  const key = status === "unknown" ? "error.moderator_unverifiable" : "action.moderatorsOnly";
  return { kind: "reply", message: ephemeral({ type: "text", text: ctx.t(key) }) };
}

export async function applyOnce(
  deps: CoreDeps,
  ctx: ActionContext,
  effects: readonly Effect[],
  ingressKey: string,
) {
  if (effects.length === 0) return;
  try {
    const applied = await deps.store.apply(ctx.community, effects, null, ctx.now, { ingressKey });
    if (applied.enqueue.length > 0 && deps.queue) {
      await deps.queue.enqueue(applied.enqueue).catch((error: unknown) => {
        console.error("outbox enqueue failed; the sweep will pick these up", error);
      });
    }
  } catch (error) {
    if (!(error instanceof DuplicateDeliveryError)) throw error;
  }
}

export function errorsMessage(
  ctx: ActionContext,
  errors: Readonly<Record<string, string>>,
  packed: Packed,
): Message {
  const blocks: Block[] = [
    { type: "text", text: ctx.t("form.errors") },
    ...Object.values(errors).map((text): Block => ({ type: "context", text: `• ${text}` })),
    {
      type: "actions",
      buttons: [
        actionButton(
          ctx.community,
          REOPEN_FORM,
          ctx.t("form.reopen"),
          [packed.id, ...packed.args],
          "primary",
        ),
      ],
    },
  ];
  return ephemeral(...blocks);
}

export function notAvailable(locale: Locale): InteractionResponse {
  return {
    kind: "reply",
    message: ephemeral({ type: "text", text: translator(locale)("error.unknown_action") }),
  };
}
