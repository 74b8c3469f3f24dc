import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { jobDepsAt } from "../src/compose.ts";
import { translator } from "../src/core/i18n/index.ts";
import type { Community } from "../src/core/model.ts";
import { meetingAnnounce } from "../src/features/meetings/announce-job.ts";
import { announcementUpdate } from "../src/features/meetings/announcement.ts";
import { topicRefresh } from "../src/features/topics/refresh-job.ts";
import { resetDb } from "./support/db.ts";
import { seedCommunity } from "./support/delivery.ts";
import { RecordingQueue } from "./support/queue.ts";
import { commandBody, replyText, signedSlack } from "./support/slack.ts";
import { rows, seedMembers, seedTopic, seedVotes, seedWeekly, store, tick } from "./support/topic-refresh.ts";
import { isolate, resetStandins, testEnv } from "./support/worker.ts";

// Weekly on Tuesdays at 19:00 UTC from 2 March 2027; the meeting of 9 March is announced on 6 March at 09:00.
const AFTER_FIRST = new Date("2027-03-02T20:30:00Z");
const ANNOUNCE = new Date("2027-03-06T09:00:00Z");
const NEXT = "2027-03-09";
const KINDS = [topicRefresh, meetingAnnounce];

let community: Community;

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  community = await seedCommunity("slack");
  await env.DB.prepare("UPDATE communities SET main_channel_id = 'C0GENERAL'").run();
  await seedMembers(community.id, "U0AYU", "U0BUDI", "U0CITRA");
  await seedWeekly(community.id, "2027-03-02");
});

const payloads = (key: string) =>
  rows<{ payload: string }>("SELECT payload FROM outbox WHERE idempotency_key LIKE ? ORDER BY id", key);

describe("the chosen topic in the announcement and /cop meeting next", () => {
  it("the announcement and /cop meeting next carry the topic the refresh chose", async () => {
    const rubrics = await seedTopic(community.id, "Assessment rubrics", "2027-01-10T00:00:00Z");
    await seedVotes(community.id, rubrics, "2027-03-01T00:00:00Z", "V1");
    await tick(AFTER_FIRST, KINDS);
    await tick(ANNOUNCE, KINDS);
    const [announcement] = await payloads(`announce:${NEXT}`);
    expect(announcement?.payload).toContain("Assessment rubrics");
    // An edit of the announcement (an RSVP, a pass) keeps the topic.
    const ctx = { community, t: translator("en"), now: ANNOUNCE, store: store() };
    expect(JSON.stringify(await announcementUpdate(ctx, NEXT))).toContain("Assessment rubrics");

    const at = new Date("2027-03-06T10:00:00Z");
    const send = isolate({ now: () => at, sessionCacheMs: 0 });
    const request = await signedSlack("/slack/commands", commandBody("meeting next", { user_id: "U0AYU" }), {
      timestamp: at.getTime() / 1000,
    });
    expect(replyText((await (await send(request)).json()) as { text?: string })).toContain(
      "Topic: Assessment rubrics",
    );
  });

  it("announced before any topic existed: the later choice edits the topic into the announcement", async () => {
    await tick(AFTER_FIRST, KINDS);
    await tick(ANNOUNCE, KINDS);
    expect(await payloads(`announce:${NEXT}`)).toHaveLength(1);
    expect(await rows("SELECT * FROM meeting_topics")).toEqual([]);

    await seedTopic(community.id, "Talking with parents", "2027-03-06T12:00:00Z");
    const queue = new RecordingQueue();
    const deps = jobDepsAt(testEnv({ OUTBOX: queue.asQueue() }))(new Date("2027-03-08T09:00:00Z"));
    await topicRefresh.run(deps, { communityId: community.id, period: "week:2027-03-08" });
    const edits = await payloads(`announce:${NEXT}:edit:%`);
    expect(edits).toHaveLength(1);
    expect(edits[0]?.payload).toContain("Talking with parents");
    // After the announcement the host is offered nothing: the topic stands.
    expect(await rows("SELECT * FROM outbox WHERE idempotency_key LIKE 'topics:%'")).toEqual([]);
  });
});
