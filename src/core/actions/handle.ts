import { activityToday } from "../activity/effects.ts";
import { steppedBack, withCloseLabel } from "../commands/run.ts";
import type { CommandSyntax } from "../commands/types.ts";
import { startConversation } from "../conversation/runner.ts";
import { CommandError, DuplicateDeliveryError } from "../errors.ts";
import type { CoreDeps } from "../handle-command.ts";
import { type Locale, type Translator, translator } from "../i18n/index.ts";
import type { PlatformDirectory } from "../membership/directory.ts";
import { type Block, ephemeral, type Form, type Message } from "../message.ts";
import type { Community, Effect, Member } from "../model.ts";
import type { PlatformTraits } from "../platform.ts";
import type { PlatformAuthority } from "../ports.ts";
import { moderatorResolver } from "../session.ts";
import { opensAsModal } from "./form-place.ts";
import { ACTIONS, FORMS } from "./index.ts";
import { actionButton, type Packed, unpack } from "./pack.ts";
import type { ActionContext, ActionResult, FormDefinition, FormValues } from "./types.ts";

/** A button press or form submission as an adapter hands it to core. */
export interface InteractionRequest {
  /** What the platform can do; `traits.id` must be the community's platform. */
  readonly traits: PlatformTraits;
  readonly userId: string;
  /** The server or workspace the press came from; null in a DM (Discord sends none there). */
  readonly workspaceId: string | null;
  readonly kind: "button" | "form";
  /** What guyub packed into the button or form: `<id>:<community>:<args>`. */
  readonly packed: string;
  /** Submitted values (forms only). */
  readonly values?: FormValues;
  /** The platform's id of this delivery: a retried or replayed press has one effect. */
  readonly ingressKey: string;
  /** The language to answer in when the community cannot be told (the user's locale). */
  readonly fallbackLocale: Locale;
  readonly syntax: CommandSyntax;
  /** How this platform tells whether the presser moderates the community (besides guyub's list). */
  authority(community: Community): PlatformAuthority;
  /** The platform's answers about users and channels (the setup form's main channel). */
  readonly directory?: PlatformDirectory;
}

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
 * The life of a press or a submission, platform-neutral: find what was packed, check the
 * presser is a stored member of the community the button names (a DM carries no server), check
 * moderator rights, validate, run, and apply the effects once (with the ingress key). Anything
 * unknown or stale gets a polite "not available" and changes nothing.
 */
export async function handleInteraction(
  deps: CoreDeps,
  request: InteractionRequest,
): Promise<InteractionResponse> {
  const registry = deps.interactions ?? { actions: ACTIONS, forms: FORMS };
  let locale = request.fallbackLocale;
  try {
    const packed = unpack(request.packed);
    const found = packed ? await deps.store.findMember(packed.communityId, request.userId) : null;
    const community = found?.community;
    const member = found?.member;
    if (!packed || !community || !member) return notAvailable(locale);
    locale = community.locale;
    if (community.platform !== request.traits.id) return notAvailable(locale);
    if (request.workspaceId !== null && request.workspaceId !== community.workspaceId)
      return notAvailable(locale);
    const now = deps.now();
    const t = translator(community.locale);
    const ctx = actionContext(deps, request, community, member, t, now);

    // A press checks status as well as membership: someone who stepped back changes nothing,
    // except through the few buttons open to them (erasing their own data).
    const plain = request.kind === "button" ? registry.actions.find((a) => a.id === packed.id) : undefined;
    if (member.status === "alumni" && !plain?.openToAlumni)
      return { kind: "reply", message: steppedBack(ctx) };

    let result: ActionResult;
    if (request.kind === "form") {
      const form = registry.forms.find((f) => f.id === packed.id);
      if (!form) return notAvailable(locale);
      return await submitForm(
        deps,
        ctx,
        registry.forms,
        form,
        packed.args,
        request.values ?? {},
        request.ingressKey,
      );
    } else if (packed.id === REOPEN_FORM) {
      const form = registry.forms.find((f) => f.id === packed.args[0]);
      const refused = await moderatorsOnly(ctx, form?.moderator ?? false);
      if (refused) return refused;
      result = await reopen(ctx, deps, registry.forms, packed);
    } else {
      const action = registry.actions.find((a) => a.id === packed.id);
      if (!action) return notAvailable(locale);
      const args = action.args.safeParse(packed.args);
      if (!args.success) return notAvailable(locale);
      const refused = await moderatorsOnly(ctx, action.moderator);
      if (refused) return refused;
      result = await action.handle(ctx, args.data);
    }
    return await settle(deps, ctx, registry.forms, result, request.ingressKey);
  } catch (error) {
    if (error instanceof CommandError && error.code === "not_moderator") {
      return {
        kind: "reply",
        message: ephemeral({ type: "text", text: translator(locale)("action.moderatorsOnly") }),
      };
    }
    console.error("interaction failed", error);
    return {
      kind: "reply",
      message: ephemeral({ type: "text", text: translator(locale)("error.internal") }),
    };
  }
}

/**
 * A form's answers, from its dialog or from a conversation's last answer (`ActionResult.submit`):
 * the moderator flag, the form's own `submit`, and on success its effects, the dropped draft and
 * `alsoOnSuccess` in one batch. Field errors save nothing but the answers, to refill the form.
 */
async function submitForm(
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
/**
 * What a handler sees of one press or message action: the speaker's community and member row, the
 * platform's traits and directory, and a moderator check that asks the platform at most once.
 */
export function actionContext(
  deps: CoreDeps,
  request: Pick<InteractionRequest, "traits" | "syntax" | "directory" | "authority">,
  community: Community,
  member: Member,
  t: Translator,
  now: Date,
): ActionContext {
  return {
    platform: request.traits.id,
    traits: request.traits,
    community,
    member,
    t,
    now,
    syntax: request.syntax,
    store: deps.store,
    upcoming: deps.upcoming,
    sealer: deps.sealer,
    directory: request.directory,
    moderatorStatus: moderatorResolver(deps.store, member, request.authority(community), now),
  };
}

async function moderatorsOnly(ctx: ActionContext, moderator: boolean): Promise<InteractionResponse | null> {
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

/** "Open the form again": the form named in the button, refilled from the saved draft. */
async function reopen(
  ctx: ActionContext,
  deps: CoreDeps,
  forms: readonly FormDefinition[],
  packed: Packed,
): Promise<ActionResult> {
  const [formName, ...args] = packed.args;
  const form = forms.find((f) => f.id === formName);
  if (!form) return { reply: ephemeral({ type: "text", text: ctx.t("error.unknown_action") }) };
  const draft = await deps.store.readFormDraft(ctx.community.id, ctx.member.platformUserId, form.id);
  return { form: await form.build(ctx, draft, args) };
}

function errorsMessage(
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

function notAvailable(locale: Locale): InteractionResponse {
  return {
    kind: "reply",
    message: ephemeral({ type: "text", text: translator(locale)("error.unknown_action") }),
  };
}
