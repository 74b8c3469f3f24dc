import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { createDb } from "../src/db/client.ts";
import { CLAIM_LEASE_MS, Claims } from "../src/delivery/claims.ts";
import { deliverBatch } from "../src/delivery/engine.ts";
import { SWEEP_AFTER_MS } from "../src/jobs/delivery-sweep.ts";
import { resetDb } from "./support/db.ts";
import {
  clockedDelivery,
  outboxRows,
  seedCommunity,
  TestMessage,
  testDelivery,
  text,
  writeDrafts,
} from "./support/delivery.ts";
import { configureStandins, injectFault } from "./support/standins.ts";
import { resetStandins, sentTo } from "./support/worker.ts";

const CHANNEL = "300000000000000055";
const MINUTE = 60_000;

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});

describe("a message not sent in an invocation comes back when it is due", () => {
  it("rate-limited three times in one invocation: back on the queue with the remaining wait, not dropped", async () => {
    const community = await seedCommunity("discord");
    const [id] = (await writeDrafts(community, [
      { kind: "post", key: "busy", channelId: CHANNEL, message: text("busy") },
    ])) as [number];
    const route = `POST /channels/${CHANNEL}/messages`;
    await injectFault({ platform: "discord", match: route, status: 429, retryAfter: 0.01, count: 2 });
    await injectFault({ platform: "discord", match: route, status: 429, retryAfter: 1200 });
    const e = clockedDelivery();
    const [message] = await e.deliver([id]);
    expect(message?.settled).toBe("ack");
    expect(e.requeued()).toEqual([[id, 1200]]);
    const [row] = await outboxRows();
    expect(row).toMatchObject({ status: "pending", claimed_until: null });
    // The sweep leaves it to the queue until it is due (its updated_at never moved).
    expect(await e.sweepAt(SWEEP_AFTER_MS + MINUTE)).toEqual([]);
    expect(await e.sweepAt(20 * MINUTE + SWEEP_AFTER_MS - MINUTE)).toEqual([]);
    expect(await e.sweepAt(20 * MINUTE + SWEEP_AFTER_MS + MINUTE)).toEqual([id]);
    // Pacing runs on the platform's real clock: its 20 minutes are over once its hold is gone.
    await env.DB.prepare("DELETE FROM delivery_pace").run();
    await e.deliver([id]);
    expect((await outboxRows())[0]).toMatchObject({ status: "sent" });
    expect(await sentTo("discord")).toHaveLength(1);
  });

  it("paced past the hold: every message goes back with its own wait and the sweep leaves them alone", async () => {
    const community = await seedCommunity("slack");
    const ids = await writeDrafts(
      community,
      ["a", "b", "c"].map((key) => ({ kind: "post" as const, key, channelId: "C0ONE", message: text(key) })),
    );
    const e = clockedDelivery({ holdMs: 100 });
    const batch = await e.deliver(ids);
    expect(batch.map((m) => m.settled)).toEqual(["ack", "ack", "ack"]);
    const back = e.requeued();
    expect(back.map(([id]) => id)).toEqual(ids.slice(1));
    expect(back.every(([, delay]) => delay >= 1 && delay <= 2)).toBe(true);
    // Each row says when it is due back, so a sweep before then leaves it to the queue.
    const due = (await outboxRows()).filter((r) => r.status === "pending").map((r) => r.next_try_at);
    expect(due).toHaveLength(2);
    for (const at of due) expect(Date.parse(String(at)) - Date.now()).toBeGreaterThan(0);
  });
});

describe("two consumers never send the same row", () => {
  it("two batches over the same 30 rows, at once: each row is posted once (Slack has no dedup of its own)", async () => {
    await configureStandins({ timeScale: 20 });
    const community = await seedCommunity("slack");
    const ids = await writeDrafts(
      community,
      Array.from({ length: 30 }, (_, i) => ({
        kind: "post" as const,
        key: `race:${i}`,
        channelId: `C0RACE${String(i).padStart(2, "0")}`,
        message: text(`race ${i}`),
      })),
    );
    const one = testDelivery({ paceScale: 20 });
    const two = testDelivery({ paceScale: 20 });
    const first = ids.map((id) => new TestMessage(id));
    const second = [...ids].reverse().map((id) => new TestMessage(id, 2));
    await Promise.all([deliverBatch(one.deps, first), deliverBatch(two.deps, second)]);
    const posts = (await sentTo("slack")).filter((call) => call.method === "chat.postMessage");
    expect(posts).toHaveLength(30);
    expect(new Set(posts.map((p) => (p.body as { channel: string }).channel)).size).toBe(30);
    expect((await outboxRows()).every((r) => r.status === "sent" && r.claimed_until === null)).toBe(true);
    // Every message is settled; those the other consumer held come back after its claim.
    expect([...first, ...second].every((m) => m.settled === "ack")).toBe(true);
  });

  it("a row claimed by a consumer that died is sent once its claim lapses", async () => {
    const community = await seedCommunity("slack");
    const [id] = (await writeDrafts(community, [
      { kind: "post", key: "orphan", channelId: "C0GENERAL", message: text("orphan") },
    ])) as [number];
    const e = clockedDelivery();
    await env.DB.prepare("UPDATE outbox SET claimed_until = ? WHERE id = ?")
      .bind(new Date(Date.now() + CLAIM_LEASE_MS).toISOString(), id)
      .run();
    await e.deliver([id], 2);
    expect(await sentTo("slack")).toEqual([]);
    const [[back, delay]] = e.requeued() as [[number, number]];
    expect(back).toBe(id);
    expect(delay).toBeGreaterThanOrEqual(CLAIM_LEASE_MS / 1000 - 1);
    e.at(CLAIM_LEASE_MS + 1000);
    await e.deliver([id], 3);
    expect((await outboxRows())[0]).toMatchObject({ status: "sent", claimed_until: null });
    expect(await sentTo("slack")).toHaveLength(1);
  });

  it("a long batch renews its claim before a call; once another consumer took the row, it makes no call", async () => {
    const community = await seedCommunity("slack");
    const [id] = (await writeDrafts(community, [
      { kind: "post", key: "long", channelId: "C0GENERAL", message: text("long") },
    ])) as [number];
    const db = createDb(env.DB);
    const t0 = Date.now();
    const at = (ms: number) => new Date(t0 + ms);
    const mine = await Claims.take(db, [id], at(0));
    expect(mine.holds(id)).toBe(true);
    expect((await Claims.take(db, [id], at(1000))).holds(id)).toBe(false); // held: no second claim
    expect(await mine.keep(db, id, at(10_000))).toBe(true); // plenty left: no statement needed
    expect(await mine.keep(db, id, at(40_000))).toBe(true); // running short: renewed
    expect((await Claims.take(db, [id], at(CLAIM_LEASE_MS + 1000))).holds(id)).toBe(false);
    const theirs = await Claims.take(db, [id], at(40_000 + CLAIM_LEASE_MS + 1000));
    expect(theirs.holds(id)).toBe(true); // ours lapsed unrenewed, and they took it
    expect(await mine.keep(db, id, at(40_000 + CLAIM_LEASE_MS + 2000))).toBe(false);
  });
});
