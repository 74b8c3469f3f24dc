/**
 * Prints the link that adds guyub to a Discord server, and what it asks for and why, from the one
 * list in `src/adapters/discord/install.ts` (the health page shows the same).
 *
 *   npm run discord:invite
 *   npm run discord:invite -- --lang id            # the reasons in Bahasa Indonesia
 *   npm run discord:invite -- --guild 123456789    # preselect one server in Discord's picker
 *   DISCORD_APPLICATION_ID=… npm run discord:invite
 */
import { describeDiscordInstall } from "../src/adapters/discord/install.ts";
import { LOCALES, type Locale, translator } from "../src/core/i18n/index.ts";
import { readDevVars } from "./lib/dev-vars.ts";

const flag = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};

const vars = { ...readDevVars(), ...process.env } as Record<string, string | undefined>;
const applicationId = vars.DISCORD_APPLICATION_ID;
if (!applicationId) {
  console.error(
    "DISCORD_APPLICATION_ID is required (environment or .dev.vars): the id on the app's General Information page.",
  );
  process.exit(2);
}
const lang = flag("--lang") ?? "en";
if (!(LOCALES as readonly string[]).includes(lang)) {
  console.error(`--lang must be one of ${LOCALES.join(", ")}.`);
  process.exit(2);
}
const guildId = flag("--guild");

try {
  const install = describeDiscordInstall(
    applicationId,
    translator(lang as Locale),
    guildId ? { guildId } : {},
  );
  console.log(install.url);
  console.log(`\npermissions=${install.permissions}; it asks for:`);
  for (const ask of install.asks) console.log(`- ${ask.what}: ${ask.why}`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
