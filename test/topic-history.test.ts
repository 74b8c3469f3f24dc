import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDb } from "./support/db.ts";
import { seedCommunity } from "./support/delivery.ts";
import { commandBody, MEMBER, replyText, signedSlack } from "./support/slack.ts";
import { ledger, seedTopic } from "./support/topic-refresh.ts";
import { isolate, resetStandins } from "./support/worker.ts";

const NOW = new Date("2027-04-01T03:00:00Z");

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});

async function ask(text: string): Promise<string> {
  const send = isolate({ now: () => NOW, sessionCacheMs: 0 });
  const request = await signedSlack("/slack/commands", commandBody(text, { user_id: MEMBER }), {
    timestamp: NOW.getTime() / 1000,
  });
  return replyText((await (await send(request)).json()) as { text?: string; blocks?: unknown[] });
}

async function chose(communityId: number, day: string, topicId: number) {
  await env.DB.prepare(
    "INSERT INTO meeting_topics (community_id, meeting_day, topic_id, source, decided_at) VALUES (?, ?, ?, 'rule', ?)",
  )
    .bind(communityId, day, topicId, `${day}T00:00:00Z`)
    .run();
}

describe("/cop topic history", () => {
  it("says so when no meeting with a topic was held", async () => {
    expect(await ask("topic history")).toContain("No meeting with a topic has been held yet");
  });

  it("lists held meetings newest first with day and host; member text is escaped, only the host is mentioned", async () => {
    const { id } = await seedCommunity("slack");
    const rubrics = await seedTopic(id, "Assessment rubrics", "2027-01-01T00:00:00Z");
    const loud = await seedTopic(id, "<!channel> ping everyone *now*", "2027-01-02T00:00:00Z");
    const planned = await seedTopic(id, "Not held yet", "2027-01-03T00:00:00Z");
    await chose(id, "2027-03-02", rubrics);
    await chose(id, "2027-03-09", loud);
    await chose(id, "2027-04-06", planned); // still ahead: not in the history
    await ledger(id, "hosted", "2027-03-02", "U0AYU", "2027-03-02T21:00:00Z");
    await ledger(id, "hosted", "2027-03-09", "U0BUDI", "2027-03-09T21:00:00Z");

    const reply = await ask("topic history");
    expect(reply).toContain("Topics discussed");
    const budi = reply.indexOf("<@U0BUDI>");
    const ayu = reply.indexOf("<@U0AYU>");
    expect(budi).toBeGreaterThan(-1);
    expect(ayu).toBeGreaterThan(budi); // newest first
    expect(reply).toContain("9 March 2027");
    expect(reply).toContain("Assessment rubrics");
    expect(reply).not.toContain("<!channel>");
    expect(reply).toContain("&lt;!channel&gt;");
    expect(reply).not.toContain("Not held yet");
  });

  it("a host who asked guyub to forget them shows as 'a former member', never a broken mention", async () => {
    const { id } = await seedCommunity("slack");
    const rubrics = await seedTopic(id, "Assessment rubrics", "2027-01-01T00:00:00Z");
    await chose(id, "2027-03-02", rubrics);
    await ledger(id, "hosted", "2027-03-02", "former:7", "2027-03-02T21:00:00Z");
    const reply = await ask("topic history");
    expect(reply).toContain("a former member");
    expect(reply).not.toContain("former:7");
  });
});
