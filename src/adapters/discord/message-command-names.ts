import { translator } from "../../core/i18n/index.ts";

/**
 * Discord's message commands (application command type 3, in a message's Apps menu): the name
 * Discord sends as `data.name` (the default, English) and the core message action it runs.
 */
export const DISCORD_MESSAGE_COMMANDS: Readonly<Record<string, string>> = {
  [translator("en")("reports.shortcut.name")]: "report.message",
};

const MESSAGE = 3;
const GUILD_CONTEXT = 0;
const GUILD_INSTALL = 0;

/**
 * Their registration JSON, beside `cop` and `copmod`: a name (up to 32 characters, spaces and
 * capitals allowed) with its Indonesian localization; no description (Discord refuses one). An
 * app may have at most 5 message commands.
 */
export function discordMessageCommandDefinitions() {
  const id = translator("id");
  return Object.keys(DISCORD_MESSAGE_COMMANDS).map((name) => ({
    name,
    type: MESSAGE,
    name_localizations: { id: id("reports.shortcut.name") },
    contexts: [GUILD_CONTEXT],
    integration_types: [GUILD_INSTALL],
  }));
}
