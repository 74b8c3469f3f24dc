/**
 * Registers guyub's application commands with Discord (or the local stand-in), from the same
 * registry the worker uses: `/cop` for everyone and `/copmod`, which members without Manage Server
 * do not see (a server admin may grant it to a person or role under Server Settings → Integrations).
 * Globally by default; to one server when DISCORD_GUILD_ID is set (guild commands update
 * instantly, global ones may take a while to appear).
 *
 *   npm run discord:register
 *   DISCORD_API_URL=https://discord.com/api/v10 DISCORD_APPLICATION_ID=… DISCORD_BOT_TOKEN=… npm run discord:register
 *   npm run discord:register -- --print      # only print the JSON
 */
import { discordCommandDefinitions } from "../src/adapters/discord/commands.ts";
import { DEFAULT_DISCORD_API_URL } from "../src/api-defaults.ts";
import { registry } from "../src/core/commands/index.ts";
import { readDevVars } from "./lib/dev-vars.ts";

const commands = discordCommandDefinitions(registry);
if (process.argv.includes("--print")) {
  console.log(JSON.stringify(commands, null, 2));
  process.exit(0);
}

const vars = { ...readDevVars(), ...process.env } as Record<string, string | undefined>;
const apiUrl = (vars.DISCORD_API_URL ?? DEFAULT_DISCORD_API_URL).replace(/\/+$/, "");
const applicationId = vars.DISCORD_APPLICATION_ID;
const token = vars.DISCORD_BOT_TOKEN;
if (!applicationId || !token) {
  console.error("DISCORD_APPLICATION_ID and DISCORD_BOT_TOKEN are required (environment or .dev.vars).");
  process.exit(2);
}

const scope = vars.DISCORD_GUILD_ID ? `guilds/${vars.DISCORD_GUILD_ID}/` : "";
const url = `${apiUrl}/applications/${applicationId}/${scope}commands`;
try {
  const response = await fetch(url, {
    method: "PUT",
    headers: { authorization: `Bot ${token}`, "content-type": "application/json" },
    body: JSON.stringify(commands),
  });
  const body = await response.text();
  if (!response.ok) {
    console.error(`Discord refused the commands: HTTP ${response.status}\n${body}`);
    process.exit(1);
  }
  const where = vars.DISCORD_GUILD_ID ? `server ${vars.DISCORD_GUILD_ID}` : "all servers (global)";
  const each = commands.map((c) => `/${c.name} (${c.options.length} subcommands and groups)`).join(" and ");
  console.log(`Registered ${each} for ${where} at ${apiUrl}.`);
} catch (error) {
  console.error(
    `Could not reach ${apiUrl}: ${(error as Error).message}. Is \`npm start\` (or \`npm run standins\`) running?`,
  );
  process.exit(1);
}
