import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { createDb } from "../src/db/client.ts";
import { createCommunityStore } from "../src/db/store.ts";
import { resetDb } from "./support/db.ts";
import { drain, outboxRows, seedCommunity, testDelivery, text, writeDrafts } from "./support/delivery.ts";
import { resetStandins, sentTo } from "./support/worker.ts";

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});

describe("an edit of a message not sent yet", () => {
  it("rewrites the message itself, so a post retried after its edits were skipped shows the newest text", async () => {
    const community = await seedCommunity("slack");
    const { deps, queue } = testDelivery();
    await writeDrafts(community, [{ kind: "post", key: "rsvp", channelId: "C1", message: text("0 coming") }]);
    // The post failed for good before anyone answered.
    await env.DB.prepare("UPDATE outbox SET status = 'dead' WHERE idempotency_key = 'rsvp'").run();
    const edit = await writeDrafts(community, [
      { kind: "edit", key: "rsvp:1", editOf: "rsvp", message: text("1 coming") },
    ]);
    await drain(deps, queue, edit);
    expect((await outboxRows()).map((r) => r.status)).toEqual(["dead", "skipped"]);
    // A moderator retries: the post goes out as the newest edit said, once.
    const store = createCommunityStore(createDb(env.DB), env.DB);
    const applied = await store.apply(
      community,
      [{ type: "delivery.retryDead", limit: 500 }],
      null,
      new Date(),
    );
    await drain(deps, queue, applied.enqueue);
    const calls = await sentTo("slack");
    expect(calls.map((c) => c.method)).toEqual(["chat.postMessage"]);
    expect(calls[0]?.body).toMatchObject({ text: "1 coming" });
  });

  it("leaves a message that was sent alone: the edit changes it on the platform", async () => {
    const community = await seedCommunity("slack");
    const { deps, queue } = testDelivery();
    const post = await writeDrafts(community, [
      { kind: "post", key: "rsvp", channelId: "C1", message: text("0 coming") },
    ]);
    await drain(deps, queue, post);
    const edit = await writeDrafts(community, [
      { kind: "edit", key: "rsvp:1", editOf: "rsvp", message: text("1 coming") },
    ]);
    await drain(deps, queue, edit);
    const rows = await outboxRows();
    expect(String(rows[0]?.payload)).toContain("0 coming");
    expect((await sentTo("slack")).map((c) => c.method)).toEqual(["chat.postMessage", "chat.update"]);
  });
});
