import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { jobDepsAt } from "../src/compose.ts";
import { sendNudges } from "../src/features/nudges/jobs.ts";
import { resetDb } from "./support/db.ts";
import { seedMembers } from "./support/nudges.ts";
import {
  commandUpdate,
  nextUpdateId,
  TG_ADMIN,
  TG_GROUP,
  TG_MEMBER,
  telegramEnv,
  telegramRequest,
  tgCalls,
  tgChat,
  tgGroup,
  tgStarted,
  tgUser,
} from "./support/telegram.ts";
import { isolate, outboxQueue, resetStandins, testEnv } from "./support/worker.ts";

const NOW = new Date("2027-03-01T02:00:00.000Z");
const worker = () => isolate({ env: telegramEnv(), sessionCacheMs: 0, now: () => NOW });
const BOT = { id: 123456, is_bot: true, first_name: "guyub", username: "guyub_bot" };
const SUPERGROUP = -1005555555555;

/** The bot's own standing in the group changed (`my_chat_member`). */
function botStatus(status: string, before: string, chatId = TG_GROUP) {
  return {
    update_id: nextUpdateId(),
    my_chat_member: {
      chat: tgChat(chatId),
      from: tgUser({ id: TG_ADMIN }),
      date: 1_765_000_000,
      old_chat_member: { status: before, user: BOT },
      new_chat_member: { status, user: BOT },
    },
  };
}

const communityId = async () =>
  Number(await env.DB.prepare("SELECT id FROM communities WHERE platform = 'telegram'").first("id"));
// Set up once already: `/copmod setup` shows its checklist rather than opening the form.
const setUp = () => env.DB.prepare("UPDATE communities SET main_channel_id = ?").bind(String(TG_GROUP)).run();
const visibility = () =>
  env.DB.prepare("SELECT channel_id, last_error FROM activity_channels ORDER BY channel_id").all();

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
  await tgGroup(TG_GROUP);
  await tgStarted(TG_MEMBER, TG_ADMIN);
});

describe("Telegram privacy mode: until the bot is an administrator, activity is not visible", () => {
  it("added as a plain member: nudges held and the setup checklist says how to fix it; made admin: they go out", async () => {
    const send = worker();
    await send(telegramRequest(botStatus("member", "left")));
    expect((await visibility()).results).toEqual([
      { channel_id: String(TG_GROUP), last_error: "messages_hidden" },
    ]);
    const id = await communityId();
    await seedMembers(id, [{ user: "7000099", lastActiveOn: "2027-01-01" }]);
    const deps = jobDepsAt(testEnv())(NOW);
    expect(await sendNudges(deps, id)).toMatchObject({
      status: "skipped",
      reason: expect.stringContaining("messages_hidden"),
    });
    expect(await env.DB.prepare("SELECT count(*) AS n FROM outbox").first("n")).toBe(0);

    await setUp();
    await send(telegramRequest(commandUpdate("/copmod setup", { from: { id: TG_ADMIN } })));
    const checklist = JSON.stringify(await tgCalls("sendMessage"));
    expect(checklist).toContain("Check-ins: off");
    expect(checklist).toContain("Make guyub an administrator of the group");
    expect(checklist).toContain("remove it from the group and add it again");

    await send(telegramRequest(botStatus("administrator", "member")));
    expect((await visibility()).results).toEqual([{ channel_id: String(TG_GROUP), last_error: null }]);
    expect(await sendNudges(deps, id)).toEqual({ status: "done" });
    expect(await env.DB.prepare("SELECT count(*) AS n FROM outbox").first("n")).toBe(1);
  });

  it("in Indonesian too", async () => {
    const send = worker();
    await send(telegramRequest(botStatus("member", "left")));
    await env.DB.prepare("UPDATE communities SET locale = 'id'").run();
    await setUp();
    await send(
      telegramRequest(commandUpdate("/copmod setup", { from: { id: TG_ADMIN, language_code: "id" } })),
    );
    const checklist = JSON.stringify(await tgCalls("sendMessage"));
    expect(checklist).toContain("Sapaan: nonaktif");
    expect(checklist).toContain("Jadikan guyub administrator grup ini");
  });

  it("added as an administrator: visible from the start; demoted: hidden again", async () => {
    const send = worker();
    await send(telegramRequest(botStatus("administrator", "left")));
    expect((await visibility()).results).toEqual([{ channel_id: String(TG_GROUP), last_error: null }]);
    await send(telegramRequest(botStatus("member", "administrator")));
    expect((await visibility()).results).toEqual([
      { channel_id: String(TG_GROUP), last_error: "messages_hidden" },
    ]);
  });

  it("a group upgraded to a supergroup keeps its standing under the new id", async () => {
    const send = worker();
    await send(telegramRequest(botStatus("member", "left")));
    await send(
      telegramRequest({
        update_id: nextUpdateId(),
        message: {
          message_id: 5,
          from: tgUser({ id: TG_ADMIN }),
          chat: tgChat(TG_GROUP),
          date: 1_765_000_000,
          migrate_to_chat_id: SUPERGROUP,
        },
      }),
    );
    expect((await visibility()).results).toEqual([
      { channel_id: String(SUPERGROUP), last_error: "messages_hidden" },
    ]);
  });
});
