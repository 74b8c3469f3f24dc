import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { createDb } from "../src/db/client.ts";
import { createCommunityStore } from "../src/db/store.ts";
import { deliverBatch } from "../src/delivery/engine.ts";
import { createDeliveryQueue } from "../src/delivery/queue.ts";
import { deliverySweep, SWEEP_AFTER_MS } from "../src/jobs/delivery-sweep.ts";
import { resetDb } from "./support/db.ts";
import {
  drain,
  outboxRows,
  RecordingQueue,
  seedCommunity,
  TestMessage,
  testDelivery,
  text,
  writeDrafts,
} from "./support/delivery.ts";
import { slashCommand } from "./support/slack.ts";
import { markLost, markUndeliverable } from "./support/standins.ts";
import { isolate, outboxQueue, resetStandins, sentTo } from "./support/worker.ts";

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
});

const GUILD_CHANNEL = "300000000000000042";
const ids = (queue: RecordingQueue) => queue.take().map((m) => (m.body as { id: number }).id);

describe("what a send can end in", () => {
  it("an undeliverable DM is recorded, never retried, and its fallback is posted in the channel", async () => {
    await markUndeliverable("slack", "U0CLOSEDDMS");
    const community = await seedCommunity("slack");
    const written = await writeDrafts(community, [
      {
        kind: "dm",
        key: "welcome:U0CLOSEDDMS",
        userId: "U0CLOSEDDMS",
        message: text("Welcome!"),
        fallback: { channelId: "C0GENERAL", message: text("Welcome, newcomer!") },
      },
    ]);
    const { deps, queue } = testDelivery();
    const messages = await drain(deps, queue, written);
    expect(messages.map((m) => m.settled)).toEqual(["ack", "ack"]); // the DM, then its fallback
    const rows = await outboxRows();
    expect(rows.map((r) => [r.idempotency_key, r.status, r.attempts])).toEqual([
      ["welcome:U0CLOSEDDMS", "undeliverable", 1],
      ["welcome:U0CLOSEDDMS:fallback", "sent", 1],
    ]);
    expect(String(rows[0]?.last_error)).toBe("user_not_found");
    const posts = await sentTo("slack");
    expect(posts.map((p) => (p.body as { channel: string }).channel)).toEqual(["C0GENERAL"]);
  });

  it("lost access is recorded once; later messages there wait untried; moderators see it", async () => {
    await markLost({ platform: "discord", channelId: GUILD_CHANNEL });
    const community = await seedCommunity("discord");
    const { deps, queue } = testDelivery();
    const deliver = async (key: string) => {
      const ids = await writeDrafts(community, [
        { kind: "post", key, channelId: GUILD_CHANNEL, message: text(key) },
      ]);
      await deliverBatch(
        deps,
        ids.map((id) => new TestMessage(id)),
      );
    };
    await deliver("a");
    await deliver("b");
    const rows = await outboxRows();
    // Neither is written off: both wait for the block's first probe, an hour on.
    expect(rows.map((r) => [r.status, r.attempts, r.held_by])).toEqual([
      ["pending", 1, GUILD_CHANNEL],
      ["pending", 0, GUILD_CHANNEL],
    ]);
    expect(queue.take().map((m) => m.delaySeconds)).toEqual([3600, 3600]);
    const blocks = await env.DB.prepare("SELECT scope, reason, cause FROM delivery_blocks").all();
    expect(blocks.results).toEqual([
      { scope: GUILD_CHANNEL, reason: expect.stringContaining("50001"), cause: "not_in_channel" },
    ]);
    const report = await createCommunityStore(createDb(env.DB), env.DB).deliveryReport(
      community.id,
      new Date(0),
    );
    expect(report.counts.pending).toBe(2);
    expect(report.blocks[0]).toMatchObject({ scope: GUILD_CHANNEL, waiting: 2 });
  });

  it("a message whose moment has passed is skipped, not sent late", async () => {
    const community = await seedCommunity("slack");
    const written = await writeDrafts(community, [
      {
        kind: "post",
        key: "reminder",
        channelId: "C1",
        message: text("in an hour!"),
        expiresAt: new Date(Date.now() - 1000),
      },
    ]);
    const { deps, queue } = testDelivery();
    await drain(deps, queue, written);
    expect((await outboxRows())[0]).toMatchObject({ status: "skipped", attempts: 0 });
    expect(await sentTo("slack")).toEqual([]);
  });

  it("only the newest pending edit is sent, and it changes the same message", async () => {
    const community = await seedCommunity("slack");
    const { deps, queue } = testDelivery();
    const [post] = await writeDrafts(community, [
      { kind: "post", key: "rsvp", channelId: "C1", message: text("0 coming") },
    ]);
    const edits = [
      ...(await writeDrafts(community, [
        { kind: "edit", key: "rsvp:1", editOf: "rsvp", message: text("1 coming") },
      ])),
      ...(await writeDrafts(community, [
        { kind: "edit", key: "rsvp:2", editOf: "rsvp", message: text("2 coming") },
      ])),
    ];
    // The edits arrive before the post has gone out: they wait for it.
    await drain(deps, queue, [...edits, post as number]);
    const calls = await sentTo("slack");
    expect(calls.map((c) => c.method)).toEqual(["chat.postMessage", "chat.update"]);
    const ts = (calls[0]?.response as { ts?: string } | undefined)?.ts;
    expect(calls[1]?.body).toMatchObject({ ts, text: "2 coming" });
    const rows = await outboxRows();
    expect(rows.map((r) => r.status)).toEqual(["sent", "superseded", "sent"]);
  });

  it("a follow-up due after its interaction token expired goes as a DM, never to the channel", async () => {
    const community = await seedCommunity("discord");
    const { deps, queue } = testDelivery();
    const written = await writeDrafts(community, [
      {
        kind: "followup",
        key: "late",
        userId: "310000000000000001",
        token: "expired-token",
        tokenExpiresAt: new Date(Date.now() - 60_000),
        message: { visibility: "ephemeral", blocks: [{ type: "text", text: "your answer" }] },
      },
      {
        kind: "followup",
        key: "fresh",
        userId: "310000000000000001",
        token: "fresh-token",
        tokenExpiresAt: new Date(Date.now() + 10 * 60_000),
        message: { visibility: "ephemeral", blocks: [{ type: "text", text: "quick answer" }] },
      },
    ]);
    await drain(deps, queue, written);
    // The two sends overlap, so the stand-in may see them in either order.
    const routes = (await sentTo("discord")).map((c) => `${c.method} ${c.route}`).sort();
    expect(routes).toEqual([
      expect.stringMatching(/^POST \/channels\/\d+\/messages$/),
      "POST /users/@me/channels",
      expect.stringMatching(/^POST \/webhooks\/\d+\/fresh-token$/),
    ]);
  });
});

