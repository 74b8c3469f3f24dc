import { createDiscordHistory } from "../adapters/discord/channel-history.ts";
import { DEFAULT_DISCORD_API_URL } from "../api-defaults.ts";
import type { ChannelHistoryFor } from "../core/activity/history.ts";
import type { AppEnv } from "../env.ts";

/**
 * Discord channel history for the activity job, where guyub has a bot token and knows its
 * application id (the bot's user id, which its permissions in a channel are computed for).
 */
export function historyFrom(env: AppEnv): ChannelHistoryFor {
  return (guildId) =>
    env.DISCORD_BOT_TOKEN && env.DISCORD_APPLICATION_ID
      ? createDiscordHistory({
          apiUrl: env.DISCORD_API_URL ?? DEFAULT_DISCORD_API_URL,
          botToken: env.DISCORD_BOT_TOKEN,
          guildId,
          botId: env.DISCORD_APPLICATION_ID,
        })
      : null;
}
