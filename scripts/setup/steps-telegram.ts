import { createHash, randomBytes } from "node:crypto";
import { telegramCommandSets } from "../../src/adapters/telegram/commands.ts";
import { DEFAULT_TELEGRAM_API_URL } from "../../src/api-defaults.ts";
import { SetupError, type Step } from "./context.ts";
import { asked } from "./secrets.ts";
import { putSecrets, secretValue, storedSecrets } from "./secrets-store.ts";
import { ALLOWED_UPDATES, type BotUser, callBotApi } from "./telegram-api.ts";

const fingerprint = (value: unknown) =>
  createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 16);

/** What `setWebhook` was last given, but the secret (a new one goes with every call). */
const webhookOf = (publicUrl: string) => ({
  url: `${publicUrl}/telegram/webhook`,
  allowed_updates: ALLOWED_UPDATES,
});

/**
 * Step 3 and 4 for Telegram: the bot's token from BotFather (checked with `getMe` before anything
 * is stored), a generated webhook secret, `setWebhook` and the command menus. A second run with
 * nothing changed makes no call at all; a run that stopped halfway does the rest.
 */
export const telegramStep: Step = {
  name: "telegram",
  plan: (state) =>
    !state.platforms
      ? "if you serve Telegram: ask for the bot token, set the webhook and the command menus"
      : state.platforms.includes("telegram")
        ? "ask for the Telegram bot token if not stored, set the webhook and the command menus if they changed"
        : "skip (no Telegram)",
  async run(context) {
    if (!context.state.platforms?.includes("telegram")) return;
    const publicUrl = context.state.publicUrl;
    if (!publicUrl) throw new Error("the deploy step comes first");
    const stored = await storedSecrets(context);
    const webhook = fingerprint(webhookOf(publicUrl));
    const commands = fingerprint(telegramCommandSets());
    const names = ["TELEGRAM_BOT_TOKEN", "TELEGRAM_WEBHOOK_SECRET", "TELEGRAM_BOT_USERNAME"];
    const given = context.env.TELEGRAM_BOT_TOKEN?.trim();
    const current =
      names.every((name) => stored.has(name)) &&
      context.state.telegramWebhook === webhook &&
      context.state.telegramCommands === commands &&
      (!given || fingerprint(given) === context.state.telegramToken);
    if (current) return context.io.say(`✓ Telegram (unchanged): @${context.state.telegramBot}`);

    // The token is needed for every call (a stored secret cannot be read back).
    const apiUrl = context.env.TELEGRAM_API_URL ?? DEFAULT_TELEGRAM_API_URL;
    const token = await secretValue(context, asked("TELEGRAM_BOT_TOKEN"));
    const bot = await botOf(apiUrl, token);
    const username = bot.username ?? "";

    // Stored before Telegram is told: until setWebhook answers, Telegram still sends the old secret
    // and the Worker refuses those updates with 401, which Telegram retries, so none is lost.
    const secret = randomBytes(32).toString("hex");
    const values: Record<string, string> = { TELEGRAM_WEBHOOK_SECRET: secret };
    if (!stored.has("TELEGRAM_BOT_TOKEN") || fingerprint(token) !== context.state.telegramToken)
      values.TELEGRAM_BOT_TOKEN = token;
    if (!stored.has("TELEGRAM_BOT_USERNAME") || context.state.telegramBot !== username)
      values.TELEGRAM_BOT_USERNAME = username;
    await putSecrets(context, values);
    context.state.telegramToken = fingerprint(token);
    context.state.telegramBot = username;
    context.state.telegramWebhook = undefined;
    context.save();

    await must(
      callBotApi(apiUrl, token, "setWebhook", { ...webhookOf(publicUrl), secret_token: secret }),
      "setWebhook",
    );
    context.state.telegramWebhook = webhook;
    context.save();
    for (const list of telegramCommandSets())
      await must(callBotApi(apiUrl, token, "setMyCommands", { ...list }), "setMyCommands");
    context.state.telegramCommands = commands;
    context.save();
    context.io.say(
      `✓ Telegram: @${username}, webhook ${webhookOf(publicUrl).url}, commands /cop, /copmod, /cancel (stored ${Object.keys(values).join(", ")})`,
    );
    if (bot.can_read_all_group_messages !== true)
      context.io.say(
        "  Privacy mode is on (the usual): in each group, make the bot an administrator so it sees activity and who joins or leaves.",
      );
  },
};

/** `getMe`: the token is the bot's, or setup stops here with nothing stored. */
async function botOf(apiUrl: string, token: string): Promise<BotUser> {
  const me = await callBotApi<BotUser>(apiUrl, token, "getMe").catch((error: Error) => {
    throw new SetupError(`Could not reach the Telegram Bot API at ${apiUrl}: ${error.message}`);
  });
  if (!me.ok)
    throw new SetupError(
      me.status === 401
        ? "Telegram does not know that TELEGRAM_BOT_TOKEN (401 Unauthorized): copy it again from @BotFather (/mybots → your bot → API Token). Nothing was stored."
        : `Telegram refused getMe (${me.status} ${me.description}). Nothing was stored.`,
    );
  if (!me.result.is_bot || !me.result.username)
    throw new SetupError("That token is not a bot's (getMe named no bot username). Nothing was stored.");
  return me.result;
}

async function must(answer: ReturnType<typeof callBotApi>, method: string): Promise<void> {
  const result = await answer.catch((error: Error) => {
    throw new SetupError(`Could not reach the Telegram Bot API for ${method}: ${error.message}`);
  });
  if (!result.ok)
    throw new SetupError(
      `Telegram refused ${method} (${result.status} ${result.description}); run npm run setup again to retry.`,
    );
}

/** Exported for the finish step's links: where to add the bot to a group. */
export const addToGroupLink = (username: string) => `https://t.me/${username}?startgroup`;
