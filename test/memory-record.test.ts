import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { Community, Effect } from "../src/core/model.ts";
import { createDb } from "../src/db/client.ts";
import { createCommunityStore } from "../src/db/store.ts";
import { entryLength, recordFingerprint } from "../src/features/memory/record-key.ts";
import { resetDb, snapshot } from "./support/db.ts";
import { packedButton, slackButton } from "./support/interactions.ts";
import { announcedMeeting, deliverAll, rows, slackAt, slackTraffic } from "./support/meetings.ts";
import { MEMBER } from "./support/slack.ts";
import { isolate, outboxQueue, resetStandins } from "./support/worker.ts";

// Scheduled on a Wednesday; announced on Saturday; the meeting is Tuesday 2 March 2027, 19:00 WIB.
const AFTER = new Date("2027-03-03T03:00:00Z");
const DAY = "2027-03-02";

const setUp = announcedMeeting;

async function press(when: Date, user: string, day = DAY): Promise<string> {
  const id = Number((await rows("SELECT id FROM communities"))[0]?.id);
  const send = isolate({ now: () => when, sessionCacheMs: 0 });
  await send(
    await slackButton(packedButton(id, "memory.attend", [day]), { user, timestamp: when.getTime() / 1000 }),
  );
  // The private answer goes to the press's response_url.
  const { replies } = await slackTraffic();
  return JSON.stringify(replies.at(-1)?.body ?? "");
}

/** The texts guyub sent to Slack as the record (posts in a thread and their updates). */
async function recordCalls() {
  const { updates } = await slackTraffic();
  const { sentTo } = await import("./support/worker.ts");
  const threaded = (await sentTo("slack")).filter(
    (c) => c.method === "chat.postMessage" && (c.body as Record<string, unknown>).thread_ts,
  );
  return { threaded, updates: updates.filter((u) => JSON.stringify(u.body).includes("What we learned")) };
}

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
});

describe("the meeting's record", () => {
  it("is posted once as a reply in the announcement's thread, then edited in place as entries come", async () => {
    await setUp();
    const [announcement] = await rows(
      "SELECT platform_message_id FROM outbox WHERE idempotency_key = ?",
      `announce:${DAY}`,
    );
    await slackAt(AFTER, "meeting note Peer review works best with a rubric", MEMBER);
    await deliverAll();
    let calls = await recordCalls();
    expect(calls.threaded).toHaveLength(1);
    expect(calls.threaded[0]?.body).toMatchObject({
      channel: "C0GENERAL",
      thread_ts: announcement?.platform_message_id,
    });
    expect(JSON.stringify(calls.threaded[0]?.body)).toContain("#1 Peer review works best with a rubric");
    await slackAt(AFTER, "meeting resource https://example.org/r Rubric template", MEMBER);
    await deliverAll();
    calls = await recordCalls();
    expect(calls.threaded).toHaveLength(1);
    expect(calls.updates).toHaveLength(1);
    const edited = JSON.stringify(calls.updates[0]?.body);
    expect(edited).toContain("#1 Peer review works best with a rubric");
    expect(edited).toContain("#2 Rubric template https://example.org/r");
    expect(await rows("SELECT count(*) AS n FROM outbox WHERE idempotency_key = ?", `record:${DAY}`)).toEqual(
      [{ n: 1 }],
    );
  });

  it("an edit rendered from a state another change has moved past is not written", async () => {
    await setUp();
    await slackAt(AFTER, "meeting note First", MEMBER);
    const community = (await rows("SELECT * FROM communities"))[0] as unknown as Community;
    const store = createCommunityStore(createDb(env.DB), env.DB);
    const before = await store.memory.record(community.id, DAY);
    const [first] = before.entries;
    if (!first) throw new Error("no entry");
    // Rendered for "First" with a second note, as a command reads it...
    const fingerprint = recordFingerprint({
      count: 2,
      lastChange: AFTER.toISOString(),
      textLength: entryLength(first) + "Second".length,
      numbers: 3,
      attended: 0,
    });
    const effect = (key: string): Effect => ({
      type: "memory.add",
      meetingDay: DAY,
      kind: "note",
      author: MEMBER,
      body: "Second",
      url: null,
      assignee: null,
      record: {
        meetingDay: DAY,
        fingerprint,
        draft: { kind: "edit", key, editOf: `record:${DAY}`, message: { visibility: "public", blocks: [] } },
      },
    });
    // ...but another change lands between that read and this batch: no edit that would hide it.
    await rows("UPDATE meeting_entries SET body = 'First, changed meanwhile'");
    await store.apply({ ...community, id: Number(community.id) }, [effect("stale")], null, AFTER);
    expect(await rows("SELECT idempotency_key FROM outbox WHERE idempotency_key = 'stale'")).toEqual([]);
    // The same rendered for the state as it is: written.
    await rows("UPDATE meeting_entries SET body = 'First' WHERE number = 1");
    await rows("DELETE FROM meeting_entries WHERE number = 2");
    await store.apply({ ...community, id: Number(community.id) }, [effect("fresh")], null, AFTER);
    expect(await rows("SELECT idempotency_key FROM outbox WHERE idempotency_key = 'fresh'")).toEqual([
      { idempotency_key: "fresh" },
    ]);
  });

  it("“I was there” counts a member once and refreshes the record; too late after 30 days", async () => {
    await setUp();
    await slackAt(AFTER, "meeting note First", MEMBER);
    expect(await press(AFTER, MEMBER)).toContain("You are counted as attending");
    expect(await press(AFTER, MEMBER)).toContain("already counted");
    expect(await rows("SELECT user_id, source, recorded_by FROM meeting_attendance")).toEqual([
      { user_id: MEMBER, source: "self", recorded_by: MEMBER },
    ]);
    await deliverAll();
    const { updates } = await recordCalls();
    expect(JSON.stringify(updates.at(-1)?.body)).toMatch(/Attended\*?[^0-9]*1/);
    const late = new Date("2027-04-10T03:00:00Z");
    await slackAt(late, "help", "U0LATE");
    const settled = await snapshot();
    expect(await press(late, "U0LATE")).toContain("too late to mark attendance");
    expect(await snapshot()).toBe(settled);
  });
});
