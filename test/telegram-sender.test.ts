import { beforeEach, describe, expect, it } from "vitest";
import { telegramParts } from "../src/adapters/telegram/parts.ts";
import type { SendPort } from "../src/core/delivery.ts";
import type { Message } from "../src/core/message.ts";
import { TG_GROUP, TG_MEMBER, telegramEnv, tgCalls, tgGroup, tgStarted } from "./support/telegram.ts";
import { resetStandins, testEnv } from "./support/worker.ts";

const hello: Message = { visibility: "public", blocks: [{ type: "text", text: "Halo <semua> & selamat" }] };
const now = () => new Date("2027-03-01T09:00:00Z");
const sender = async (): Promise<SendPort> => {
  const port = await telegramParts(testEnv(telegramEnv())).sender(String(TG_GROUP), { now });
  if (!port) throw new Error("no sender");
  return port;
};

beforeEach(async () => {
  await resetStandins();
  await tgGroup(TG_GROUP);
});

describe("Telegram's sender", () => {
  it("posts to a group as HTML and reports the message id", async () => {
    const report = await (await sender()).send({
      kind: "post",
      channelId: String(TG_GROUP),
      message: hello,
      nonce: "n1",
    });
    expect(report.outcome).toMatchObject({ kind: "sent", channelId: String(TG_GROUP), messageId: "1" });
    expect((await tgCalls("sendMessage"))[0]?.body).toMatchObject({
      text: "Halo &lt;semua&gt; &amp; selamat",
      parse_mode: "HTML",
    });
  });

  it("a DM to someone who never started the bot is undeliverable; after Start it is sent", async () => {
    const port = await sender();
    const dm = {
      kind: "dm" as const,
      userId: String(TG_MEMBER),
      dmChannelId: null,
      message: hello,
      nonce: "n2",
    };
    expect((await port.send(dm)).outcome.kind).toBe("undeliverable");
    await tgStarted(TG_MEMBER);
    expect((await port.send(dm)).outcome.kind).toBe("sent");
  });

  it("a group the bot is not in (chat not found) is lost access for the whole community", async () => {
    const report = await (await sender()).send({
      kind: "post",
      channelId: "-100555",
      message: hello,
      nonce: "n3",
    });
    expect(report.outcome).toMatchObject({ kind: "lost_access", cause: "uninstalled" });
  });

  it("past a chat's limit the 429's retry_after is the wait, on that chat's key", async () => {
    const port = await sender();
    const post = { kind: "post" as const, channelId: String(TG_GROUP), message: hello, nonce: "n" };
    const outcomes = [];
    for (let i = 0; i < 6; i++) outcomes.push((await port.send(post)).outcome);
    const limited = outcomes.find((o) => o.kind === "rate_limited");
    expect(limited).toMatchObject({ kind: "rate_limited", scope: `telegram:group:${TG_GROUP}` });
    expect(limited && "retryAfterMs" in limited ? limited.retryAfterMs : 0).toBeGreaterThanOrEqual(1000);
  });

  it("paces per chat, per group and overall", async () => {
    const steps = (await sender()).pacing({
      kind: "post",
      channelId: String(TG_GROUP),
      message: hello,
      nonce: "n",
    });
    expect(steps.map((s) => s.key)).toEqual([
      `telegram:chat:${TG_GROUP}`,
      `telegram:group:${TG_GROUP}`,
      "telegram:global",
    ]);
  });

  it("no bot token: no sender", async () => {
    expect(await telegramParts(testEnv()).sender(String(TG_GROUP), { now })).toBeNull();
  });
});
