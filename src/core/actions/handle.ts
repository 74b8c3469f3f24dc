import { steppedBack } from "../commands/run.ts";
import type { CommandSyntax } from "../commands/types.ts";
import { CommandError } from "../errors.ts";
import type { CoreDeps } from "../handle-command.ts";
import { type Locale, type Translator, translator } from "../i18n/index.ts";
import type { PlatformDirectory } from "../membership/directory.ts";
import { ephemeral } from "../message.ts";
import type { Community, Member } from "../model.ts";
import type { PlatformTraits } from "../platform.ts";
import type { PlatformAuthority } from "../ports.ts";
import { moderatorResolver } from "../session.ts";
import { ACTIONS, FORMS } from "./index.ts";
import { type Packed, unpack } from "./pack.ts";
import {
  type InteractionResponse,
  moderatorsOnly,
  notAvailable,
  REOPEN_FORM,
  settle,
  submitForm,
} from "./settle.ts";
import type { ActionContext, ActionResult, FormDefinition, FormValues } from "./types.ts";

export { applyOnce, type InteractionResponse, REOPEN_FORM, settle } from "./settle.ts";

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
