import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { Community } from "../src/core/model.ts";
import { createDb } from "../src/db/client.ts";
import { createCommunityStore } from "../src/db/store.ts";
import { memoryRecordCatchUp } from "../src/features/memory/record-job.ts";
import { memoryRecordStart } from "../src/features/memory/record-start-job.ts";
import { resetDb } from "./support/db.ts";
import { announcedMeeting, deliverAll, dispatchAt, rows, slackAt, slackTraffic } from "./support/meetings.ts";
import { MEMBER } from "./support/slack.ts";
import { outboxQueue, resetStandins, sentTo } from "./support/worker.ts";

// Scheduled on a Wednesday; announced on Saturday; the meeting is Tuesday 2 March 2027, 19:00 WIB.
const ANNOUNCE = new Date("2027-02-27T02:00:00Z");
const AFTER = new Date("2027-03-03T03:00:00Z");
const TICK = new Date("2027-03-03T03:15:00Z");
const DAY = "2027-03-02";

const setUp = announcedMeeting;

const START = new Date("2027-03-02T12:00:00Z");

/** The record's posts in the announcement's thread. */
async function threaded(): Promise<string[]> {
  return (await sentTo("slack"))
    .filter((c) => c.method === "chat.postMessage" && (c.body as Record<string, unknown>).thread_ts)
    .map((c) => JSON.stringify(c.body));
}

/** The record's texts as Slack last shows them (its edits). */
async function recordUpdates(): Promise<string[]> {
  const { updates } = await slackTraffic();
  return updates.map((u) => JSON.stringify(u.body)).filter((b) => b.includes("What we learned"));
}

/** An entry stored by a change whose record edit lost the race (written without its draft). */
async function lostRace(body: string) {
  const community = (await rows("SELECT * FROM communities"))[0] as unknown as Community;
  const store = createCommunityStore(createDb(env.DB), env.DB);
  await store.apply(
    { ...community, id: Number(community.id) },
    [{ type: "memory.add", meetingDay: DAY, kind: "note", author: MEMBER, body, url: null, assignee: null }],
    null,
    AFTER,
  );
}

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
});

describe("the record's catch-up job", () => {
  it("redraws a record whose edit lost a race, once, through the same record drawing", async () => {
    await setUp();
    await slackAt(AFTER, "meeting note First", MEMBER);
    await deliverAll();
    // Every record shows its meeting: nothing is due.
    expect(await dispatchAt(TICK, 1, [memoryRecordCatchUp])).toEqual([]);
    await lostRace("Second, from the loser of the race");
    expect(await dispatchAt(TICK, 2, [memoryRecordCatchUp])).toEqual(["memory-record 2027-03-03T03:15Z"]);
    await deliverAll();
    const updates = await recordUpdates();
    expect(updates).toHaveLength(1);
    expect(updates[0]).toContain("#1 First");
    expect(updates[0]).toContain("#2 Second, from the loser of the race");
    // Drawn as the meeting now is: the next quarter-hour has nothing to do.
    expect(await dispatchAt(new Date("2027-03-03T03:30:00Z"), 1, [memoryRecordCatchUp])).toEqual([]);
  });

  it("also catches a removal and an attendance that lost, and leaves meetings over 30 days alone", async () => {
    await setUp();
    await slackAt(AFTER, "meeting note First", MEMBER);
    await slackAt(AFTER, "meeting note Second", MEMBER);
    await deliverAll();
    await rows("DELETE FROM meeting_entries WHERE number = 2");
    await rows(
      "INSERT INTO meeting_attendance (community_id, meeting_day, user_id, source, recorded_by, recorded_at) SELECT id, ?, ?, 'self', ?, ? FROM communities",
      DAY,
      MEMBER,
      MEMBER,
      AFTER.toISOString(),
    );
    expect(await dispatchAt(TICK, 1, [memoryRecordCatchUp])).toHaveLength(1);
    await deliverAll();
    const last = (await recordUpdates()).at(-1) ?? "";
    expect(last).not.toContain("#2 Second");
    expect(last).toMatch(/Attended\*?[^0-9]*1/);
    await lostRace("Third");
    // 40 days on, the record is out of the window: nothing due.
    expect(await dispatchAt(new Date("2027-04-11T03:00:00Z"), 1, [memoryRecordCatchUp])).toEqual([]);
  });
});

describe("the record posted when the meeting starts", () => {
  it("is posted once at the start, with “I was there”, and entries then edit it", async () => {
    await setUp();
    expect(await dispatchAt(new Date("2027-03-02T11:45:00Z"), 1, [memoryRecordStart])).toEqual([]);
    expect(await dispatchAt(START, 2, [memoryRecordStart])).toEqual([`memory-record-start ${DAY}`]);
    await deliverAll();
    let posts = await threaded();
    expect(posts).toHaveLength(1);
    expect(posts[0]).toContain("I was there");
    expect(posts[0]).toContain("No notes yet.");
    // Claimed once: the next quarter-hour posts nothing again.
    expect(await dispatchAt(new Date("2027-03-02T12:15:00Z"), 1, [memoryRecordStart])).toEqual([]);
    await slackAt(new Date("2027-03-02T12:20:00Z"), "meeting note First", MEMBER);
    await deliverAll();
    posts = await threaded();
    expect(posts).toHaveLength(1);
    expect((await recordUpdates()).at(-1)).toContain("#1 First");
  });

  it("an entry while the start's post still waits changes that post, which still replies in the thread", async () => {
    await setUp();
    expect(await dispatchAt(START, 1, [memoryRecordStart])).toHaveLength(1);
    // Not delivered yet: the note's edit is folded into the waiting post.
    await slackAt(new Date("2027-03-02T12:05:00Z"), "meeting note Early", MEMBER);
    await deliverAll();
    const posts = await threaded();
    expect(posts).toHaveLength(1);
    expect(posts[0]).toContain("#1 Early");
  });

  it("is harmless when an entry posted the record first", async () => {
    await setUp();
    await slackAt(START, "meeting note First", MEMBER);
    expect(await dispatchAt(START, 1, [memoryRecordStart])).toEqual([`memory-record-start ${DAY}`]);
    await deliverAll();
    const posts = await threaded();
    expect(posts).toHaveLength(1);
    expect(posts[0]).toContain("#1 First");
    expect(await rows("SELECT count(*) AS n FROM outbox WHERE idempotency_key LIKE 'record:%'")).toEqual([
      { n: 1 },
    ]);
  });

  it("is not posted for a cancelled meeting", async () => {
    await setUp();
    await slackAt(ANNOUNCE, "meeting cancel 2027-03-02");
    await deliverAll();
    expect(await dispatchAt(START, 1, [memoryRecordStart])).toEqual([]);
    expect(await rows("SELECT count(*) AS n FROM outbox WHERE idempotency_key LIKE 'record:%'")).toEqual([
      { n: 0 },
    ]);
  });
});
