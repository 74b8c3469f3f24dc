import { actionContext } from "../actions/handle.ts";
import { FORMS } from "../actions/index.ts";
import { applyOnce, settle } from "../actions/settle.ts";
import { steppedBack } from "../commands/run.ts";
import type { CommandSyntax } from "../commands/types.ts";
import type { CoreDeps } from "../handle-command.ts";
import { type Locale, translator } from "../i18n/index.ts";
import type { PlatformDirectory } from "../membership/directory.ts";
import { ephemeral, type Message } from "../message.ts";
import type { Community } from "../model.ts";
import type { PlatformTraits } from "../platform.ts";
import type { PlatformAuthority } from "../ports.ts";
import { isCancel } from "./question.ts";
import { answerConversation, endConversation } from "./runner.ts";

/**
 * A message a member wrote to guyub in their private chat with it, as the adapter hands it to
 * core: who, the text (mentions the adapter resolved written `<@id>`, channels `<#id>`), and the
 * community when the platform names one. Neutral: any platform with private chats can send it.
 */
export interface PrivateMessageRequest {
  readonly traits: PlatformTraits;
  readonly userId: string;
  /** The community's workspace when the adapter knows it (a chat opened from a link); else null. */
  readonly workspaceId: string | null;
  readonly text: string;
  /** The platform's id of this message: a retried delivery moves the conversation on once. */
  readonly ingressKey: string;
  readonly fallbackLocale: Locale;
  readonly syntax: CommandSyntax;
  /** How this platform tells whether the member moderates (a moderator's form is checked on submit). */
  authority(community: Community): PlatformAuthority;
  readonly directory?: PlatformDirectory;
}

/**
 * A private message: the answer to the question of the member's open conversation (in the
 * community the platform named, else the one they answered last), or `/cancel`, which ends it
 * and writes nothing else. Null when no conversation is open: the adapter says nothing.
 */
export async function handlePrivateMessage(
  deps: CoreDeps,
  request: PrivateMessageRequest,
): Promise<Message | null> {
  const locale = request.fallbackLocale;
  try {
    const now = deps.now();
    const { userId } = request;
    const [communityId] = await deps.store.formConversation.openFor(
      request.traits.id,
      userId,
      request.workspaceId,
      now,
    );
    if (communityId === undefined) return null;
    const { community, member } = await deps.store.findMember(communityId, userId);
    const open = community ? await deps.store.formConversation.open(communityId, userId, now) : null;
    if (!community || !member || !open) return null;
    const ctx = actionContext(deps, request, community, member, translator(community.locale), now);
    if (member.status === "alumni") return steppedBack(ctx);
    if (isCancel(request.text)) {
      await applyOnce(deps, ctx, [endConversation(ctx)], request.ingressKey);
      return ephemeral({ type: "text", text: ctx.t("conversation.cancelled") });
    }
    const forms = deps.interactions?.forms ?? FORMS;
    const result = await answerConversation(ctx, forms, open, { kind: "text", text: request.text });
    const response = await settle(deps, ctx, forms, result, request.ingressKey);
    return response.kind === "form" ? response.fallback : response.message;
  } catch (error) {
    console.error("private message failed", error);
    return ephemeral({ type: "text", text: translator(locale)("error.internal") });
  }
}
