import { beforeEach, describe, expect, it } from "vitest";
import {
  TELEGRAM_GROUP_ID,
  TELEGRAM_MEMBER_ID,
  telegramCommandUpdate,
} from "../scripts/lib/telegram-update.ts";
import { resetDb } from "./support/db.ts";
import { TG_SECRET, telegramEnv, telegramRequest, tgCalls, tgGroup, tgStarted } from "./support/telegram.ts";
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
