import { beforeEach, describe, expect, it } from "vitest";
import {
  TELEGRAM_GROUP_ID,
  TELEGRAM_MEMBER_ID,
  TELEGRAM_MODERATOR_ID,
  telegramCommandUpdate,
  telegramStandinHint,
} from "../scripts/lib/telegram-update.ts";
import { createTelegramClient } from "../src/adapters/telegram/client.ts";
import { telegramCommandSets } from "../src/adapters/telegram/commands.ts";
import { resetDb } from "./support/db.ts";
import { standinsBase } from "./support/standins-url.ts";
import {
  TG_BOT_TOKEN,
  TG_SECRET,
  telegramEnv,
  telegramRequest,
  tgCalls,
  tgGroup,
  tgStarted,
} from "./support/telegram.ts";
import { isolate, resetStandins } from "./support/worker.ts";

const options = {
  chatId: TELEGRAM_GROUP_ID,
  userId: TELEGRAM_MEMBER_ID,
  languageCode: "en",
  updateId: 424242,
};

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  await tgGroup(TELEGRAM_GROUP_ID, [], [TELEGRAM_MEMBER_ID]);
  await tgStarted(TELEGRAM_MEMBER_ID);
});

describe("npm run sign -- telegram", () => {
  it("builds the Update Telegram sends: a bot_command entity at offset 0 over the command word", () => {
    const update = telegramCommandUpdate("/cop@guyub_bot meeting next", options) as {
      message: { text: string; entities: unknown[] };
    };
    expect(update.message.text).toBe("/cop@guyub_bot meeting next");
    expect(update.message.entities).toEqual([
      { type: "bot_command", offset: 0, length: "/cop@guyub_bot".length },
    ]);
    const bare = telegramCommandUpdate("help", options) as { message: { text: string } };
    expect(bare.message.text).toBe("/cop help");
  });

  it("its update is accepted with the secret, and refused with a tampered one", async () => {
    const send = isolate({ env: telegramEnv() });
    const update = telegramCommandUpdate("/cop help", options);
    expect((await send(telegramRequest(update, TG_SECRET))).status).toBe(200);
    expect(await tgCalls("sendMessage")).toHaveLength(1);
    expect((await send(telegramRequest(update, `${TG_SECRET}-tampered`))).status).toBe(401);
  });
});

describe("what the CLI tells the local stand-in (what Telegram itself knows)", () => {
  it("a group it has not seen, with the moderator as administrator; a private chat's Start; nothing twice", () => {
    const group = telegramStandinHint({ groups: {}, started: [] }, TELEGRAM_GROUP_ID, TELEGRAM_MEMBER_ID);
    expect(group).toEqual({
      path: "groups",
      body: {
        chatId: String(TELEGRAM_GROUP_ID),
        title: "Local group",
        admins: [String(TELEGRAM_MODERATOR_ID)],
        members: [String(TELEGRAM_MEMBER_ID)],
      },
    });
    const known = { groups: { [String(TELEGRAM_GROUP_ID)]: { admins: ["7000002"], members: ["7000001"] } } };
    expect(telegramStandinHint(known, TELEGRAM_GROUP_ID, TELEGRAM_MEMBER_ID)).toBeNull();
    expect(telegramStandinHint(known, TELEGRAM_GROUP_ID, 7000009)?.body.members).toEqual([
      "7000001",
      "7000009",
    ]);
    expect(telegramStandinHint({ started: [] }, TELEGRAM_MEMBER_ID, TELEGRAM_MEMBER_ID)).toEqual({
      path: "started",
      body: { userIds: [String(TELEGRAM_MEMBER_ID)] },
    });
    expect(telegramStandinHint({ started: ["7000001"] }, TELEGRAM_MEMBER_ID, TELEGRAM_MEMBER_ID)).toBeNull();
  });
});

describe("Telegram's command menus (setMyCommands)", () => {
  it("the menus setup registers (/cop for groups, /cop + /copmod for administrators and private chats) are accepted by the stand-in, in English and Indonesian", async () => {
    const client = createTelegramClient(`${standinsBase()}/telegram`, TG_BOT_TOKEN);
    for (const set of telegramCommandSets()) await client.call("setMyCommands", { ...set });
    const calls = await tgCalls("setMyCommands");
    expect(calls).toHaveLength(6);
    const groups = calls.find(
      (c) => JSON.stringify(c.body.scope) === '{"type":"all_group_chats"}' && !c.body.language_code,
    );
    expect(groups?.body.commands).toEqual([expect.objectContaining({ command: "cop" })]);
    const admins = calls.find(
      (c) =>
        JSON.stringify(c.body.scope) === '{"type":"all_chat_administrators"}' &&
        c.body.language_code === "id",
    );
    expect(admins?.body.commands).toEqual([
      { command: "cop", description: "guyub menjaga komunitas praktik Anda tetap berjalan" },
      { command: "copmod", description: "Moderator: atur guyub dan jalankan kegiatan rutin komunitas Anda" },
    ]);
  });
});
