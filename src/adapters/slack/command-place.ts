import type { WebClient } from "@slack/web-api";
import type { CommandPlace } from "../../core/commands/place.ts";

/** Slackbot is a user, not flagged `is_bot`, and no member to thank either. */
const SLACKBOT = "USLACKBOT";

/**
 * Where a Slack command was typed (`channel_id`) and who is a bot there (`users.info` `is_bot`,
 * asked only when a command needs it). A failed look-up is "cannot tell" (null), never a guess.
 */
export function slackCommandPlace(client: WebClient, channelId: string | undefined): CommandPlace {
  return {
    channelId: channelId ?? null,
    async isBot(userId) {
      if (userId === SLACKBOT) return true;
      try {
        const answer = await client.users.info({ user: userId });
        return answer.user ? Boolean(answer.user.is_bot) : null;
      } catch (error) {
        console.error("slack: users.info failed", error);
        return null;
      }
    },
  };
}