describe("nothing is lost", () => {
  it("a row written but never enqueued is picked up by the sweep and sent once", async () => {
    const community = await seedCommunity("slack");
    await writeDrafts(community, [{ kind: "post", key: "orphan", channelId: "C1", message: text("found") }]);
    const queue = new RecordingQueue();
    const jobDeps = (now: Date) => ({
      db: createDb(env.DB),
      d1: env.DB,
      store: createCommunityStore(createDb(env.DB), env.DB),
      outbox: createDeliveryQueue(queue.asQueue()),
      now,
    });
    // Too early: a row just written may still be on its way through the queue.
    expect(await deliverySweep.run(jobDeps(new Date()), { communityId: 0, period: "x" })).toMatchObject({
      status: "skipped",
    });
    const later = new Date(Date.now() + SWEEP_AFTER_MS + 1000);
    expect(await deliverySweep.run(jobDeps(later), { communityId: 0, period: "y" })).toEqual({
      status: "done",
    });
    const swept = ids(queue);
    expect(swept).toHaveLength(1);
    const { deps, queue: outbox } = testDelivery();
    await drain(deps, outbox, swept);
    await drain(deps, outbox, swept); // the sweep and a late original both arrive: still one send
    expect(await sentTo("slack")).toHaveLength(1);
    expect(
      await deliverySweep.run(jobDeps(new Date(later.getTime() + 2 * SWEEP_AFTER_MS)), {
        communityId: 0,
        period: "z",
      }),
    ).toMatchObject({ status: "skipped" });
  });

  it("delivery pause: nothing is sent until resume, then everything once", async () => {
    const worker = isolate({ sessionCacheMs: 0 });
    const moderator = (text: string) => slashCommand(text, { user_id: "U0MODERATOR" });
    const paused = JSON.stringify(await (await worker(await moderator("delivery pause"))).json());
    expect(paused).toContain("Delivery paused");
    const community = await env.DB.prepare("SELECT id FROM communities").first<{ id: number }>();
    const seeded = {
      id: community?.id ?? 0,
      platform: "slack" as const,
      workspaceId: "T0GUYUB01",
      name: null,
      locale: "en" as const,
      timezone: "UTC",
      moderatorRoleId: null,
    };
    const written = await writeDrafts(
      seeded,
      Array.from({ length: 3 }, (_, i) => ({
        kind: "post" as const,
        key: `held:${i}`,
        channelId: `C${i}`,
        message: text(`held ${i}`),
      })),
    );
    const { deps, queue } = testDelivery();
    const held = await drain(deps, queue, written);
    expect(held.map((m) => m.settled)).toEqual(["ack", "ack", "ack"]);
    expect((await sentTo("slack")).filter((c) => c.method === "chat.postMessage")).toEqual([]);
    expect((await outboxRows()).map((r) => r.status)).toEqual(["pending", "pending", "pending"]);

    const status = JSON.stringify(await (await worker(await moderator("delivery status"))).json());
    expect(status).toContain("Delivery is paused");
    await worker(await moderator("delivery resume"));
    const resumed = ids(outboxQueue);
    expect(resumed.sort()).toEqual([...written].sort());
    await drain(deps, queue, resumed);
    expect((await sentTo("slack")).filter((c) => c.method === "chat.postMessage")).toHaveLength(3);
    expect((await outboxRows()).map((r) => r.status)).toEqual(["sent", "sent", "sent"]);
  });

  it("delivery retry puts dead messages back, attempts reset, and they are sent", async () => {
    const worker = isolate({ sessionCacheMs: 0 });
    const moderator = (text: string) => slashCommand(text, { user_id: "U0MODERATOR" });
    await worker(await moderator("delivery status"));
    const community = await env.DB.prepare("SELECT id FROM communities").first<{ id: number }>();
    await env.DB.prepare(
      "INSERT INTO outbox (community_id, idempotency_key, kind, target, payload, status, attempts, last_error, created_at, updated_at) VALUES (?, 'dead', 'post', 'C1', ?, 'dead', 6, 'http 500', ?, ?)",
    )
      .bind(
        community?.id,
        JSON.stringify({ message: text("again") }),
        new Date().toISOString(),
        new Date().toISOString(),
      )
      .run();
    const reply = JSON.stringify(await (await worker(await moderator("delivery retry"))).json());
    expect(reply).toContain("1 failed messages are queued again");
    const { deps, queue } = testDelivery();
    await drain(deps, queue, ids(outboxQueue));
    expect((await outboxRows())[0]).toMatchObject({ status: "sent", attempts: 1 });
    const none = JSON.stringify(await (await worker(await moderator("delivery retry"))).json());
    expect(none).toContain("No failed messages");
  });
});
