import { OPTION_TYPE } from "../../src/adapters/discord/parse.ts";
import { registry } from "../../src/core/commands/index.ts";
import { parseCommandText } from "../../src/core/commands/parse-text.ts";

const MANAGE_GUILD = String(1n << 5n);

export interface InteractionSettings {
  readonly applicationId: string;
  readonly guildId: string;
  readonly guildLocale: string;
  readonly userId: string;
  readonly moderator: boolean;
}

/**
 * Builds the interaction Discord would send for typed text like `cop moderators add <@123>`,
 * using the same registry the worker uses. Unknown words are still sent, so the worker's own
 * error handling can be tried.
 */
export function buildDiscordCommand(text: string, settings: InteractionSettings) {
  const words = text
    .trim()
    .replace(/^\/?cop\b/, "")
    .trim();
  let options: unknown[];
  try {
    const invocation = parseCommandText(registry, "discord", words);
    const command = registry.find(invocation.path);
    const leaf = Object.entries(invocation.args).map(([name, value]) => {
      const kind = command?.options[name]?.kind;
      const type =
        kind === "user" ? OPTION_TYPE.USER : kind === "role" ? OPTION_TYPE.ROLE : OPTION_TYPE.STRING;
      return { name, type, value };
    });
    const [first = "help", second] = invocation.path;
    const sub = { type: OPTION_TYPE.SUB_COMMAND, name: second ?? first, options: leaf };
    options = second ? [{ type: OPTION_TYPE.SUB_COMMAND_GROUP, name: first, options: [sub] }] : [sub];
  } catch {
    const [first = "help"] = words.split(/\s+/);
    options = [{ type: OPTION_TYPE.SUB_COMMAND, name: first.toLowerCase(), options: [] }];
  }
  const user = { id: settings.userId, username: settings.moderator ? "budi" : "ayu", global_name: null };
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
