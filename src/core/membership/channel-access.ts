import type { Translator } from "../i18n/index.ts";
import type { Inline } from "../message.ts";
import type { PlatformId } from "../model.ts";
import type { ChannelProblem, PlatformDirectory } from "./directory.ts";

/**
 * Why guyub cannot take `channelId` as the main channel, said so a moderator knows what to do
 * (invite the bot, allow it to send), or null when guyub can post there. A platform that cannot
 * be asked (no directory, an error) is a refusal too: a main channel nobody can post in would
 * swallow every welcome fallback and announcement in silence.
 */
export async function channelRefusal(
  directory: PlatformDirectory | undefined,
  platform: PlatformId,
  t: Translator,
  channelId: string,
): Promise<Inline[] | null> {
  const access = directory ? await directory.channel(channelId) : null;
  const channel = { channel: channelId };
  if (access === null) return t.rich("channel.cannotCheck", { channel });
  if (access.ok) return null;
  return refusalText(access.problem, platform, t, channel);
}

function refusalText(
  problem: ChannelProblem,
  platform: PlatformId,
  t: Translator,
  channel: { channel: string },
): Inline[] {
  switch (problem) {
    case "not_found":
      return [t(platform === "slack" ? "channel.notFound.slack" : "channel.notFound.discord")];
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
