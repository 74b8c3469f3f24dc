import { env } from "cloudflare:workers";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { deliverBatch } from "../src/delivery/engine.ts";
import { resetDb } from "./support/db.ts";
import {
  drain,
  outboxRows,
  QUICK_PACE,
  seedCommunity,
  TestMessage,
  testDelivery,
  text,
  writeDrafts,
} from "./support/delivery.ts";
import { configureStandins, type FaultSpec, injectFault } from "./support/standins.ts";
import { resetStandins, sentTo } from "./support/worker.ts";

const fault = (spec: FaultSpec) => injectFault(spec);

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});
afterEach(resetStandins);

describe("outbox writes", () => {
  it("writes a key once: the second draft with the same key changes nothing", async () => {
    const community = await seedCommunity("slack");
    const first = await writeDrafts(community, [
      { kind: "post", key: "hello", channelId: "C1", message: text("one") },
    ]);
    const second = await writeDrafts(community, [
      { kind: "post", key: "hello", channelId: "C1", message: text("two") },
    ]);
    expect(first).toHaveLength(1);
    expect(second).toEqual([]);
    const rows = await outboxRows();
    expect(rows).toHaveLength(1);
    expect(String(rows[0]?.payload)).toContain("one");
  });

  it("the newest pending edit of a message supersedes older ones", async () => {
    const community = await seedCommunity("slack");
    await writeDrafts(community, [{ kind: "edit", key: "count:1", editOf: "post", message: text("1 yes") }]);
    await writeDrafts(community, [{ kind: "edit", key: "count:2", editOf: "post", message: text("2 yes") }]);
    const rows = await outboxRows();
    expect(rows.map((r) => [r.idempotency_key, r.status])).toEqual([
      ["count:1", "superseded"],
      ["count:2", "pending"],
    ]);
  });
});

describe("sending", () => {
  it("posts once and records the platform's message id", async () => {
    const community = await seedCommunity("slack");
    const ids = await writeDrafts(community, [
      { kind: "post", key: "p", channelId: "C0GENERAL", message: text("hi") },
    ]);
    const { deps, queue } = testDelivery();
    const messages = await drain(deps, queue, ids);
    expect(messages.map((m) => m.settled)).toEqual(["ack"]);
    const [row] = await outboxRows();
    expect(row).toMatchObject({ status: "sent", attempts: 1, platform_channel_id: "C0GENERAL" });
    const posts = await sentTo("slack");
    expect(posts).toHaveLength(1);
    expect((posts[0]?.response as { ts?: string } | undefined)?.ts).toBe(row?.platform_message_id);
  });

  it("a message delivered twice by the queue (and twice in one batch) is sent once", async () => {
    const community = await seedCommunity("discord");
    const [id] = await writeDrafts(community, [
      { kind: "post", key: "once", channelId: "300000000000000001", message: text("hello") },
    ]);
    const { deps } = testDelivery();
    const twice = [new TestMessage(id as number), new TestMessage(id as number)];
    await deliverBatch(deps, twice);
    await deliverBatch(deps, [new TestMessage(id as number, 2)]);
    expect(twice.map((m) => m.settled)).toEqual(["ack", "ack"]);
    expect(await sentTo("discord")).toHaveLength(1);
  });

  it("500 twice then 200: delivered exactly once, every attempt recorded", async () => {
    const community = await seedCommunity("slack");
    const ids = await writeDrafts(community, [
      { kind: "post", key: "flaky", channelId: "C1", message: text("hi") },
    ]);
    await fault({ platform: "slack", match: "chat.postMessage", status: 500, count: 2 });
    // Each try takes the channel's pace slot: at real pace the tries are a second apart.
    const { deps, queue } = testDelivery({ paceScale: QUICK_PACE });
    const messages = await drain(deps, queue, ids);
    expect(messages.map((m) => m.settled)).toEqual(["retry", "retry", "ack"]);
    expect(messages[0]?.retryDelay).toBeGreaterThanOrEqual(1);
    const [row] = await outboxRows();
    expect(row).toMatchObject({ status: "sent", attempts: 3 });
    expect(await sentTo("slack")).toHaveLength(1);
  });

  it("after the last try the row is dead and the message goes to the dead-letter queue", async () => {
    const community = await seedCommunity("discord");
    const ids = await writeDrafts(community, [
      { kind: "post", key: "down", channelId: "300000000000000001", message: text("hi") },
    ]);
    await fault({ platform: "discord", match: "POST /channels", status: 503, count: 50 });
    const { deps, queue } = testDelivery();
    const messages = await drain(deps, queue, ids, deps.maxAttempts + 2);
    expect(messages).toHaveLength(deps.maxAttempts + 1);
    // The last try retries without delay: the queue's max_retries then moves it to guyub-dead.
    expect(messages[deps.maxAttempts - 1]).toMatchObject({ settled: "retry", retryDelay: undefined });
    const [row] = await outboxRows();
    expect(row).toMatchObject({ status: "dead", attempts: deps.maxAttempts });
    expect(messages.at(-1)?.settled).toBe("ack"); // a redelivery of a dead row sends nothing
  });

  it("a Discord send whose success was not recorded is retried without a second message (nonce)", async () => {
    const community = await seedCommunity("discord");
    const [id] = await writeDrafts(community, [
      { kind: "post", key: "nonce", channelId: "300000000000000001", message: text("once") },
    ]);
    const { deps } = testDelivery();
    await deliverBatch(deps, [new TestMessage(id as number)]);
    // As if the worker died between Discord's success and our record of it.
    await env.DB.prepare("UPDATE outbox SET status = 'pending', platform_message_id = NULL").run();
    await deliverBatch(deps, [new TestMessage(id as number, 2)]);
    const calls = await sentTo("discord");
    expect(calls).toHaveLength(2);
    const messageIds = calls.map((call) => (call.response as { id: string }).id);
    expect(new Set(messageIds).size).toBe(1);
    expect((calls[0]?.body as { nonce?: string } | undefined)?.nonce).toHaveLength(25);
  });

  it("a poison row in a batch of 100: only it is retried, the rest are acknowledged", async () => {
    const community = await seedCommunity("slack");
    const drafts = Array.from({ length: 100 }, (_, i) => ({
      kind: "post" as const,
      key: `bulk:${i}`,
      channelId: `C${String(i).padStart(3, "0")}`,
      message: text(`message ${i}`),
    }));
    const ids = await writeDrafts(community, drafts);
    const poison = ids[37] as number;
    await env.DB.prepare("UPDATE outbox SET payload = '{not json' WHERE id = ?").bind(poison).run();
    await configureStandins({ timeScale: 20 });
    const { deps } = testDelivery({ paceScale: 20 });
    const batch = ids.map((id) => new TestMessage(id));
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await deliverBatch(deps, batch);
    expect(logged).toHaveBeenCalledWith(
      "outbox row could not be prepared",
      expect.objectContaining({ id: poison }),
    );
    expect(batch.filter((m) => m.settled === "retry").map((m) => m.id)).toEqual([poison]);
    expect(batch.filter((m) => m.settled === "ack")).toHaveLength(99);
    expect(await sentTo("slack")).toHaveLength(99);
  });
});
