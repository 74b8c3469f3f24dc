import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { messageLink } from "../src/adapters/telegram/report-reply.ts";
import { resetDb } from "./support/db.ts";
import {
  commandUpdate,
  TG_ADMIN,
  TG_GROUP,
  TG_MEMBER,
  telegramEnv,
  telegramRequest,
  tgCalls,
  tgGroup,
  tgStarted,
} from "./support/telegram.ts";
import { isolate, resetStandins } from "./support/worker.ts";

/** `/cop report <reason>` as a reply in a group: a report about the message replied to. */
const worker = () => isolate({ env: telegramEnv(), sessionCacheMs: 0 });
const BUDI = 7000050;
const REASON = "insults a new member";
const INTERNAL = String(TG_GROUP).slice(4);

const replyTo = {
  message_id: 555,
  from: { id: BUDI, is_bot: false, first_name: "Budi" },
  chat: { id: TG_GROUP, type: "supergroup", title: "Guru Matematika" },
  date: 1_765_000_000,
  text: "you are all useless",
};
const reportUpdate = (text: string, reply: unknown = replyTo) =>
  commandUpdate(text, { from: { id: TG_MEMBER }, extra: { reply_to_message: reply } });
const reports = async () =>
  (await env.DB.prepare("SELECT subject, reported_user, message_link FROM reports").all()).results;

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  await tgGroup(TG_GROUP, [TG_ADMIN], [TG_MEMBER, BUDI]);
});

describe("Telegram reports by reply", () => {
  it("files a report about the message replied to, its author and its t.me/c link; the answer is private", async () => {
    await tgStarted(TG_MEMBER);
    const response = await worker()(telegramRequest(reportUpdate(`/cop report ${REASON}`)));
    console.log(
      "RESP",
      await response.text(),
      JSON.stringify((await tgCalls("sendMessage")).map((d) => d.body.text)),
    );
    expect(await reports()).toEqual([
      {
        subject: `message:${TG_GROUP}:555`,
        reported_user: String(BUDI),
        message_link: `https://t.me/c/${INTERNAL}/555`,
      },
    ]);
    const sent = await tgCalls("sendMessage");
    const dms = sent.filter((c) => c.body.chat_id === TG_MEMBER);
    console.log("DMS", JSON.stringify(dms.map((d) => d.body.text)));
    expect(dms.length).toBeGreaterThan(0);
    expect(sent.filter((c) => c.body.chat_id === TG_GROUP && String(c.body.text).includes(REASON))).toEqual(
      [],
    );
  });

  it("a redelivered update files one report", async () => {
    await tgStarted(TG_MEMBER);
    const send = worker();
    const update = reportUpdate(`/cop report ${REASON}`);
    await send(telegramRequest(update));
    await send(telegramRequest(update));
    expect(await reports()).toHaveLength(1);
  });

  it("403 (never started the bot): the group gets only the open-a-chat link, never the reason", async () => {
    const answer = (await (
      await worker()(telegramRequest(reportUpdate(`/cop report ${REASON}`)))
    ).json()) as {
      chat_id: number;
      text: string;
    };
    expect(answer.chat_id).toBe(TG_GROUP);
    expect(answer.text).toContain(`https://t.me/guyub_bot?start=`);
    expect(answer.text).not.toContain(REASON);
    expect(await reports()).toHaveLength(1);
  });

  it("replying to oneself files nothing; without a reply it is the ordinary report command", async () => {
    await tgStarted(TG_MEMBER);
    const send = worker();
    await send(
      telegramRequest(
        reportUpdate(`/cop report ${REASON}`, {
          ...replyTo,
          from: { id: TG_MEMBER, is_bot: false, first_name: "Ayu" },
        }),
      ),
    );
    expect(await reports()).toEqual([]);
    await send(telegramRequest(commandUpdate(`/cop report ${REASON}`, { from: { id: TG_MEMBER } })));
    const [note] = (await reports()) as { subject: string; message_link: string | null }[];
    expect(note?.subject).toMatch(/^note:/);
    expect(note?.message_link).toBeNull();
  });

  it("a supergroup's message links as t.me/c/<internal id>; a basic group's has none", () => {
    expect(messageLink(-1001234567890, 7)).toBe("https://t.me/c/1234567890/7");
    expect(messageLink(-4242, 7)).toBeNull();
  });
});
