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
import { DEFAULT_DISCORD_API_URL } from "../src/api-defaults.ts";
import { readDevVars } from "./lib/dev-vars.ts";
import { discordCommands, registerDiscordCommands } from "./lib/discord-register.ts";

if (process.argv.includes("--print")) {
  console.log(JSON.stringify(discordCommands(), null, 2));
  process.exit(0);
}

const vars = { ...readDevVars(), ...process.env } as Record<string, string | undefined>;
const applicationId = vars.DISCORD_APPLICATION_ID;
const token = vars.DISCORD_BOT_TOKEN;
if (!applicationId || !token) {
  console.error("DISCORD_APPLICATION_ID and DISCORD_BOT_TOKEN are required (environment or .dev.vars).");
  process.exit(2);
}

const outcome = await registerDiscordCommands({
  apiUrl: vars.DISCORD_API_URL ?? DEFAULT_DISCORD_API_URL,
  applicationId,
  token,
  ...(vars.DISCORD_GUILD_ID ? { guildId: vars.DISCORD_GUILD_ID } : {}),
});
if (!outcome.ok) {
  console.error(outcome.said);
  process.exit(1);
}
console.log(outcome.said);
