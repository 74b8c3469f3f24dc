import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { privateChatCommunitiesQuery } from "../src/adapters/telegram/private-store.ts";
import { createDb, runBatch } from "../src/db/client.ts";
import { formConversationStore } from "../src/features/conversation/store.ts";
import { resetDb } from "./support/db.ts";
import {
  commandUpdate,
  TG_ADMIN,
  TG_GROUP,
  TG_MEMBER,
  TG_OTHER_GROUP,
  telegramEnv,
  telegramRequest,
  tgCalls,
  tgGroup,
  tgStarted,
} from "./support/telegram.ts";
import { isolate, resetStandins } from "./support/worker.ts";

type Answer = {
  method: string;
  chat_id: number;
  text: string;
  reply_markup?: { inline_keyboard: { text: string; url?: string }[][] };
};
const worker = () => isolate({ env: telegramEnv(), sessionCacheMs: 0 });
const answerOf = async (response: Response) => (await response.json()) as Answer;
const PRIVATE = "administrators are always moderators";

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  await tgGroup(TG_GROUP, [TG_ADMIN], [TG_MEMBER]);
  await tgGroup(TG_OTHER_GROUP, [TG_ADMIN], [TG_MEMBER]);
});

describe("Telegram private replies", () => {
  it("a group administrator's private answer reaches their private chat when they started the bot", async () => {
    await tgStarted(TG_ADMIN);
    const response = await worker()(
      telegramRequest(commandUpdate("/copmod moderators list", { from: { id: TG_ADMIN } })),
    );
    expect(await response.text()).toBe("");
    const [dm] = await tgCalls("sendMessage");
    expect(dm?.body.chat_id).toBe(TG_ADMIN);
    expect(String(dm?.body.text)).toContain(PRIVATE);
    expect(await tgCalls("getChatAdministrators")).toHaveLength(1);
  });

  it("403 (never started the bot): the group gets only the open-a-chat deep link, never the private content", async () => {
    const response = await worker()(
      telegramRequest(commandUpdate("/copmod moderators list", { from: { id: TG_ADMIN } })),
    );
    const answer = await answerOf(response);
    expect(answer.method).toBe("sendMessage");
    expect(answer.chat_id).toBe(TG_GROUP);
    expect(answer.text).toContain(`https://t.me/guyub_bot?start=${encodeURIComponent(String(TG_GROUP))}`);
    expect(answer.text).not.toContain(PRIVATE);
    expect(JSON.stringify(answer)).not.toContain("moderator list");
    expect(await tgCalls("sendMessage")).toEqual([]);
  });

  it("the nudge speaks the community's language", async () => {
    const send = worker();
    await tgStarted(TG_ADMIN);
    await send(telegramRequest(commandUpdate("/copmod language id", { from: { id: TG_ADMIN } })));
    const other = 7000099;
    await tgGroup(TG_GROUP, [TG_ADMIN], [TG_MEMBER, other]);
    const answer = await answerOf(
      await send(telegramRequest(commandUpdate("/cop help", { from: { id: other } }))),
    );
    expect(answer.text).toContain("buka obrolan");
  });
});

const choices = async () =>
  (
    await env.DB.prepare(
      "SELECT c.workspace_id FROM private_chat_choices p JOIN communities c ON c.id = p.community_id WHERE p.user_id = ?",
    )
      .bind(String(TG_MEMBER))
      .all()
  ).results;

