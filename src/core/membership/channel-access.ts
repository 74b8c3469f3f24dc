import type { PlainKey, Translator } from "../i18n/index.ts";
import { ephemeral, type Inline, type Message } from "../message.ts";
import type { PlatformTraits } from "../platform.ts";
import type { ChannelProblem, PlatformDirectory } from "./directory.ts";

/** Why guyub cannot take a channel as the main channel; `unverifiable`: the platform could not be asked. */
export type ChannelRefusal = ChannelProblem | "unverifiable";

/**
 * What stops guyub from posting in `channelId`, or null when nothing does. A platform that cannot
 * be asked (no directory, an error) is a refusal too: a main channel nobody can post in would
 * swallow every welcome fallback and announcement in silence.
 */
export async function channelRefusal(
  directory: PlatformDirectory | undefined,
  channelId: string,
): Promise<ChannelRefusal | null> {
  const access = directory ? await directory.channel(channelId) : null;
  if (access === null) return "unverifiable";
  return access.ok ? null : access.problem;
}

/** A channel the bot cannot find: invite it (it may be private), or pick another. */
const NOT_FOUND: Record<PlatformTraits["channelAccess"], PlainKey> = {
  invite: "channel.notFound.invite",
  permissions: "channel.notFound.permissions",
};

/**
 * The refusal said so a moderator knows what to do (invite the bot, allow it to send). `channel`
 * is a mention in a reply, or words ("the channel you chose") in a form's field error.
 */
export function refusalText(
  refusal: ChannelRefusal,
  traits: PlatformTraits,
  t: Translator,
  channel: Inline,
): Inline[] {
  switch (refusal) {
    case "unverifiable":
      return t.rich("channel.cannotCheck", { channel });
    case "not_found":
      return [t(NOT_FOUND[traits.channelAccess])];
    case "not_member":
      return t.rich("channel.notMember", { channel });
    case "archived":
      return t.rich("channel.archived", { channel });
    case "other_server":
      return [t("channel.otherServer")];
    case "not_text":
      return [t("channel.notText")];
    case "cannot_view":
      return t.rich("channel.cannotView", { channel });
    case "cannot_send":
      return t.rich("channel.cannotSend", { channel });
    case "cannot_send_threads":
      return t.rich("channel.cannotSendThreads", { channel });
  }
}

/**
 * A channel command's check (`/copmod onboarding channel`, `/copmod report channel`): null when
 * guyub can post in `channel`, else the private reply that says what to do.
 */
export async function channelRefusalReply(
  ctx: { readonly directory?: PlatformDirectory; readonly traits: PlatformTraits; readonly t: Translator },
  channel: string,
): Promise<Message | null> {
  const refusal = await channelRefusal(ctx.directory, channel);
  if (!refusal) return null;
  return ephemeral({ type: "text", text: refusalText(refusal, ctx.traits, ctx.t, { channel }) });
}
