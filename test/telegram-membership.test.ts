import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDb } from "./support/db.ts";
import {
  commandUpdate,
  nextUpdateId,
  TG_ADMIN,
  TG_GROUP,
  TG_MEMBER,
  telegramEnv,
  telegramRequest,
  tgChat,
  tgGroup,
  tgStarted,
  tgUser,
} from "./support/telegram.ts";
import { isolate, outboxQueue, resetStandins } from "./support/worker.ts";

const worker = () => isolate({ env: telegramEnv(), sessionCacheMs: 0 });
const community = () =>
  env.DB.prepare(
    "SELECT id, workspace_id, deactivated_at FROM communities WHERE platform = 'telegram'",
  ).first<{
    id: number;
    workspace_id: string;
    deactivated_at: string | null;
  }>();
const member = (userId: number) =>
  env.DB.prepare("SELECT status FROM members WHERE platform_user_id = ?")
    .bind(String(userId))
    .first("status");
const BOT = { id: 123456, is_bot: true, first_name: "guyub", username: "guyub_bot" };

function botStatus(status: string, before = "left") {
  return {
    update_id: nextUpdateId(),
    my_chat_member: {
      chat: tgChat(TG_GROUP),
      from: tgUser({ id: TG_ADMIN, language_code: "id" }),
      date: 1_765_000_000,
      old_chat_member: { status: before, user: BOT },
      new_chat_member: { status, user: BOT },
    },
  };
}

function service(extra: Record<string, unknown>, chatId = TG_GROUP) {
  return {
    update_id: nextUpdateId(),
    message: {
      message_id: Math.floor(Math.random() * 1e6),
      from: tgUser({ id: TG_ADMIN }),
      chat: tgChat(chatId),
      date: 1_765_000_000,
      ...extra,
    },
  };
}

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
  await tgGroup(TG_GROUP);
  await tgStarted(TG_MEMBER, TG_ADMIN);
});

describe("Telegram: the bot added to and removed from a group", () => {
  it("added: the group becomes a community, in the adder's language", async () => {
    expect((await worker()(telegramRequest(botStatus("member")))).status).toBe(200);
    const row = await env.DB.prepare("SELECT workspace_id, locale, name FROM communities").first();
    expect(row).toEqual({ workspace_id: String(TG_GROUP), locale: "id", name: "Guru Matematika" });
  });

  it("added: the group is the community's main channel (a group has no channels), a choice already made stays", async () => {
    const send = worker();
    await send(telegramRequest(botStatus("administrator")));
    const main = () => env.DB.prepare("SELECT main_channel_id FROM communities").first("main_channel_id");
    expect(await main()).toBe(String(TG_GROUP));
    await env.DB.prepare("UPDATE communities SET main_channel_id = 'elsewhere'").run();
    await send(telegramRequest(botStatus("kicked", "administrator")));
    await send(telegramRequest(botStatus("administrator", "left")));
    expect(await main()).toBe("elsewhere");
  });

  it("removed: the community is deactivated as an uninstall; added again: it comes back", async () => {
    const send = worker();
    await send(telegramRequest(botStatus("administrator")));
    await send(telegramRequest(botStatus("kicked", "administrator")));
    expect((await community())?.deactivated_at).not.toBeNull();
    await send(telegramRequest(botStatus("member", "left")));
    expect((await community())?.deactivated_at).toBeNull();
  });

  it("removed from a group guyub never knew: nothing written", async () => {
    await worker()(telegramRequest(botStatus("left", "member")));
    expect(await community()).toBeNull();
  });
});

describe("Telegram joins and leaves", () => {
  it("new_chat_members joins (and welcomes) a person; bots are not members; left_chat_member makes them alumni", async () => {
    const send = worker();
    await send(telegramRequest(botStatus("administrator")));
    const newcomer = 7000555;
    await send(
      telegramRequest(
        service({ new_chat_members: [tgUser({ id: newcomer, first_name: "Budi" }), { ...BOT, id: 999 }] }),
      ),
    );
    expect(await member(newcomer)).toBe("active");
    expect(await member(999)).toBeNull();
    await send(telegramRequest(service({ left_chat_member: tgUser({ id: newcomer }) })));
    expect(await member(newcomer)).toBe("alumni");
  });

  it("chat_member (the bot is an administrator) records a join once, however often it is delivered", async () => {
    const send = worker();
    await send(telegramRequest(botStatus("administrator")));
    const update = {
      update_id: nextUpdateId(),
      chat_member: {
        chat: tgChat(TG_GROUP),
        from: tgUser({ id: 7000777 }),
        date: 1_765_000_100,
        old_chat_member: { status: "left", user: tgUser({ id: 7000777 }) },
        new_chat_member: { status: "member", user: tgUser({ id: 7000777 }) },
      },
    };
    await send(telegramRequest(update));
    await send(telegramRequest(update));
    expect(await member(7000777)).toBe("active");
    const welcomes = await env.DB.prepare("SELECT count(*) AS n FROM outbox WHERE kind = 'dm'").first("n");
    expect(Number(welcomes)).toBeLessThanOrEqual(1);
  });
});

describe("Telegram: a group upgraded to a supergroup", () => {
  it("migrate_to_chat_id: the community (and its members) follow the new chat id", async () => {
    const send = worker();
    const oldId = -4001;
    const newId = -1004001;
    await tgGroup(oldId);
    await send(telegramRequest(commandUpdate("/cop help", { chatId: oldId })));
    const before = await community();
    // The group was its own main channel: it still is, under the new id.
    await env.DB.prepare("UPDATE communities SET main_channel_id = ?").bind(String(oldId)).run();
    await send(telegramRequest(service({ migrate_to_chat_id: newId }, oldId)));
    const after = await community();
    expect(after?.id).toBe(before?.id);
    expect(after?.workspace_id).toBe(String(newId));
    expect(await env.DB.prepare("SELECT main_channel_id FROM communities").first("main_channel_id")).toBe(
      String(newId),
    );
    // The twin notice in the new supergroup changes nothing.
    await send(telegramRequest(service({ migrate_from_chat_id: oldId }, newId)));
    expect((await community())?.workspace_id).toBe(String(newId));
    expect(await member(TG_MEMBER)).toBe("active");
  });
});
