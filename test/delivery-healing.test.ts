import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { SWEEP_AFTER_MS } from "../src/jobs/delivery-sweep.ts";
import { resetDb } from "./support/db.ts";
import { clockedDelivery, outboxRows, seedCommunity, text, writeDrafts } from "./support/delivery.ts";
import { markFound, markLost, standinStats } from "./support/standins.ts";
import { resetStandins, sentTo } from "./support/worker.ts";

const HOUR = 60 * 60_000;
const CHANNEL = "300000000000000077";

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});

const block = () => env.DB.prepare("SELECT scope, cause, probes, probe_at FROM delivery_blocks").first();
const errors = async (platform: "slack" | "discord") => (await standinStats())[platform].errors;

describe("a lost channel heals", () => {
  it("messages wait for it, the 1-hour probe finds access back, and each waiting message goes out once", async () => {
    await markLost({ platform: "slack", channelId: "C0HEAL", kind: "not_in_channel" });
    const community = await seedCommunity("slack");
    const e = clockedDelivery();
    const [a, b, c, d] = await writeDrafts(community, [
      ...["a", "b", "c"].map((key) => ({
        kind: "post" as const,
        key,
        channelId: "C0HEAL",
        message: text(key),
      })),
      { kind: "post", key: "d", channelId: "C0OPEN", message: text("d") },
    ]);
    const held = [a, b, c] as number[];
    const first = await e.deliver([...held, d as number]);
    expect(first.map((m) => m.settled)).toEqual(["ack", "ack", "ack", "ack"]);
    expect((await outboxRows()).map((r) => [r.idempotency_key, r.status, r.held_by])).toEqual([
      ["a", "pending", "C0HEAL"],
      ["b", "pending", "C0HEAL"],
      ["c", "pending", "C0HEAL"],
      ["d", "sent", null],
    ]);
    expect(await errors("slack")).toBe(1); // one call found the loss; the others were not tried
    expect(e.requeued()).toEqual(held.map((id) => [id, 3600]));

    // Delivered early (a sweep, a redelivery): still waiting, due back at the probe.
    e.at(HOUR / 2);
    await e.deliver(held);
    expect(e.requeued()).toEqual(held.map((id) => [id, 1800]));
    expect(await errors("slack")).toBe(1);

    await markFound({ platform: "slack", channelId: "C0HEAL" });
    e.at(HOUR + 1000);
    await e.deliver(held);
    expect(await block()).toBeNull();
    // The probe went through: the two behind it go back on the queue at once, no longer held.
    expect(e.requeued()).toEqual([
      [b, 1],
      [c, 1],
    ]);
    expect((await outboxRows()).map((r) => r.held_by)).toEqual([null, null, null, null]);
    await e.deliver([b, c] as number[]);
    const posts = (await sentTo("slack")).map((call) => (call.body as { text: string }).text);
    expect(posts.sort()).toEqual(["a", "b", "c", "d"]);
    expect((await outboxRows()).every((r) => r.status === "sent")).toBe(true);
  });

  it("a probe that fails again waits for the next: 6 h, then 24 h, which the sweep brings (beyond a queue delay)", async () => {
    await markLost({ platform: "discord", channelId: CHANNEL });
    const community = await seedCommunity("discord");
    const e = clockedDelivery();
    const [id] = (await writeDrafts(community, [
      { kind: "post", key: "m", channelId: CHANNEL, message: text("m") },
    ])) as [number];
    await e.deliver([id]);
    expect(e.requeued()).toEqual([[id, 3600]]);

    e.at(HOUR);
    await e.deliver([id]);
    expect(await block()).toMatchObject({ probes: 1, cause: "not_in_channel" });
    expect(e.requeued()).toEqual([[id, 5 * 3600]]);

    e.at(6 * HOUR);
    await e.deliver([id]);
    expect(await block()).toMatchObject({ probes: 2 });
    expect(e.requeued()).toEqual([]); // 18 h away: more than a queue delay allows
    expect(await errors("discord")).toBe(3);

    expect(await e.sweepAt(12 * HOUR)).toEqual([]); // not due yet, not sent to the queue again
    expect(await e.sweepAt(24 * HOUR + SWEEP_AFTER_MS + 60_000)).toEqual([id]);
    await markFound({ platform: "discord", channelId: CHANNEL });
    e.at(24 * HOUR + SWEEP_AFTER_MS + 60_000);
    await e.deliver([id]);
    expect((await outboxRows())[0]).toMatchObject({ status: "sent", held_by: null });
    expect(await block()).toBeNull();
  });

  it("one probe per due moment, even when two batches reach it at once", async () => {
    await markLost({ platform: "discord", channelId: CHANNEL });
    const community = await seedCommunity("discord");
    const e = clockedDelivery();
    const other = clockedDelivery();
    const ids = (await writeDrafts(
      community,
      ["x", "y"].map((key) => ({ kind: "post" as const, key, channelId: CHANNEL, message: text(key) })),
    )) as [number, number];
    await e.deliver(ids);
    expect(await errors("discord")).toBe(1);
    e.at(HOUR);
    other.at(HOUR);
    await Promise.all([e.deliver([ids[0]]), other.deliver([ids[1]])]);
    expect(await errors("discord")).toBe(2);
    expect(await block()).toMatchObject({ probes: 1 });
  });

  it("a waiting message that expires is lost to the block; one without expiry waits 7 days at most", async () => {
    await markLost({ platform: "slack", channelId: "C0GONE", kind: "channel_not_found" });
    const community = await seedCommunity("slack");
    const e = clockedDelivery();
    const ids = await writeDrafts(community, [
      {
        kind: "post",
        key: "reminder",
        channelId: "C0GONE",
        message: text("soon"),
        expiresAt: new Date(Date.now() + 2 * HOUR),
      },
      { kind: "post", key: "welcome", channelId: "C0GONE", message: text("hi") },
    ]);
    await e.deliver(ids);
    // The reminder is due back at the probe (an hour, before it expires), the other too.
    expect(e.requeued().map(([, delay]) => delay)).toEqual([3600, 3600]);
    expect(await block()).toMatchObject({ cause: "channel_gone" });
    e.at(3 * HOUR);
    await e.deliver([ids[0] as number]);
    e.at(7 * 24 * HOUR + 60_000);
    await e.deliver([ids[1] as number]);
    expect((await outboxRows()).map((r) => [r.status, r.last_error])).toEqual([
      ["lost", "no access there until it expired"],
      ["lost", "no access there for 7 days"],
    ]);
  });

  it("a DM whose own channel is refused is undeliverable (its fallback goes out), not a block", async () => {
    const community = await seedCommunity("slack");
    await env.DB.prepare(
      "INSERT INTO dm_channels (community_id, user_id, channel_id) VALUES (?, 'U0GONE', 'D0GONE')",
    )
      .bind(community.id)
      .run();
    await markLost({ platform: "slack", channelId: "D0GONE", kind: "channel_not_found" });
    const e = clockedDelivery();
    const ids = await writeDrafts(community, [
      {
        kind: "dm",
        key: "welcome:U0GONE",
        userId: "U0GONE",
        message: text("welcome"),
        fallback: { channelId: "C0GENERAL", message: text("welcome, @U0GONE") },
      },
    ]);
    await e.deliver(ids);
    await e.deliver(e.requeued().map(([id]) => id));
    expect((await outboxRows()).map((r) => [r.idempotency_key, r.status])).toEqual([
      ["welcome:U0GONE", "undeliverable"],
      ["welcome:U0GONE:fallback", "sent"],
    ]);
    expect(await block()).toBeNull();
  });

  it("a workspace-wide loss clears once guyub sends with another token (reinstalled)", async () => {
    const community = await seedCommunity("slack");
    const e = clockedDelivery();
    await env.DB.prepare(
      "INSERT INTO delivery_blocks (community_id, scope, reason, cause, created_at, probe_at, credential) VALUES (?, '*', 'token_revoked', 'uninstalled', ?, ?, ?)",
    )
      .bind(
        community.id,
        new Date().toISOString(),
        new Date(Date.now() + HOUR).toISOString(),
        "0123456789abcdef",
      )
      .run();
    const ids = await writeDrafts(community, [
      { kind: "dm", key: "dm", userId: "U0AYU", message: text("hello") },
      { kind: "post", key: "p", channelId: "C0GENERAL", message: text("post") },
    ]);
    await e.deliver(ids);
    expect(await block()).toBeNull();
    expect((await outboxRows()).map((r) => r.status)).toEqual(["sent", "sent"]);
  });

  it("a workspace-wide loss under the same token holds everything, DMs too, without a call", async () => {
    const community = await seedCommunity("slack");
    const e = clockedDelivery();
    await markLost({ platform: "slack", channelId: "C0GENERAL", kind: "not_in_channel" });
    const [first] = await writeDrafts(community, [
      { kind: "post", key: "p", channelId: "C0GENERAL", message: text("post") },
    ]);
    await e.deliver([first as number]);
    const { credential } = (await env.DB.prepare("SELECT credential FROM delivery_blocks").first()) as {
      credential: string | null;
    };
    expect(credential).toBeNull(); // a channel's loss is not about the token
    await resetStandins();
    await markLost({ platform: "slack", token: env.SLACK_BOT_TOKEN as string });
    const [dm] = await writeDrafts(community, [
      { kind: "dm", key: "dm", userId: "U0AYU", message: text("x") },
    ]);
    await e.deliver([dm as number]);
    const wide = await env.DB.prepare(
      "SELECT cause, credential FROM delivery_blocks WHERE scope = '*'",
    ).first();
    expect(wide).toMatchObject({ cause: "uninstalled", credential: expect.stringMatching(/^[0-9a-f]{16}$/) });
    const [later] = await writeDrafts(community, [
      { kind: "dm", key: "dm2", userId: "U0BUDI", message: text("y") },
    ]);
    const before = await errors("slack");
    await e.deliver([later as number]);
    expect(await errors("slack")).toBe(before);
    expect((await outboxRows()).map((r) => [r.idempotency_key, r.status, r.held_by])).toEqual([
      ["p", "pending", "C0GENERAL"],
      ["dm", "pending", "*"],
      ["dm2", "pending", "*"],
    ]);
  });
});
