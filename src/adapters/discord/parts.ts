import { DEFAULT_DISCORD_API_URL } from "../../api-defaults.ts";
import type { AppEnv } from "../../env.ts";
import type { PlatformParts } from "../../platforms.ts";
import { createDiscordHistory } from "./channel-history.ts";
import { createDiscordDirectory } from "./directory.ts";
import { isDiscordModerator } from "./moderator-check.ts";
import { createDiscordSender } from "./sender.ts";

/**
 * Discord's parts for jobs and delivery: one bot token serves every server. Without it (or
 * without the application id, the bot's own user id) there is nothing guyub may read or send.
 * Channel history is read, not pushed: guyub holds no Gateway connection.
 */
export function discordParts(env: AppEnv): PlatformParts {
  const apiUrl = env.DISCORD_API_URL ?? DEFAULT_DISCORD_API_URL;
  const botToken = env.DISCORD_BOT_TOKEN;
  const applicationId = env.DISCORD_APPLICATION_ID;
  return {
    directory: (guildId) => (botToken ? createDiscordDirectory({ apiUrl, botToken, guildId }) : null),
    history: (guildId) =>
      botToken && applicationId
        ? createDiscordHistory({ apiUrl, botToken, guildId, botId: applicationId })
        : null,
    sender: async (_guildId, { paceScale }) =>
      botToken && applicationId ? createDiscordSender({ apiUrl, botToken, applicationId, paceScale }) : null,
    async platformModerator(guildId, userId, moderatorRoleId) {
      if (!botToken) throw new Error("discord: no bot token to ask with");
      return isDiscordModerator({ apiUrl, botToken }, guildId, userId, moderatorRoleId);
    },
  };
}