describe("Telegram private chat", () => {
  const inPrivate = (text: string, user = TG_MEMBER) =>
    commandUpdate(text, { chatId: user, from: { id: user } });

  it("someone guyub never met in a group is told how to start; nothing written", async () => {
    await tgStarted(TG_MEMBER);
    const answer = await answerOf(await worker()(telegramRequest(inPrivate("/cop help"))));
    expect(answer.chat_id).toBe(TG_MEMBER);
    expect(answer.text).toContain("from any group");
    expect(await env.DB.prepare("SELECT count(*) AS n FROM communities").first("n")).toBe(0);
  });

  it("a member of one group: private commands are about that group, answered in the private chat", async () => {
    await tgStarted(TG_MEMBER);
    const send = worker();
    await send(telegramRequest(commandUpdate("/cop help")));
    const answer = await answerOf(await send(telegramRequest(inPrivate("/cop help"))));
    expect(answer.method).toBe("sendMessage");
    expect(answer.chat_id).toBe(TG_MEMBER);
    expect(answer.text).toContain("/cop");
  });

  it("a member of several groups is asked which, with deep-link buttons; /start <group> chooses", async () => {
    await tgStarted(TG_MEMBER);
    const send = worker();
    await send(telegramRequest(commandUpdate("/cop help", { chatId: TG_GROUP })));
    await send(telegramRequest(commandUpdate("/cop help", { chatId: TG_OTHER_GROUP })));
    const ask = await answerOf(await send(telegramRequest(inPrivate("/cop help"))));
    expect(ask.text).toContain("Which one");
    const urls = ask.reply_markup?.inline_keyboard.flat().map((b) => b.url);
    expect(urls).toEqual([
      `https://t.me/guyub_bot?start=${TG_GROUP}`,
      `https://t.me/guyub_bot?start=${TG_OTHER_GROUP}`,
    ]);
    const start = {
      ...inPrivate("/start"),
      message: { ...inPrivate("/start").message, text: `/start ${TG_OTHER_GROUP}` },
    };
    const chosen = await answerOf(await send(telegramRequest(start)));
    expect(chosen.text).toContain("Guru Matematika");
    const after = await answerOf(await send(telegramRequest(inPrivate("/cop help"))));
    expect(after.text).not.toContain("Which one");
    // One choice per person: its own table, never the DM channels; choosing again replaces it.
    expect(await choices()).toEqual([{ workspace_id: String(TG_OTHER_GROUP) }]);
    await send(telegramRequest({ ...start, message: { ...start.message, text: `/start ${TG_GROUP}` } }));
    expect(await choices()).toEqual([{ workspace_id: String(TG_GROUP) }]);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM dm_channels").first("n")).toBe(0);
  });

  it("the choice is in the member's export, and profile forget removes it", async () => {
    await tgStarted(TG_MEMBER);
    const send = worker();
    await send(telegramRequest(commandUpdate("/cop help", { chatId: TG_GROUP })));
    const start = inPrivate("/start");
    await send(telegramRequest({ ...start, message: { ...start.message, text: `/start ${TG_GROUP}` } }));
    expect(await choices()).toHaveLength(1);
    const community = await env.DB.prepare("SELECT id FROM communities").first<{ id: number }>();
    const member = await env.DB.prepare("SELECT id FROM members WHERE platform_user_id = ?")
      .bind(String(TG_MEMBER))
      .first<{ id: number }>();
    const ref = { memberId: member?.id ?? 0, userId: String(TG_MEMBER) };
    const data = formConversationStore.memberData;
    const db = createDb(env.DB);
    const exported = await data?.export(db, community?.id ?? 0, ref);
    expect(exported?.privateChat).toMatchObject({ chosenAt: expect.any(String) });
    await runBatch(env.DB, data?.forget(db, community?.id ?? 0, ref, "forgotten", new Date()) ?? []);
    expect(await choices()).toEqual([]);
  });

  it("/start with a group the person is not in chooses nothing", async () => {
    await tgStarted(TG_MEMBER);
    const send = worker();
    await send(telegramRequest(commandUpdate("/cop help", { chatId: TG_GROUP })));
    await send(
      telegramRequest(commandUpdate("/cop help", { chatId: TG_OTHER_GROUP, from: { id: TG_ADMIN } })),
    );
    const start = inPrivate("/start");
    const answer = await answerOf(
      await send(
        telegramRequest({ ...start, message: { ...start.message, text: `/start ${TG_OTHER_GROUP}` } }),
      ),
    );
    // Their only group is chosen instead; the other group's id changed nothing.
    expect(answer.text).toContain("Guru Matematika");
    const rows = await env.DB.prepare(
      "SELECT c.workspace_id FROM private_chat_choices p JOIN communities c ON c.id = p.community_id WHERE p.user_id = ?",
    )
      .bind(String(TG_MEMBER))
      .all();
    expect(rows.results).toEqual([{ workspace_id: String(TG_GROUP) }]);
  });
});

describe("a person's groups, read on every private command", () => {
  it("start from the person's own memberships (index members_by_user), not from every Telegram group", async () => {
    const q = privateChatCommunitiesQuery(createDb(env.DB), "7000001").compile();
    const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN ${q.sql}`)
      .bind(...q.parameters)
      .all<{ detail: string }>();
    const steps = plan.results.map((r) => r.detail);
    expect(steps[0]).toContain("USING INDEX members_by_user");
    expect(steps.join("\n")).not.toMatch(/SCAN (m|members)\b/);
  });
});
