/**
 * Sends a properly signed Slack or Discord request to a running guyub and prints the reply.
 *
 *   npm run sign -- slack "/cop help"
 *   npm run sign -- discord "copmod language id" --moderator     # data.name "copmod", its registered id
 *   npm run sign -- discord "copmod moderators add @ayu" --moderator
 *   npm run sign -- slack "/copmod moderators add <@U0MEMBER>" --moderator --url http://127.0.0.1:8787
 *   npm run sign -- slack "/copmod meeting link https://meet.example/cop" --moderator   # sent as <https://…>
 *   npm run sign -- discord "cop kudos @budi for the rubric"    # with data.resolved, as Discord sends it
 *   npm run sign -- slack "/cop help" --tamper        # a forged signature: expect 401
 *   npm run sign -- discord-install --guild 200000000000000009 --locale id   # a server adds guyub
 *   npm run sign -- slack-report "you know nothing" --author U0BUDI    # the message shortcut
 *   npm run sign -- discord-report "you know nothing" --author 300000000000000002 [--bot]
 *   npm run sign -- telegram "/cop help"                     # an Update to /telegram/webhook
 *   npm run sign -- telegram "/copmod moderators list" --moderator --tamper   # wrong secret: 401
 *
 * The options are described in USAGE below.
 */
import { sign as edSign } from "node:crypto";
import { signSlackRequest } from "../src/adapters/slack/verify.ts";
import { MODERATOR_ROOT } from "../src/core/commands/roots.ts";
import { parseCli } from "./lib/cli.ts";
import { readDevVars } from "./lib/dev-vars.ts";
import { registeredCommandIds } from "./lib/discord-command-ids.ts";
import { discordInstallEvent } from "./lib/discord-install-event.ts";
import { buildDiscordCommand } from "./lib/discord-interaction.ts";
import { CommandLineError, DISCORD_MEMBER_ID, DISCORD_MODERATOR_ID } from "./lib/discord-options.ts";
import { discordMessageCommand, type ReportedMessage, slackMessageShortcut } from "./lib/message-report.ts";
import { slackCommandForm, slackSlashCommand } from "./lib/slack-command.ts";
import {
  TELEGRAM_GROUP_ID,
  TELEGRAM_MEMBER_ID,
  TELEGRAM_MODERATOR_ID,
  type TelegramStandinWorld,
  telegramCommandUpdate,
  telegramStandinHint,
} from "./lib/telegram-update.ts";
import { SEEDED_USERS } from "./standins/slack-data.ts";

const USAGE = `npm run sign -- slack "/cop help" | discord "cop help" | telegram "/cop help" | discord-install
  | slack-report "<message text>" | discord-report "<message text>" [options]
  e.g. slack "/copmod meeting schedule weekly tue 19:00" --moderator,
       discord "copmod meeting schedule weekly tue 19:00" --moderator
  --user ID      speak as this user (default: a member; with --moderator, the moderator below)
  --moderator    Slack: the stand-in's admin U0MODERATOR; with --user, that user is put on
                 guyub's moderator list first (by U0MODERATOR), as the stand-in's only admins
                 are U0MODERATOR and U0OWNER. Discord: the speaker has Manage Server.
  --team ID / --guild ID, --locale id (Discord guild_locale), --url BASE (default
  http://127.0.0.1:8787), --tamper (sign, then change the body: expect 401)
A line starts with its command: /cop for members, /copmod for moderators' commands (a line with
neither is /cop's words). Slack lines are typed as in Slack and sent as Slack sends them with
escaping on: links as <https://…>, @ayu/@budi/@citra as <@U…|name>, #general as
<#C0GENERAL|general>, @channel as <!channel>, & < > as entities; Slack's own forms (<@U0MEMBER>)
pass as they are.
Discord lines are the Slack words ("copmod moderators add @ayu"), sent as the application command
they name (data.name cop or copmod, with the id registration gave it: asked from DISCORD_API_URL,
else a fixed one); options may also be named ("member:@ayu"). A member is <@id> or @name: @ayu and
@budi are the CLI's own member and moderator (300000000000000001 and …002); any other @name is a
made-up id derived from the name, the same every time.
discord-install sends the webhook event APPLICATION_AUTHORIZED to /discord/events, signed like an
interaction, as Discord does when a server adds guyub: --guild is the server, --name its name
(default "Local server"), --locale its preferred_locale.
slack-report / discord-report: "Report to moderators" used on a message with that text (the Slack
message shortcut, the Discord message command), as each platform sends it: --author ID (the
message's author), --bot (a bot wrote it), --channel ID, --message ID (Slack ts or Discord id).
The answer is the reason form (Slack: opened with views.open on the stand-in; Discord: a modal).
telegram: the line as typed in a group ("/cop help", "/cop@guyub_bot help", "/copmod …"), sent as
Telegram's Update to /telegram/webhook with the X-Telegram-Bot-Api-Secret-Token header
(TELEGRAM_WEBHOOK_SECRET) and a fresh update_id; --chat ID (default the group ${TELEGRAM_GROUP_ID};
a positive id is the user's private chat), --user ID (default ${TELEGRAM_MEMBER_ID}; --moderator
${TELEGRAM_MODERATOR_ID}), --locale id (the user's language_code), --tamper (a wrong secret: 401).`;

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
      name: { type: "string", default: "Local server" },
      standins: { type: "string", default: "http://127.0.0.1:8788" },
      author: { type: "string" },
      bot: { type: "boolean", default: false },
      channel: { type: "string" },
      message: { type: "string" },
      chat: { type: "string" },
    },
  },
  USAGE,
);

