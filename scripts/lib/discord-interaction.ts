import { registry } from "../../src/core/commands/index.ts";
import { discordOptions, SEEDED_DISCORD_USERS } from "./discord-options.ts";

const MANAGE_GUILD = String(1n << 5n);

export interface InteractionSettings {
  readonly applicationId: string;
  readonly guildId: string;
  readonly guildLocale: string;
  readonly userId: string;
  /** Gives the speaker Manage Server, whoever they are. */
  readonly moderator: boolean;
}

/**
 * The interaction Discord would send for a typed line like `cop moderators add @ayu` (see
 * `discordOptions` for how the words become options). Throws `CommandLineError` for a line
 * Discord's client could not have sent.
 */
export function buildDiscordCommand(text: string, settings: InteractionSettings) {
  const options = discordOptions(registry, text);
  const username =
    Object.entries(SEEDED_DISCORD_USERS).find(([, id]) => id === settings.userId)?.[0] ?? "member";
  const user = { id: settings.userId, username, global_name: null };
  return {
    id: String(Date.now()),
    type: 2,
    application_id: settings.applicationId,
    token: `dev-interaction-${Date.now()}`,
    guild_id: settings.guildId,
    guild_locale: settings.guildLocale,
    locale: settings.guildLocale,
    member: { user, permissions: settings.moderator ? MANAGE_GUILD : "0", roles: [], nick: null },
    data: { id: "1", name: "cop", type: 1, options },
  };
}
