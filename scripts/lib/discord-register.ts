import { discordCommandDefinitions } from "../../src/adapters/discord/commands.ts";
import { discordMessageCommandDefinitions } from "../../src/adapters/discord/message-command-names.ts";
import { registry } from "../../src/core/commands/index.ts";

export interface RegisterTarget {
  /** Discord's API base (or the stand-in's), without a trailing slash needed. */
  readonly apiUrl: string;
  readonly applicationId: string;
  readonly token: string;
  /** One server (instant updates) or, when absent, every server (global). */
  readonly guildId?: string;
}

export type RegisterOutcome =
  | { readonly ok: true; readonly said: string }
  | { readonly ok: false; readonly said: string };

/**
 * The application command JSON guyub registers, from the registry the worker uses: `cop`,
 * `copmod`, and the message commands ("Report to moderators"). Within Discord's per-app limits:
 * 100 slash commands, 5 message commands.
 */
export const discordCommands = () => [
  ...discordCommandDefinitions(registry),
  ...discordMessageCommandDefinitions(),
];

/**
 * PUTs guyub's application commands (`cop` and `copmod`) to Discord, replacing what was there.
 * Shared by `npm run discord:register` and `npm run setup`, which calls it in its own process.
 */
export async function registerDiscordCommands(target: RegisterTarget): Promise<RegisterOutcome> {
  const commands = discordCommands();
  const apiUrl = target.apiUrl.replace(/\/+$/, "");
  const scope = target.guildId ? `guilds/${target.guildId}/` : "";
  const url = `${apiUrl}/applications/${target.applicationId}/${scope}commands`;
  try {
    const response = await fetch(url, {
      method: "PUT",
      headers: { authorization: `Bot ${target.token}`, "content-type": "application/json" },
      body: JSON.stringify(commands),
    });
    const body = await response.text();
    if (!response.ok)
      return { ok: false, said: `Discord refused the commands: HTTP ${response.status}\n${body}` };
    const where = target.guildId ? `server ${target.guildId}` : "all servers (global)";
    const each = commands
      .map((c) =>
        "options" in c
          ? `/${c.name} (${c.options.length} subcommands and groups)`
          : `"${c.name}" on messages`,
      )
      .join(" and ");
    return { ok: true, said: `Registered ${each} for ${where} at ${apiUrl}.` };
  } catch (error) {
    return {
      ok: false,
      said: `Could not reach ${apiUrl}: ${(error as Error).message}. Is \`npm start\` (or \`npm run standins\`) running?`,
    };
  }
}