const [platform, text = ""] = positionals;
const vars = { ...readDevVars(), ...process.env } as Record<string, string | undefined>;
const now = String(Math.floor(Date.now() / 1000));

const SLACK_ADMIN = "U0MODERATOR";

async function slack(): Promise<Response> {
  const { command, text: commandText } = slackSlashCommand(text);
  const user = values.user ?? (values.moderator ? SLACK_ADMIN : "U0MEMBER");
  if (values.moderator && !SEEDED_USERS[user]?.isAdmin) {
    // Slack has no per-request admin flag: the worker asks the stand-in's users.info, which knows
    // only its seeded admins. Any other user moderates the way it would in a real workspace.
    const moderators = `/${MODERATOR_ROOT}`;
    const added = await slackCommand(moderators, `moderators add <@${user}>`, SLACK_ADMIN, false);
    console.error(`(${user} put on the moderator list by ${SLACK_ADMIN} first: HTTP ${added.status})`);
    if (!added.ok) return added;
  }
  return slackCommand(command, commandText, user, values.tamper);
}

async function slackCommand(command: string, commandText: string, user: string, tamper: boolean) {
  const secret = required("SLACK_SIGNING_SECRET");
  // As a workspace with escaping on sends it: <https://…>, <@U0MEMBER|ayu>, &amp; (lib/slack-text.ts).
  const body = slackCommandForm(commandText, {
    team: values.team,
    user,
    command,
    standinsUrl: values.standins,
  });
  const signature = await signSlackRequest(secret, now, body);
  return fetch(`${values.url}/slack/commands`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": now,
      "x-slack-signature": signature,
    },
    body: tamper ? `${body}&tampered=1` : body,
  });
}

async function discord(): Promise<Response> {
  const applicationId = vars.DISCORD_APPLICATION_ID ?? "100000000000000001";
  const payload = buildDiscordCommand(text, {
    applicationId,
    commandIds: await registeredCommandIds({
      apiUrl: vars.DISCORD_API_URL ?? `${values.standins}/discord/api/v10`,
      applicationId,
      botToken: vars.DISCORD_BOT_TOKEN ?? "",
      guildId: values.guild,
    }),
    guildId: values.guild,
    guildLocale: values.locale,
    userId: values.user ?? (values.moderator ? DISCORD_MODERATOR_ID : DISCORD_MEMBER_ID),
    moderator: values.moderator,
  });
  return postSignedDiscord("/discord/interactions", JSON.stringify(payload));
}

