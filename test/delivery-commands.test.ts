import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { RETRY_LIMIT } from "../src/core/commands/delivery.ts";
import type { Community } from "../src/core/model.ts";
import { deliverBatch } from "../src/delivery/engine.ts";
import { resetDb } from "./support/db.ts";
import { drain, outboxRows, TestMessage, testDelivery, text, writeDrafts } from "./support/delivery.ts";
import { slashCommand } from "./support/slack.ts";
import { markFound, markLost } from "./support/standins.ts";
import { isolate, outboxQueue, resetStandins, sentTo } from "./support/worker.ts";

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
});

/** A moderator's command through the whole app; returns the reply's text. */
async function moderatorSays(worker: ReturnType<typeof isolate>, command: string): Promise<string> {
  return JSON.stringify(await (await worker(await slashCommand(command, { user_id: "U0MODERATOR" }))).json());
}

/** The Slack community the commands created, as core sees it. */
async function theCommunity(): Promise<Community> {
  const row = await env.DB.prepare("SELECT id FROM communities").first<{ id: number }>();
  return {
    id: row?.id ?? 0,
    platform: "slack",
    workspaceId: "T0GUYUB01",
    name: null,
    locale: "en",
    timezone: "UTC",
    moderatorRoleId: null,
  };
}

/** Posts to `channel` that find it lost and wait for it. */
async function waitingFor(community: Community, channel: string, keys: readonly string[]) {
  const ids = await writeDrafts(
    community,
    keys.map((key) => ({ kind: "post" as const, key, channelId: channel, message: text(key) })),
  );
  const { deps } = testDelivery();
  await deliverBatch(
    deps,
    ids.map((id) => new TestMessage(id)),
  );
  return ids;
}

const queued = () => outboxQueue.take().map((m) => (m.body as { id: number }).id);

describe("healing by hand", () => {
  it("status says what is blocked, since when, what waits, the next try and the fix; unblock sends what waited", async () => {
    const worker = isolate({ sessionCacheMs: 0 });
    await moderatorSays(worker, "delivery status");
    await markLost({ platform: "slack", channelId: "C0MAIN", kind: "not_in_channel" });
    const ids = await waitingFor(await theCommunity(), "C0MAIN", ["a", "b"]);
    const status = await moderatorSays(worker, "delivery status");
    expect(status).toContain("Heads-up: guyub cannot post to C0MAIN (not_in_channel)"); // once, on top
    expect(status).toContain("Where guyub cannot post");
    expect(status).toMatch(
      /<#C0MAIN>: not_in_channel, since \d{1,2} \w+ \d{4} at \d\d:\d\d UTC\. Messages waiting: 2\./,
    );
    expect(status).toMatch(/guyub tries again at \d{1,2} \w+ \d{4} at \d\d:\d\d UTC/);
    expect(status).toContain("To fix it: invite guyub to the channel, then run /copmod delivery unblock.");

    await markFound({ platform: "slack", channelId: "C0MAIN" });
    expect(await moderatorSays(worker, "delivery unblock")).toContain("2 waiting messages are queued now");
    expect(queued().sort()).toEqual([...ids].sort());
    expect(await env.DB.prepare("SELECT count(*) AS n FROM delivery_blocks").first("n")).toBe(0);
    const { deps, queue } = testDelivery();
    await drain(deps, queue, ids);
    expect((await outboxRows()).map((r) => r.status)).toEqual(["sent", "sent"]);
    expect(await moderatorSays(worker, "delivery unblock")).toContain("has not lost access anywhere");
  });

  it("setting the main channel again clears its block and queues what waited for it", async () => {
    const worker = isolate({ sessionCacheMs: 0 });
    await moderatorSays(worker, "delivery status");
    await markLost({ platform: "slack", channelId: "C0LATE", kind: "not_in_channel" });
    await markLost({ platform: "slack", channelId: "C0OTHER", kind: "not_in_channel" });
    const community = await theCommunity();
    const late = await waitingFor(community, "C0LATE", ["welcome"]);
    await waitingFor(community, "C0OTHER", ["other"]);
    queued();
    // The moderator invites guyub, then sets the channel again (guyub checks it can post there).
    await markFound({ platform: "slack", channelId: "C0LATE" });
    await moderatorSays(worker, "onboarding channel <#C0LATE|late>");
    expect(queued()).toEqual(late);
    const left = await env.DB.prepare("SELECT scope FROM delivery_blocks").all();
    expect(left.results).toEqual([{ scope: "C0OTHER" }]); // another channel's loss stays
    const { deps, queue } = testDelivery();
    await drain(deps, queue, late);
    const posts = (await sentTo("slack")).filter((c) => c.method === "chat.postMessage");
    expect(posts.map((c) => (c.body as { channel: string }).channel)).toEqual(["C0LATE"]);
  });

  it("the lost channel's status names the fix for a deleted channel and a removed app", async () => {
    const worker = isolate({ sessionCacheMs: 0 });
    await moderatorSays(worker, "delivery status");
    await markLost({ platform: "slack", channelId: "C0DELETED", kind: "channel_not_found" });
    await waitingFor(await theCommunity(), "C0DELETED", ["x"]);
    const status = await moderatorSays(worker, "delivery status");
    expect(status).toContain("if it was deleted, choose a new main channel with /copmod onboarding channel");
  });
});

describe("delivery retry is bounded", () => {
  it(`queues at most ${RETRY_LIMIT} dead messages per request and says how many of how many`, async () => {
    const worker = isolate({ sessionCacheMs: 0 });
    await moderatorSays(worker, "delivery status");
    const community = await theCommunity();
    const at = new Date().toISOString();
    const dead = RETRY_LIMIT + 20;
    await env.DB.prepare(
      `INSERT INTO outbox (community_id, idempotency_key, kind, target, payload, status, attempts, created_at, updated_at)
       SELECT ?, 'dead:' || value, 'post', 'C1', '{"message":{"visibility":"public","blocks":[]}}', 'dead', 6, ?, ?
       FROM json_each(?)`,
    )
      .bind(community.id, at, at, JSON.stringify(Array.from({ length: dead }, (_, i) => i)))
      .run();
    const first = await moderatorSays(worker, "delivery retry");
    expect(first).toContain(`${RETRY_LIMIT} of ${dead} failed messages are queued again`);
    expect(first).toContain("run /copmod delivery retry again for the rest");
    expect(queued()).toHaveLength(RETRY_LIMIT);
    const second = await moderatorSays(worker, "delivery retry");
    expect(second).toContain("20 failed messages are queued again.");
    expect(queued()).toHaveLength(20);
    expect(await moderatorSays(worker, "delivery retry")).toContain("No failed messages");
  });
});
