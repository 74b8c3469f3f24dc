import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { defineCommand } from "../src/core/commands/define.ts";
import { registry as defaultRegistry, GROUP_SUMMARIES } from "../src/core/commands/index.ts";
import { createRegistry } from "../src/core/commands/registry.ts";
import { ephemeral } from "../src/core/message.ts";
import { NO_ROWS, resetDb, rowCounts } from "./support/db.ts";
import {
  commandUpdate,
  TG_BOT,
  TG_GROUP,
  TG_MEMBER,
  telegramEnv,
  telegramRequest,
  tgCalls,
  tgGroup,
  tgStarted,
} from "./support/telegram.ts";
import { isolate, outboxQueue, resetStandins } from "./support/worker.ts";

const count = async (table: string) =>
  (await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>())?.n ?? 0;
const worker = (options: Parameters<typeof isolate>[0] = {}) => isolate({ ...options, env: telegramEnv() });

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
  await tgGroup(TG_GROUP);
  await tgStarted(TG_MEMBER);
});

describe("Telegram webhook: the secret token", () => {
  for (const [name, secret] of [
    ["missing", null],
    ["wrong", "not-the-secret"],
    ["a prefix of the real one", "test-telegram"],
  ] as const) {
    it(`a ${name} X-Telegram-Bot-Api-Secret-Token is refused with 401, the body never parsed`, async () => {
      const response = await worker()(telegramRequest(null, secret, "{ not json"));
      expect(response.status).toBe(401);
      expect(await rowCounts()).toEqual(NO_ROWS);
      expect(await tgCalls()).toEqual([]);
    });
  }

  it("the right secret with a body that is not an update is a 400, nothing written", async () => {
    const response = await worker()(telegramRequest(null, undefined, JSON.stringify({ hello: 1 })));
    expect(response.status).toBe(400);
    expect(await rowCounts()).toEqual(NO_ROWS);
  });

  it("an oversized update is refused before it is read", async () => {
    const big = JSON.stringify(commandUpdate(`/cop help ${"x".repeat(70_000)}`));
    const response = await worker()(telegramRequest(null, undefined, big));
    expect(response.status).toBe(413);
    expect(await rowCounts()).toEqual(NO_ROWS);
  });
});

describe("Telegram commands in a group", () => {
  it("`/cop help` in a group registers the group; the (private) help goes to the member's private chat", async () => {
    const response = await worker()(telegramRequest(commandUpdate("/cop help")));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
    const sent = await tgCalls("sendMessage");
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body).toMatchObject({ chat_id: TG_MEMBER, parse_mode: "HTML" });
    expect(String(sent[0]?.body.text)).toContain("/cop");
    const community = await env.DB.prepare("SELECT platform, workspace_id, name FROM communities").first();
    expect(community).toEqual({
      platform: "telegram",
      workspace_id: String(TG_GROUP),
      name: "Guru Matematika",
    });
  });

  it("`/cop@guyub_bot help` is ours", async () => {
    await worker()(telegramRequest(commandUpdate(`/cop@${TG_BOT} help`)));
    expect(await tgCalls("sendMessage")).toHaveLength(1);
    expect(await count("communities")).toBe(1);
  });

  it("without TELEGRAM_BOT_USERNAME the bot's username is asked once (getMe)", async () => {
    const send = isolate({ env: telegramEnv({ TELEGRAM_BOT_USERNAME: "" }) });
    await send(telegramRequest(commandUpdate(`/cop@${TG_BOT} help`)));
    await send(telegramRequest(commandUpdate("/cop@other_bot help")));
    expect(await tgCalls("sendMessage")).toHaveLength(1);
    expect((await tgCalls("getMe")).length).toBeLessThanOrEqual(1);
  });

  it("`/cop@other_bot help` is another bot's: nothing answered, nothing written", async () => {
    const response = await worker()(telegramRequest(commandUpdate("/cop@other_bot help")));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
    expect(await rowCounts()).toEqual(NO_ROWS);
  });

  it("an edited command is ignored: nothing answered, nothing written", async () => {
    const { message, update_id } = commandUpdate("/cop help");
    const response = await worker()(
      telegramRequest({ update_id, edited_message: { ...message, edit_date: 1_765_000_100 } }),
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
    expect(await rowCounts()).toEqual(NO_ROWS);
  });

  it("a forwarded command is ignored: someone else typed it", async () => {
    const update = commandUpdate("/cop help", { extra: { forward_origin: { type: "user", date: 1 } } });
    const response = await worker()(telegramRequest(update));
    expect(await response.text()).toBe("");
    expect(await rowCounts()).toEqual(NO_ROWS);
  });

  it("an anonymous administrator (writing as the group) is asked to write as themselves; nothing stored", async () => {
    const update = commandUpdate("/copmod moderators list", {
      extra: {
        sender_chat: { id: TG_GROUP, type: "supergroup", title: "Guru Matematika" },
        from: { id: 1087968824, is_bot: true, first_name: "Group" },
      },
    });
    const answer = (await (await worker()(telegramRequest(update))).json()) as { text: string };
    expect(answer.text).toContain("as yourself");
    expect(await rowCounts()).toEqual(NO_ROWS);
  });
});

describe("Telegram: a replayed update_id changes nothing twice", () => {
  const tally = defineCommand({
    path: ["tally"],
    summary: "cmd.help",
    options: {},
    moderator: false,
    example: {},
    handle: () => ({
      message: ephemeral({ type: "text", text: "counted" }),
      effects: [
        {
          type: "outbox.send",
          draft: {
            kind: "post",
            key: `tally:${crypto.randomUUID()}`,
            channelId: String(TG_GROUP),
            message: ephemeral({ type: "text", text: "+1" }),
          },
        },
      ],
    }),
  });
  const registry = createRegistry([...defaultRegistry.commands, tally], GROUP_SUMMARIES);

  it("the same update delivered twice has one effect", async () => {
    const send = worker({ registry });
    const update = commandUpdate("/cop tally");
    expect((await send(telegramRequest(update))).status).toBe(200);
    expect((await send(telegramRequest(update))).status).toBe(200);
    expect(await count("outbox")).toBe(1);
    expect(outboxQueue.take()).toHaveLength(1);
  });

  it("update_id is a key, not an order: a lower id after a higher one is still acted on", async () => {
    const send = worker({ registry });
    await send(telegramRequest(commandUpdate("/cop tally", { updateId: 900_000 })));
    await send(telegramRequest(commandUpdate("/cop tally", { updateId: 5 })));
    expect(await count("outbox")).toBe(2);
  });
});
