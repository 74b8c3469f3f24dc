import { beforeEach, describe, expect, it } from "vitest";
import { resetDb } from "./support/db.ts";
import {
  drain,
  outboxRows,
  QUICK_PACE,
  seedCommunity,
  testDelivery,
  text,
  writeDrafts,
} from "./support/delivery.ts";
import { resetStandins, sentTo } from "./support/worker.ts";

const CHANNEL = "300000000000000001";

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});

/** A post replying under another (`replyTo`), as the meeting's record replies under its announcement. */
describe("a reply under an earlier post", () => {
  it("on Discord waits for its parent, then goes as a reply (message_reference) in the parent's channel", async () => {
    const community = await seedCommunity("discord");
    const { deps, queue } = testDelivery({ paceScale: QUICK_PACE });
    const [reply] = await writeDrafts(community, [
      { kind: "post", key: "record:x", channelId: CHANNEL, replyTo: "announce:x", message: text("record") },
    ]);
    const [parent] = await writeDrafts(community, [
      { kind: "post", key: "announce:x", channelId: CHANNEL, message: text("announcement") },
    ]);
    // The reply comes first: its parent is still pending, so nothing is sent and it waits.
    await drain(deps, queue, [reply as number], 1);
    expect(await sentTo("discord")).toHaveLength(0);
    await drain(deps, queue, [parent as number, reply as number]);
    const posts = (await sentTo("discord")).filter(
      (c) => c.method === "POST" && c.route === `/channels/${CHANNEL}/messages`,
    );
    const rows = await outboxRows();
    const announced = rows.find((r) => r.idempotency_key === "announce:x")?.platform_message_id;
    expect(posts.map((p) => (p.body as { content?: string }).content)).toEqual(["announcement", "record"]);
    expect(posts[1]?.body).toMatchObject({
      message_reference: { message_id: announced, fail_if_not_exists: false },
    });
    expect((posts[1]?.response as { type?: number } | undefined)?.type).toBe(19);
  });

  it("on Slack goes in the parent's thread; a parent that never went out leaves a plain post", async () => {
    const community = await seedCommunity("slack");
    const { deps, queue } = testDelivery({ paceScale: QUICK_PACE });
    const ids = await writeDrafts(community, [
      { kind: "post", key: "announce:a", channelId: "C0GENERAL", message: text("announcement") },
      { kind: "post", key: "announce:b", channelId: "C0GENERAL", message: text("never sent") },
      {
        kind: "post",
        key: "record:a",
        channelId: "C0GENERAL",
        replyTo: "announce:a",
        message: text("record a"),
      },
      {
        kind: "post",
        key: "record:b",
        channelId: "C0GENERAL",
        replyTo: "announce:b",
        message: text("record b"),
      },
    ]);
    await drain(deps, queue, [ids[0] as number]);
    const { env } = await import("cloudflare:workers");
    await env.DB.prepare("UPDATE outbox SET status = 'skipped' WHERE idempotency_key = 'announce:b'").run();
    await drain(deps, queue, [ids[2] as number, ids[3] as number]);
    const posts = (await sentTo("slack")).filter((c) => c.method === "chat.postMessage");
    const ts = (posts[0]?.response as { ts?: string } | undefined)?.ts;
    const byText = (t: string) => posts.find((p) => (p.body as { text?: string }).text === t)?.body;
    expect(byText("record a")).toMatchObject({ channel: "C0GENERAL", thread_ts: ts });
    expect(byText("record b")).not.toHaveProperty("thread_ts");
  });
});
