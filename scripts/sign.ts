/**
 * Sends a properly signed Slack or Discord request to a running guyub and prints the reply.
 *
 *   npm run sign -- slack "/cop help"
 *   npm run sign -- discord "cop language id" --moderator
 *   npm run sign -- slack "/cop moderators add <@U0MEMBER>" --moderator --url http://127.0.0.1:8787
 *   npm run sign -- slack "/cop help" --tamper        # a forged signature: expect 401
 *
 * Options: --user ID, --moderator (a Slack admin in the stand-in / Manage Server on Discord),
 * --url BASE (default http://127.0.0.1:8787), --team/--guild ID, --locale en|id (Discord guild_locale),
 * --tamper (sign, then change the body).
 */
import { sign as edSign, randomUUID } from "node:crypto";
import { signSlackRequest } from "../src/adapters/slack/verify.ts";
import { parseCli } from "./lib/cli.ts";
import { readDevVars } from "./lib/dev-vars.ts";
import { buildDiscordCommand } from "./lib/discord-interaction.ts";

const USAGE =
  'npm run sign -- slack "/cop help" | discord "cop help" [--user ID] [--moderator] [--url BASE] [--team ID] [--guild ID] [--locale id] [--tamper]';

const { values, positionals } = parseCli(
  {
    allowPositionals: true,
    options: {
      user: { type: "string" },
      moderator: { type: "boolean", default: false },
      url: { type: "string", default: "http://127.0.0.1:8787" },
      team: { type: "string", default: "T0GUYUBDEV" },
      guild: { type: "string", default: "200000000000000001" },
      locale: { type: "string", default: "en-US" },
      tamper: { type: "boolean", default: false },
      standins: { type: "string", default: "http://127.0.0.1:8788" },
    },
  },
  USAGE,
);

const [platform, text = ""] = positionals;
const vars = { ...readDevVars(), ...process.env } as Record<string, string | undefined>;
const now = String(Math.floor(Date.now() / 1000));

async function slack(): Promise<Response> {
  const secret = required("SLACK_SIGNING_SECRET");
  const [first = "/cop", ...rest] = text.trim().split(/\s+/);
  const command = first.startsWith("/") ? first : "/cop";
  const commandText = first.startsWith("/") ? rest.join(" ") : text.trim();
  const user = values.user ?? (values.moderator ? "U0MODERATOR" : "U0MEMBER");
  const body = new URLSearchParams({
    token: "unused-verification-token",
    team_id: values.team,
    team_domain: "guyub-dev",
    channel_id: "C0GENERAL",
    channel_name: "general",
    user_id: user,
    user_name: user === "U0MODERATOR" ? "budi" : "ayu",
    command,
    text: commandText,
    api_app_id: "A0GUYUBDEV",
    response_url: `${values.standins}/slack/response/${randomUUID()}`,
    trigger_id: "1.2.3",
  }).toString();
  const signature = await signSlackRequest(secret, now, body);
  return fetch(`${values.url}/slack/commands`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": now,
      "x-slack-signature": signature,
    },
    body: values.tamper ? `${body}&tampered=1` : body,
  });
}

async function discord(): Promise<Response> {
  const privateKey = required("DEV_DISCORD_PRIVATE_KEY");
  const payload = buildDiscordCommand(text, {
    applicationId: vars.DISCORD_APPLICATION_ID ?? "100000000000000001",
    guildId: values.guild,
    guildLocale: values.locale,
    userId: values.user ?? (values.moderator ? "300000000000000002" : "300000000000000001"),
    moderator: values.moderator,
  });
  const body = JSON.stringify(payload);
  const key = { key: Buffer.from(privateKey, "base64"), format: "der", type: "pkcs8" } as const;
  const signature = edSign(null, Buffer.from(now + body), key).toString("hex");
  return fetch(`${values.url}/discord/interactions`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-signature-ed25519": signature,
      "x-signature-timestamp": now,
    },
    body: values.tamper ? body.replace("}", ',"tampered":1}') : body,
  });
}

function required(name: string): string {
  const value = vars[name];
  if (!value) {
    console.error(
      `${name} is missing: run \`npm start\` once (it creates .dev.vars) or set it in the environment.`,
    );
    process.exit(2);
  }
  return value;
}

if (platform !== "slack" && platform !== "discord") {
  console.error(
    'usage: npm run sign -- slack "/cop help" | discord "cop help" [--user ID] [--moderator] [--url BASE] [--tamper]',
  );
  process.exit(2);
}

try {
  const response = await (platform === "slack" ? slack() : discord());
  const raw = await response.text();
  console.log(`HTTP ${response.status}`);
  try {
    console.log(JSON.stringify(JSON.parse(raw), null, 2));
  } catch {
    console.log(raw || "(empty body)");
  }
  process.exitCode = response.ok ? 0 : 1;
} catch (error) {
  console.error(
    `Could not reach guyub at ${values.url}: is \`npm start\` running? (${(error as Error).message})`,
  );
  process.exitCode = 1;
}
