import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { changes, makeProject, readWorld, runSetup } from "./support/setup-run.ts";
import {
  BOT_TOKEN,
  BOT_USERNAME,
  type BotApi,
  NEW_BOT_TOKEN,
  startBotApi,
} from "./support/telegram-bot-api.ts";

// npm run setup's Telegram step against a Bot API that answers as Telegram does, and the
// wrangler stand-in: the token is checked before anything is stored, the webhook gets a generated
// secret that is the stored one, the command menus go to their scopes in both languages.
let api: BotApi;
beforeAll(async () => {
  api = await startBotApi();
});
afterAll(() => api.close());
beforeEach(() => {
  api.calls.length = 0;
});

const TELEGRAM = ["--yes", "--platforms", "telegram"];
const envWith = (token: string | undefined) => ({ TELEGRAM_BOT_TOKEN: token, TELEGRAM_API_URL: api.url });
const PUBLIC = "https://guyub.volunteer.workers.dev";
const methods = () => api.calls.map((c) => c.method);

describe("npm run setup for Telegram", () => {
  it("checks the token, stores it with a generated secret, sets the webhook and the menus", async () => {
    const dir = makeProject();
    const run = await runSetup(dir, TELEGRAM, envWith(BOT_TOKEN));
    expect(run.code, run.err + run.out).toBe(0);
    const secrets = readWorld(dir)?.secrets ?? {};
    expect(secrets.TELEGRAM_BOT_TOKEN).toBe(BOT_TOKEN);
    expect(secrets.TELEGRAM_BOT_USERNAME).toBe(BOT_USERNAME);
    expect(secrets.TELEGRAM_WEBHOOK_SECRET).toMatch(/^[0-9a-f]{64}$/);
    // Nobody is asked another platform's secrets.
    expect(Object.keys(secrets).filter((n) => /^(SLACK|DISCORD)_/.test(n))).toEqual([]);

    expect(methods()).toEqual(["getMe", "setWebhook", ...Array(6).fill("setMyCommands")]);
    expect(api.calls.every((c) => c.token === BOT_TOKEN)).toBe(true);
    expect(api.calls[1]?.body).toEqual({
      url: `${PUBLIC}/telegram/webhook`,
      secret_token: secrets.TELEGRAM_WEBHOOK_SECRET,
      allowed_updates: ["message", "edited_message", "callback_query", "my_chat_member", "chat_member"],
    });
    const menus = api.calls.slice(2).map((c) => ({
      scope: (c.body.scope as { type: string }).type,
      language: c.body.language_code ?? "default",
      commands: (c.body.commands as { command: string }[]).map((x) => x.command),
    }));
    expect(menus).toEqual([
      { scope: "all_group_chats", language: "default", commands: ["cop"] },
      { scope: "all_group_chats", language: "id", commands: ["cop"] },
      { scope: "all_private_chats", language: "default", commands: ["cop", "copmod", "cancel"] },
      { scope: "all_private_chats", language: "id", commands: ["cop", "copmod", "cancel"] },
      // Administrators see their scope's list only: /cop stays beside /copmod.
      { scope: "all_chat_administrators", language: "default", commands: ["cop", "copmod"] },
      { scope: "all_chat_administrators", language: "id", commands: ["cop", "copmod"] },
    ]);
    const described = (i: number) =>
      ((api.calls[i]?.body.commands ?? []) as { description: string }[]).map((c) => c.description);
    expect(described(6)).toEqual([
      "guyub keeps your community of practice going",
      "Moderators: set up guyub and run your community's routines",
    ]);
    expect(described(7)).toEqual([
      "guyub menjaga komunitas praktik Anda tetap berjalan",
      "Moderator: atur guyub dan jalankan kegiatan rutin komunitas Anda",
    ]);
    expect(run.out).toContain(`https://t.me/${BOT_USERNAME}?startgroup`);
    expect(run.out).toContain("Privacy mode is on");
    expect(run.out + run.err).not.toContain(BOT_TOKEN);

    // A second run calls Telegram for nothing and stores nothing.
    api.calls.length = 0;
    const before = changes(readWorld(dir) ?? ({ calls: [] } as never)).length;
    const again = await runSetup(dir, TELEGRAM, envWith(BOT_TOKEN));
    expect(again.code, again.err).toBe(0);
    expect(again.out).toContain(`✓ Telegram (unchanged): @${BOT_USERNAME}`);
    expect(methods()).toEqual([]);
    expect(changes(readWorld(dir) ?? ({ calls: [] } as never))).toHaveLength(before);

    // A new token (BotFather's /revoke) given to a later run is checked, stored and used.
    api.calls.length = 0;
    const rotated = await runSetup(dir, TELEGRAM, envWith(NEW_BOT_TOKEN));
    expect(rotated.code, rotated.err).toBe(0);
    expect(readWorld(dir)?.secrets.TELEGRAM_BOT_TOKEN).toBe(NEW_BOT_TOKEN);
    expect(api.calls.every((c) => c.token === NEW_BOT_TOKEN)).toBe(true);
    expect(methods()).toEqual(["getMe", "setWebhook", ...Array(6).fill("setMyCommands")]);
  });

  it("refuses a token Telegram does not know (401) with a clear message, storing nothing", async () => {
    const dir = makeProject();
    const wrong = "1000000001:AAHthisTokenWasRevokedByBotFather_000";
    const run = await runSetup(dir, TELEGRAM, envWith(wrong));
    expect(run.code).toBe(1);
    expect(run.err).toContain("Telegram does not know that TELEGRAM_BOT_TOKEN (401 Unauthorized)");
    expect(run.err).toContain("Nothing was stored");
    expect(methods()).toEqual(["getMe"]);
    const secrets = Object.keys(readWorld(dir)?.secrets ?? {});
    expect(secrets.filter((n) => n.startsWith("TELEGRAM_"))).toEqual([]);
    // Something that is no token at all is refused before Telegram is asked.
    api.calls.length = 0;
    const pasted = await runSetup(dir, TELEGRAM, envWith("guyub_test_bot"));
    expect(pasted.code).toBe(1);
    expect(pasted.out).toContain("That does not look like TELEGRAM_BOT_TOKEN");
    expect(methods()).toEqual([]);
  });

  it("resumes after Telegram failed mid-way: the webhook gets the secret the Worker has", async () => {
    const dir = makeProject();
    api.failNext("setWebhook");
    const first = await runSetup(dir, TELEGRAM, envWith(BOT_TOKEN));
    expect(first.code).toBe(1);
    expect(first.err).toContain("Telegram refused setWebhook (500");
    api.calls.length = 0;
    const second = await runSetup(dir, TELEGRAM, envWith(BOT_TOKEN));
    expect(second.code, second.err).toBe(0);
    expect(methods()).toEqual(["getMe", "setWebhook", ...Array(6).fill("setMyCommands")]);
    const secrets = readWorld(dir)?.secrets ?? {};
    expect(api.calls[1]?.body.secret_token).toBe(secrets.TELEGRAM_WEBHOOK_SECRET);
  });

  it("names Telegram in the plan and takes it in --platforms", async () => {
    const dir = makeProject();
    const dry = await runSetup(dir, ["--dry-run", "--platforms", "slack,telegram"], envWith(BOT_TOKEN));
    expect(dry.out).toMatch(/telegram: ask for the Telegram bot token if not stored/);
    expect(dry.out).toMatch(/discord: skip \(no Discord\)/);
    const bad = await runSetup(dir, ["--yes", "--platforms", "whatsapp"], envWith(BOT_TOKEN));
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("--platforms takes slack, discord, telegram");
    expect(methods()).toEqual([]);
  });
});
