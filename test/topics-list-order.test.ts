import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDb } from "./support/db.ts";
import { replyText } from "./support/slack.ts";
import { communityOf, seedTopics, slackAsk } from "./support/topics.ts";
import { isolate, resetStandins } from "./support/worker.ts";

const worker = () => isolate({ sessionCacheMs: 0 });
const DAY_MS = 24 * 60 * 60 * 1000;

/** `count` votes on `topicId` cast `daysAgo` days before now, by made-up members. */
async function votes(communityId: number, topicId: number, count: number, daysAgo: number) {
  const at = new Date(Date.now() - daysAgo * DAY_MS).toISOString();
  for (let i = 0; i < count; i++)
    await env.DB.prepare(
      "INSERT INTO topic_votes (community_id, topic_id, user_id, voted_at) VALUES (?, ?, ?, ?)",
    )
      .bind(communityId, topicId, `U0VOTER${topicId}${i}`, at)
      .run();
}

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});

describe("topic list order", () => {
  it("follows the refresh rule's fading score, not the raw vote count", async () => {
    const send = worker();
    await slackAsk(send, "help");
    const community = await communityOf("slack");
    await seedTopics(community, 3);
    // #1: three votes of four months ago (each weighs 1/16 with a 30-day half-life: 0.19 in all);
    // #2: one vote of today (1.0); #3: none. By count #1 leads; by the rule #2 does.
    await votes(community, 1, 3, 120);
    await votes(community, 2, 1, 0);
    const text = replyText(await slackAsk(send, "topic list"));
    const order = ["#2 ", "#1 ", "#3 "].map((id) => text.indexOf(id));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(text).toContain("#1 Seeded topic number 1 about &lt;!channel&gt; &amp; more — 3 votes");
  });
});
