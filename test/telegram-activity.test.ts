import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDb } from "./support/db.ts";
import { seedMembers } from "./support/nudges.ts";
import {
  commandUpdate,
  nextUpdateId,
  TG_ADMIN,
  TG_GROUP,
  TG_MEMBER,
  TG_OTHER_GROUP,
  telegramEnv,
  telegramRequest,
  tgChat,
  tgGroup,
  tgStarted,
  tgUser,
} from "./support/telegram.ts";
import { isolate, outboxQueue, resetStandins } from "./support/worker.ts";

const NOW = new Date("2027-03-01T02:00:00.000Z");
const TODAY = "2027-03-01";
const STRANGER = 7000123;
const worker = () => isolate({ env: telegramEnv(), sessionCacheMs: 0, now: () => NOW });
const BOT = { id: 123456, is_bot: true, first_name: "guyub", username: "guyub_bot" };
let messageId = 50_000;

/** A plain group message (no command), as a member's chat update. */
function said(extra: Record<string, unknown> = {}, chatId = TG_GROUP) {
  messageId += 1;
  return {
    update_id: nextUpdateId(),
    message: {
      message_id: messageId,
      from: tgUser(),
      chat: tgChat(chatId),
      date: 1_765_000_000,
      text: "Selamat pagi, semuanya!",
      ...extra,
    },
  };
}

const member = (userId: number) =>
  env.DB.prepare("SELECT last_active_on, founder, status FROM members WHERE platform_user_id = ?")
    .bind(String(userId))
    .first<{ last_active_on: string | null; founder: number; status: string }>();
const weeks = () => env.DB.prepare("SELECT count(*) AS n FROM member_activity_weeks").first("n");

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
  await tgGroup(TG_GROUP);
  await tgStarted(TG_MEMBER, TG_ADMIN);
  // The bot joins as an administrator: it sees every message.
  await worker()(
    telegramRequest({
      update_id: nextUpdateId(),
      my_chat_member: {
        chat: tgChat(TG_GROUP),
        from: tgUser({ id: TG_ADMIN }),
        date: 1_765_000_000,
        old_chat_member: { status: "left", user: BOT },
        new_chat_member: { status: "administrator", user: BOT },
      },
    }),
  );
  const id = Number(await env.DB.prepare("SELECT id FROM communities").first("id"));
  await seedMembers(id, [{ user: String(TG_MEMBER), lastActiveOn: "2027-01-01" }]);
});

describe("Telegram: group messages are activity", () => {
  it("a member's message marks them active today (and their week), once per update_id", async () => {
    const send = worker();
    const update = said();
    expect((await send(telegramRequest(update))).status).toBe(200);
    expect(await member(TG_MEMBER)).toMatchObject({ last_active_on: TODAY });
    expect(await weeks()).toBe(1);
    // Redelivered: the update's key was used, so nothing is written again (even a reset day stays).
    await env.DB.prepare("UPDATE members SET last_active_on = '2027-01-01'").run();
    await send(telegramRequest(update));
    expect(await member(TG_MEMBER)).toMatchObject({ last_active_on: "2027-01-01" });
  });

  it("a stranger who writes is met as a founder, not welcomed; their later join changes nothing", async () => {
    const send = worker();
    await send(telegramRequest(said({ from: tgUser({ id: STRANGER, first_name: "Rina" }) })));
    expect(await member(STRANGER)).toEqual({ last_active_on: TODAY, founder: 1, status: "active" });
    await send(
      telegramRequest(
        said({ text: undefined, new_chat_members: [tgUser({ id: STRANGER, first_name: "Rina" })] }),
      ),
    );
    expect(await env.DB.prepare("SELECT count(*) AS n FROM outbox").first("n")).toBe(0);
  });

  it("a newcomer whose join guyub saw is no founder", async () => {
    const send = worker();
    await send(telegramRequest(said({ text: undefined, new_chat_members: [tgUser({ id: STRANGER })] })));
    await send(telegramRequest(said({ from: tgUser({ id: STRANGER }) })));
    expect(await member(STRANGER)).toMatchObject({ founder: 0, last_active_on: TODAY });
  });

  it("not activity: bots, the anonymous group sender, commands for another bot, service messages, private chats, other groups", async () => {
    const send = worker();
    await send(telegramRequest(said({ from: { ...BOT, id: 999 } })));
    await send(
      telegramRequest(
        said({
          from: { id: 1087968824, is_bot: true, first_name: "Group", username: "GroupAnonymousBot" },
          sender_chat: tgChat(TG_GROUP),
        }),
      ),
    );
    // A linked channel's post, forwarded into the group by Telegram's own (not-a-bot) account.
    await send(
      telegramRequest(
        said({
          from: { id: 777000, is_bot: false, first_name: "Telegram" },
          sender_chat: { id: -1001111111111, type: "channel", title: "Kabar Guru" },
          is_automatic_forward: true,
        }),
      ),
    );
    await send(telegramRequest(commandUpdate("/cop@other_bot help")));
    await send(telegramRequest(said({ text: undefined, pinned_message: { message_id: 1 } })));
    await send(telegramRequest(said({}, TG_MEMBER)));
    await send(telegramRequest(said({ from: tgUser({ id: STRANGER }) }, TG_OTHER_GROUP)));
    expect(await member(TG_MEMBER)).toMatchObject({ last_active_on: "2027-01-01" });
    expect(await member(999)).toBeNull();
    expect(await member(1087968824)).toBeNull();
    expect(await member(777000)).toBeNull();
    expect(await member(STRANGER)).toBeNull();
    expect(await weeks()).toBe(0);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM communities").first("n")).toBe(1);
  });
});