/** Signs a Discord body as Discord does (Ed25519 over timestamp + body) and posts it to `path`. */
function postSignedDiscord(path: string, body: string): Promise<Response> {
  const privateKey = required("DEV_DISCORD_PRIVATE_KEY");
  const key = { key: Buffer.from(privateKey, "base64"), format: "der", type: "pkcs8" } as const;
  const signature = edSign(null, Buffer.from(now + body), key).toString("hex");
  return fetch(`${values.url}${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-signature-ed25519": signature,
      "x-signature-timestamp": now,
    },
    body: values.tamper ? body.replace("}", ',"tampered":1}') : body,
  });
}

/** The message reported by `slack-report` / `discord-report`, with each platform's default ids. */
function reported(slackIds: boolean): ReportedMessage {
  return {
    text,
    authorId: values.author ?? (slackIds ? "U0BUDI" : DISCORD_MODERATOR_ID),
    bot: values.bot,
    channelId: values.channel ?? (slackIds ? "C0GENERAL" : "600000000000000001"),
    messageId:
      values.message ?? (slackIds ? `${now}.000100` : String(BigInt(now) * 1000n + 700000000000000000n)),
    reporterId: values.user ?? (slackIds ? "U0MEMBER" : DISCORD_MEMBER_ID),
  };
}

/** The Slack message shortcut, signed as Slack signs the interactivity request. */
async function slackReport(): Promise<Response> {
  const payload = slackMessageShortcut(reported(true), {
    team: values.team,
    domain: "guyub-dev",
    responseUrl: `${values.standins}/slack/response/${crypto.randomUUID()}`,
  });
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const signature = await signSlackRequest(required("SLACK_SIGNING_SECRET"), now, body);
  return fetch(`${values.url}/slack/interactions`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": now,
      "x-slack-signature": signature,
    },
    body: values.tamper ? `${body}&tampered=1` : body,
  });
}

/** The Discord message command, signed as Discord signs an interaction. */
function discordReport(): Promise<Response> {
  const payload = discordMessageCommand(reported(false), {
    id: String(BigInt(now) * 1000n + 400000000000000000n),
    applicationId: vars.DISCORD_APPLICATION_ID ?? "100000000000000001",
    guildId: values.guild,
    commandId: "500000000000000003",
    locale: values.locale,
  });
  return postSignedDiscord("/discord/interactions", JSON.stringify(payload));
}

/** A server adds guyub: the webhook event Discord sends (Webhook Events, type 1). */
function discordInstall(): Promise<Response> {
  const userId = values.user ?? DISCORD_MODERATOR_ID;
  const body = JSON.stringify(
    discordInstallEvent({
      applicationId: vars.DISCORD_APPLICATION_ID ?? "100000000000000001",
      guildId: values.guild,
      name: values.name,
      locale: values.locale,
      userId,
      at: new Date(),
    }),
  );
  return postSignedDiscord("/discord/events", body);
}

/** A command typed in a Telegram group, as Telegram's webhook delivers it. */
async function telegram(): Promise<Response> {
  const userId = Number(values.user ?? (values.moderator ? TELEGRAM_MODERATOR_ID : TELEGRAM_MEMBER_ID));
  const update = telegramCommandUpdate(text, {
    chatId: Number(values.chat ?? TELEGRAM_GROUP_ID),
    userId,
    languageCode: values.locale.slice(0, 2),
    updateId: Date.now() % 2_000_000_000,
  });
  const secret = required("TELEGRAM_WEBHOOK_SECRET");
  await tellTelegramStandin(Number(values.chat ?? TELEGRAM_GROUP_ID), userId);
  return fetch(`${values.url}/telegram/webhook`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-telegram-bot-api-secret-token": values.tamper ? `${secret}-tampered` : secret,
    },
    body: JSON.stringify(update),
  });
}

/** Tells the local stand-in what Telegram knows (see `telegramStandinHint`); no stand-in, nothing. */
async function tellTelegramStandin(chatId: number, userId: number): Promise<void> {
  const world = await fetch(`${values.standins}/__telegram/world`).catch(() => null);
  if (!world?.ok) return;
  const hint = telegramStandinHint((await world.json()) as TelegramStandinWorld, chatId, userId);
  if (!hint) return;
  await fetch(`${values.standins}/__telegram/${hint.path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(hint.body),
  }).catch(() => undefined);
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

const SENDERS: Record<string, () => Promise<Response>> = {
  slack,
  discord,
  telegram,
  "discord-install": discordInstall,
  "slack-report": slackReport,
  "discord-report": discordReport,
};

if (!platform || !SENDERS[platform]) {
  console.error(`usage: ${USAGE}`);
  process.exit(2);
}

try {
  const send = SENDERS[platform] as () => Promise<Response>;
  const response = await send().catch((error: unknown) => {
    if (!(error instanceof CommandLineError)) throw error;
    console.error(`${error.message}\nusage: ${USAGE}`);
    process.exit(2);
  });
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
