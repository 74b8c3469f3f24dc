import { steppedBack } from "../commands/run.ts";
import type { CommandSyntax } from "../commands/types.ts";
import { apology, type CoreDeps, forgottenRefused } from "../handle-command.ts";
import type { Locale } from "../i18n/index.ts";
import { translator } from "../i18n/index.ts";
import type { PlatformDirectory } from "../membership/directory.ts";
import { welcomeOnFirstContact } from "../membership/first-contact.ts";
import { ephemeral } from "../message.ts";
import type { Community, Contact } from "../model.ts";
import type { PlatformTraits } from "../platform.ts";
import type { PlatformAuthority } from "../ports.ts";
import { openSession } from "../session.ts";
import { actionContext } from "./handle.ts";
import { FORMS, MESSAGE_ACTIONS } from "./index.ts";
import type { MessageAction, TargetMessage } from "./message-types.ts";
import { type InteractionResponse, settle } from "./settle.ts";

/** An action on a message as an adapter hands it to core. */
export interface MessageActionRequest {
  readonly contact: Contact;
  readonly traits: PlatformTraits;
  readonly syntax: CommandSyntax;
  /** The feature's message action (`report.message`). */
  readonly action: string;
  readonly target: TargetMessage;
  /** The platform's id of this delivery: a retried or replayed one has one effect. */
  readonly ingressKey: string;
  authority(community: Community): PlatformAuthority;
  readonly directory?: PlatformDirectory;
}

/**
 * The life of an action on a message: like a command, the speaker is registered (a first contact
 * welcomed), since the entry point is the message, not a button guyub sent; then the feature's
 * handler runs and its effects are applied once. Answers: a private reply or a form to open.
 */
export async function handleMessageAction(
  deps: CoreDeps,
  request: MessageActionRequest,
  actions: readonly MessageAction[] = MESSAGE_ACTIONS,
): Promise<InteractionResponse> {
  let locale: Locale = request.contact.initialLocale;
  try {
    const now = deps.now();
    const session = await openSession(deps.store, request.contact, now);
    // Someone who asked guyub to forget them: nothing written until their own `/cop join`.
    if (session.member === null)
      return { kind: "reply", message: forgottenRefused(session.community, request) };
    const { community, member, created, founder } = session;
    if (created && !founder) await welcomeOnFirstContact(deps, community, member, now);
    locale = community.locale;
    const t = translator(locale);
    const ctx = actionContext(deps, request, community, member, t, now);
    if (member.status === "alumni") return { kind: "reply", message: steppedBack(ctx) };
    const action = actions.find((a) => a.id === request.action);
    if (!action)
      return { kind: "reply", message: ephemeral({ type: "text", text: t("error.unknown_action") }) };
    const result = await action.handle(ctx, request.target);
    return await settle(deps, ctx, deps.interactions?.forms ?? FORMS, result, request.ingressKey);
  } catch (error) {
    console.error("message action failed", error);
    return { kind: "reply", message: apology(locale) };
  }
}
