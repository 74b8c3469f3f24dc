import { createHash } from "node:crypto";
import { DEFAULT_DISCORD_API_URL } from "../../src/api-defaults.ts";
import { type SetupContext, SetupError, type Step } from "./context.ts";
import { slackCreateAppUrl } from "./links.ts";
import { ASKED, asked, OPTIONAL } from "./secrets.ts";
import { putSecrets, secretValue, storedSecrets } from "./secrets-store.ts";
import type { Platform } from "./state.ts";

const PLATFORMS: readonly Platform[] = ["slack", "discord", "telegram"];

/** `slack`, `discord`, `telegram` or a comma list of them; anything else is refused rather than guessed. */
export function parsePlatforms(text: string): Platform[] | undefined {
  const words = text.split(/[\s,]+/).filter(Boolean);
  if (words.length === 0 || words.some((w) => !PLATFORMS.includes(w as Platform))) return undefined;
  return PLATFORMS.filter((p) => words.includes(p));
}

/** Which platforms this deployment serves: asked once, so nobody is asked the other's secrets. */
export function platformsStep(flag: string | undefined): Step {
  return {
    name: "platforms",
    plan: (state) =>
      flag
        ? `serve ${flag}`
        : state.platforms
          ? `serve ${state.platforms.join(", ")}`
          : "ask: Slack, Discord, Telegram, or several",
    async run(context) {
      let platforms = flag ? parsePlatforms(flag) : context.state.platforms;
      if (flag && !platforms)
        throw new SetupError(
          `--platforms takes slack, discord, telegram or a comma list (slack,telegram), not "${flag}".`,
        );
      while (!platforms) {
        const answer = await context.io.ask(
          "Which platforms will your communities use? slack, discord, telegram, or several (slack,telegram): ",
        );
        if (answer === undefined)
          throw new SetupError(
            "Say which platforms: npm run setup -- --platforms slack,discord,telegram (or fewer).",
          );
        platforms = parsePlatforms(answer);
      }
      context.state.platforms = platforms;
      context.save();
      context.io.say(`✓ platforms: ${platforms.join(", ")}`);
    },
  };
}

/** The asked and optional secrets of a platform the Worker does not have yet, stored at once. */
async function storePlatformSecrets(context: SetupContext, platform: Platform): Promise<string[]> {
  const stored = await storedSecrets(context);
  const missing = ASKED[platform].filter((s) => !stored.has(s.name));
  const values: Record<string, string> = {};
  for (const secret of missing) values[secret.name] = await secretValue(context, secret);
  for (const name of OPTIONAL[platform]) {
    const value = context.env[name];
    if (value && !stored.has(name)) values[name] = value;
  }
  await putSecrets(context, values);
  return Object.keys(values);
}

function enabled(context: SetupContext, platform: Platform): boolean {
  return context.state.platforms?.includes(platform) ?? false;
}

/** Step 3 for Slack: the app comes from the manifest (it needs the URL), then its credentials. */
export const slackStep: Step = {
  name: "slack",
  plan: (state) =>
    !state.platforms
      ? "if you serve Slack: ask for the Slack app's secrets not stored yet"
      : state.platforms.includes("slack")
        ? "ask for the Slack app's secrets not stored yet"
        : "skip (no Slack)",
  async run(context) {
    if (!enabled(context, "slack")) return;
    const stored = await storedSecrets(context);
    if (ASKED.slack.some((s) => !stored.has(s.name))) {
      context.io.say(
        "\nSlack: create the app from the manifest (printed in full at the end, or npm run slack:manifest):",
      );
      context.io.say(
        `  ${slackCreateAppUrl()} → From an app manifest → pick a workspace → paste it → Create`,
      );
    }
    const put = await storePlatformSecrets(context, "slack");
    if (put.includes("SLACK_SIGNING_SECRET"))
      context.io.say(
        "  Slack could not verify the events URL before the signing secret was stored: in your app's Event Subscriptions, press Retry.",
      );
    context.io.say(`✓ Slack secrets${put.length ? ` (stored ${put.join(", ")})` : ""}`);
  },
};

/** Step 3 for Discord: the application's id, public key and bot token. */
export const discordStep: Step = {
  name: "discord",
  plan: (state) =>
    !state.platforms
      ? "if you serve Discord: ask for the Discord application's secrets not stored yet"
      : state.platforms.includes("discord")
        ? "ask for the Discord application's secrets not stored yet"
        : "skip (no Discord)",
  async run(context) {
    if (!enabled(context, "discord")) return;
    const put = await storePlatformSecrets(context, "discord");
    const id = context.values.get("DISCORD_APPLICATION_ID") ?? context.env.DISCORD_APPLICATION_ID;
    if (id) {
      context.state.discordApplicationId = id;
      context.save();
    }
    context.io.say(`✓ Discord secrets${put.length ? ` (stored ${put.join(", ")})` : ""}`);
  },
};

async function commandsFingerprint(): Promise<string> {
  const { discordCommands } = await import("../lib/discord-register.ts");
  return createHash("sha256").update(JSON.stringify(discordCommands())).digest("hex").slice(0, 16);
}

/** Step 4's last part: the `/cop` commands registered with Discord when they changed. */
export const discordCommandsStep: Step = {
  name: "discord-commands",
  plan: (state) =>
    !state.platforms
      ? "if you serve Discord: register the Discord commands if they changed"
      : state.platforms.includes("discord")
        ? "register the Discord commands if they changed"
        : "skip (no Discord)",
  async run(context) {
    if (!enabled(context, "discord")) return;
    const fingerprint = await commandsFingerprint();
    if (context.state.discordCommands === fingerprint)
      return context.io.say("✓ Discord commands (unchanged)");
    const token = await secretValue(context, asked("DISCORD_BOT_TOKEN"));
    const applicationId =
      context.state.discordApplicationId ?? (await secretValue(context, asked("DISCORD_APPLICATION_ID")));
    // In this process, to the API named here: not the registration script, which reads .dev.vars
    // (the local stand-ins) and would cost a second Node and TypeScript start.
    const { registerDiscordCommands } = await import("../lib/discord-register.ts");
    const outcome = await registerDiscordCommands({
      apiUrl: context.env.DISCORD_API_URL ?? DEFAULT_DISCORD_API_URL,
      applicationId,
      token,
    });
    if (!outcome.ok) {
      context.io.say(outcome.said);
      throw new SetupError("Discord did not take the commands (see above).");
    }
    context.io.say(outcome.said);
    context.state.discordCommands = fingerprint;
    context.save();
    context.io.say("✓ Discord commands registered");
  },
};
