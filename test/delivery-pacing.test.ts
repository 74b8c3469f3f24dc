import { beforeEach, describe, expect, it } from "vitest";
import { resetDb } from "./support/db.ts";
import { drain, outboxRows, seedCommunity, testDelivery, text, writeDrafts } from "./support/delivery.ts";
import { configureStandins, injectFault, markLost, standinStats } from "./support/standins.ts";
import { resetStandins, sentTo } from "./support/worker.ts";

const CHANNEL = "300000000000000777";

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});

/**
 * The Retry-After tests run Discord's time 4 times faster: a Retry-After of 2 s is then a real
 * 500 ms. The sender paces 10 times faster (a DM channel every 105 ms, a Slack post per channel
 * every 105 ms), so the wait seen can only be the Retry-After's; a send that ignored it follows its
 * 429 within about 100 ms (seen: 123, 144 and 144 ms with the hold removed).
 */
const RETRY_SCALE = 4;
const RETRY_WAIT_MS = 2000 / RETRY_SCALE;
const RETRY_PACE = 10;

describe("pacing under the platforms' limits", () => {
  it("429 with Retry-After 2: nothing goes to that bucket for 2 s, then the message is delivered", async () => {
    await configureStandins({ timeScale: RETRY_SCALE });
    const community = await seedCommunity("discord");
    const ids = await writeDrafts(community, [
      { kind: "post", key: "busy", channelId: CHANNEL, message: text("after the wait") },
    ]);
    await injectFault({
      platform: "discord",
      match: `POST /channels/${CHANNEL}/messages`,
      status: 429,
      retryAfter: 2,
    });
    const { deps, queue } = testDelivery({ paceScale: RETRY_PACE });
    const started = Date.now();
    const messages = await drain(deps, queue, ids);
    expect(messages.map((m) => m.settled)).toEqual(["ack"]);
    const [call] = await sentTo("discord");
    expect(new Date(String(call?.at)).getTime() - started).toBeGreaterThanOrEqual(RETRY_WAIT_MS);
    const stats = await standinStats();
    expect(stats.discord.rateLimited).toBe(1);
    expect(stats.discord.accepted).toBe(1);
    expect((await outboxRows())[0]).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("a 429 on a key the message was not paced by (its DM channel, opened in this call) is waited out too", async () => {
    await configureStandins({ timeScale: RETRY_SCALE });
    const community = await seedCommunity("discord");
    const ids = await writeDrafts(community, [
      { kind: "dm", key: "new-dm", userId: "300000000000000042", message: text("after the wait") },
    ]);
    // The DM channel is opened first (POST /users/@me/channels); its message route is limited.
    await injectFault({ platform: "discord", match: "POST /channels/", status: 429, retryAfter: 2 });
    const { deps, queue } = testDelivery({ paceScale: RETRY_PACE });
    const started = Date.now();
    const messages = await drain(deps, queue, ids);
    expect(messages.map((m) => m.settled)).toEqual(["ack"]);
    const sent = (await sentTo("discord")).filter((call) => String(call.route).endsWith("/messages"));
    expect(sent.length).toBeGreaterThan(0);
    expect(new Date(String(sent.at(-1)?.at)).getTime() - started).toBeGreaterThanOrEqual(RETRY_WAIT_MS);
    expect((await standinStats()).discord.rateLimited).toBe(1);
    expect((await outboxRows())[0]).toMatchObject({ status: "sent" });
  });

  it("a Slack 429 holds the method for its Retry-After, then sends once", async () => {
    const community = await seedCommunity("slack");
    const ids = await writeDrafts(community, [
      { kind: "post", key: "s", channelId: "C0BUSY", message: text("hi") },
    ]);
    // Slack's Retry-After is whole seconds (the WebClient reads it with parseInt), so the shortest
    // is 1 s, well above the method's own interval (105 ms at this pace).
    await injectFault({ platform: "slack", match: "chat.postMessage", status: 429, retryAfter: 1 });
    const { deps, queue } = testDelivery({ paceScale: RETRY_PACE });
    const started = Date.now();
    await drain(deps, queue, ids);
    const calls = await sentTo("slack");
    expect(calls).toHaveLength(1);
    expect(new Date(String(calls[0]?.at)).getTime() - started).toBeGreaterThanOrEqual(1000);
  });

  /**
   * At time scale ×100 a platform's 1-second window is 10 ms, so a few ms of scheduling jitter
   * between workerd and the stand-ins' process (a loaded CI machine) can land one paced request in
   * the previous window. Up to this many 429s are that jitter, not pacing: the sender then waits as
   * told and the message still goes out once. Without the pacer the same run earns dozens.
   */
  const JITTER_429S = 2;

  it("1,000 Discord DMs against the stand-in's limits (time scaled ×100): all delivered, at most jitter's 429s", async () => {
    await configureStandins({ timeScale: 100 });
    const community = await seedCommunity("discord");
    const drafts = Array.from({ length: 1000 }, (_, i) => ({
      kind: "dm" as const,
      key: `dm:${i}`,
      userId: String(310000000000000000n + BigInt(i)),
      message: text(`Hello member ${i}`),
    }));
    const ids = await writeDrafts(community, drafts);
    const { deps, queue } = testDelivery({ paceScale: 100 });
    await drain(deps, queue, ids, 50);
    const rows = await outboxRows();
    expect(rows.filter((row) => row.status === "sent")).toHaveLength(1000);
    const stats = await standinStats();
    expect(stats.discord.rateLimited).toBeLessThanOrEqual(JITTER_429S);
    expect(stats.discord.accepted).toBe(2000); // one DM channel opened and one message per member
  }, 60_000);

  it("300 Slack DMs (time scaled ×100): all delivered, at most jitter's 429s, each DM channel opened once", async () => {
    await configureStandins({ timeScale: 100 });
    const community = await seedCommunity("slack");
    const drafts = Array.from({ length: 300 }, (_, i) => ({
      kind: "dm" as const,
      key: `dm:${i}`,
      userId: `U0M${String(i).padStart(5, "0")}`,
      message: text(`Halo ${i}`),
    }));
    const { deps, queue } = testDelivery({ paceScale: 100 });
    await drain(deps, queue, await writeDrafts(community, drafts), 50);
    // A second DM to the same members reuses the stored DM channels: no conversations.open.
    const again = drafts.slice(0, 10).map((d) => ({ ...d, key: `${d.key}:again` }));
    await drain(deps, queue, await writeDrafts(community, again));
    const rows = await outboxRows();
    expect(rows.filter((row) => row.status === "sent")).toHaveLength(310);
    const stats = await standinStats();
    expect(stats.slack.rateLimited).toBeLessThanOrEqual(JITTER_429S);
    expect(stats.slack.acceptedBy).toMatchObject({ "conversations.open": 300, "chat.postMessage": 310 });
  }, 60_000);

  it("repeated 401s stop all calls to the platform for a while (no invalid-request ban)", async () => {
    await markLost({ platform: "discord", token: "test-discord-bot-token" });
    const community = await seedCommunity("discord");
    const drafts = Array.from({ length: 6 }, (_, i) => ({
      kind: "post" as const,
      key: `p:${i}`,
      channelId: String(300000000000000100n + BigInt(i)),
      message: text("hi"),
    }));
    const { deps, queue } = testDelivery();
    await drain(deps, queue, await writeDrafts(community, drafts), 4);
    const stats = await standinStats();
    expect(stats.discord.errors).toBe(3);
    expect(stats.discord.accepted).toBe(0);
    const rows = await outboxRows();
    expect(rows.every((row) => row.status === "pending")).toBe(true); // waiting, not lost
  });
});
