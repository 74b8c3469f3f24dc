import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDb } from "./support/db.ts";
import { testInteractions } from "./support/interactions.ts";
import { standinsBase } from "./support/standins-url.ts";
import {
  commandUpdate,
  nextUpdateId,
  TG_BOT_TOKEN,
  TG_GROUP,
  TG_MEMBER,
  TG_OTHER_GROUP,
  telegramEnv,
  telegramRequest,
  tgCalls,
  tgChat,
  tgGroup,
  tgStarted,
  tgUser,
} from "./support/telegram.ts";
import { isolate, outboxQueue, resetStandins } from "./support/worker.ts";

const count = async (table: string) =>
  (await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>())?.n ?? 0;
const worker = () => isolate({ env: telegramEnv(), interactions: testInteractions, sessionCacheMs: 0 });
const communityId = async (chatId: number) =>
  (
    await env.DB.prepare("SELECT id FROM communities WHERE workspace_id = ?")
      .bind(String(chatId))
      .first<{ id: number }>()
  )?.id ?? 0;

/** A message the bot posted in `chatId` (through the stand-in, so edits can find it). */
async function botMessage(chatId: number): Promise<number> {
  const response = await fetch(`${standinsBase()}/telegram/bot${TG_BOT_TOKEN}/sendMessage`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ chat_id: chatId, text: "Count?" }),
  });
  return ((await response.json()) as { result: { message_id: number } }).result.message_id;
}

function press(data: string, chatId: number, messageId: number, id = crypto.randomUUID().slice(0, 16)) {
  return {
    update_id: nextUpdateId(),
    callback_query: {
      id,
      from: tgUser(),
      message: { message_id: messageId, chat: tgChat(chatId), date: 1_765_000_000, text: "Count?" },
      data,
    },
  };
}

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
  await tgGroup(TG_GROUP);
  await tgGroup(TG_OTHER_GROUP);
  await tgStarted(TG_MEMBER);
});

describe("Telegram buttons (callback_query)", () => {
  it("a press runs core's action once, edits the message and answers the callback", async () => {
    const send = worker();
    await send(telegramRequest(commandUpdate("/cop help")));
    const messageId = await botMessage(TG_GROUP);
    const data = `test.count:${await communityId(TG_GROUP)}:a`;
    const query = press(data, TG_GROUP, messageId, "cbq-1");
    const answer = (await (await send(telegramRequest(query))).json()) as Record<string, unknown>;
    expect(answer).toEqual({ method: "answerCallbackQuery", callback_query_id: "cbq-1" });
    const [edit] = await tgCalls("editMessageText");
    expect(edit?.body).toMatchObject({ chat_id: TG_GROUP, message_id: messageId, text: "counted a" });
    expect(await count("outbox")).toBe(1);
    // The same callback delivered again changes nothing.
    await send(telegramRequest(query));
    expect(await count("outbox")).toBe(1);
  });

  it("a press on a message of another group than the button's community is refused, nothing changes", async () => {
    const send = worker();
    await send(telegramRequest(commandUpdate("/cop help", { chatId: TG_GROUP })));
    await send(telegramRequest(commandUpdate("/cop help", { chatId: TG_OTHER_GROUP })));
    const messageId = await botMessage(TG_OTHER_GROUP);
    const data = `test.count:${await communityId(TG_GROUP)}:a`;
    const answer = (await (
      await send(telegramRequest(press(data, TG_OTHER_GROUP, messageId)))
    ).json()) as Record<string, unknown>;
    expect(answer.method).toBe("answerCallbackQuery");
    expect(await count("outbox")).toBe(0);
    expect(await tgCalls("editMessageText")).toEqual([]);
    const note = (await tgCalls("sendMessage")).at(-1);
    expect(note?.body.chat_id).toBe(TG_MEMBER);
    expect(String(note?.body.text)).toContain("not available");
  });
});
