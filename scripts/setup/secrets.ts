import { randomBytes } from "node:crypto";
import type { Platform } from "./state.ts";

/** A secret guyub cannot make: the volunteer copies it from the platform's developer site. */
export interface AskedSecret {
  readonly name: string;
  readonly where: string;
  /** Checked before anything is stored: a value pasted into the wrong question fails here. */
  readonly pattern: RegExp;
}

const SLACK_BASIC = "api.slack.com/apps → your app → Basic Information → App Credentials";
const DISCORD_APP = "discord.com/developers/applications → your app";

/** What each platform needs from its developer site, in the order the sites show them. */
export const ASKED: Record<Platform, readonly AskedSecret[]> = {
  slack: [
    { name: "SLACK_SIGNING_SECRET", where: `${SLACK_BASIC} → Signing Secret`, pattern: /^[0-9a-f]{32}$/ },
    { name: "SLACK_CLIENT_ID", where: `${SLACK_BASIC} → Client ID`, pattern: /^\d+\.\d+$/ },
    { name: "SLACK_CLIENT_SECRET", where: `${SLACK_BASIC} → Client Secret`, pattern: /^[0-9a-f]{32}$/ },
  ],
  discord: [
    {
      name: "DISCORD_APPLICATION_ID",
      where: `${DISCORD_APP} → General Information → Application ID`,
      pattern: /^\d{17,20}$/,
    },
    {
      name: "DISCORD_PUBLIC_KEY",
      where: `${DISCORD_APP} → General Information → Public Key`,
      pattern: /^[0-9a-f]{64}$/,
    },
    {
      name: "DISCORD_BOT_TOKEN",
      where: `${DISCORD_APP} → Bot → Reset Token (shown once)`,
      pattern: /^\S{50,}$/,
    },
  ],
  telegram: [
    {
      name: "TELEGRAM_BOT_TOKEN",
      where: "Telegram → @BotFather → /newbot (or /mybots → your bot → API Token)",
      // BotFather's tokens: the bot's numeric id, a colon, 35 letters, digits, _ or -.
      pattern: /^\d{5,15}:[A-Za-z0-9_-]{30,}$/,
    },
  ],
};

/**
 * Optional secrets taken from the environment when set, never asked: a single Slack workspace
 * can run on its bot token instead of OAuth installs.
 */
export const OPTIONAL: Record<Platform, readonly string[]> = {
  slack: ["SLACK_BOT_TOKEN", "SLACK_ALLOWED_TEAMS"],
  discord: [],
  telegram: [],
};

/** Secrets guyub makes itself. Never regenerated once stored: stored tokens are encrypted with it. */
export const GENERATED: Record<string, () => string> = {
  TOKEN_ENCRYPTION_KEY: () => randomBytes(32).toString("base64"),
};

/** The names `wrangler secret list --format json` reports. */
export function secretNames(stdout: string): Set<string> {
  const list = JSON.parse(stdout.slice(Math.max(0, stdout.indexOf("[")))) as Array<{ name: string }>;
  return new Set(list.map((s) => s.name));
}

/** One asked secret by name (a typo in the name is a programming error). */
export function asked(name: string): AskedSecret {
  const secret = Object.values(ASKED)
    .flat()
    .find((s) => s.name === name);
  if (!secret) throw new Error(`no asked secret ${name}`);
  return secret;
}
