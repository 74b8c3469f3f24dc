import { beforeEach, describe, expect, it } from "vitest";
import type { Effect } from "../src/core/model.ts";
import { resetDb } from "./support/db.ts";
import { seedCommunity } from "./support/delivery.ts";
import {
  commandInteraction,
  DISCORD_MEMBER,
  DISCORD_MODERATOR,
  group,
  MANAGE_GUILD,
  moderatorInteraction,
  signedDiscord,
  str,
  sub,
} from "./support/discord.ts";
import { discordSubmit, packedButton, slackButton, slackSubmit } from "./support/interactions.ts";
import { deliverAll, dispatchAt, rows, slackAt, slackTraffic } from "./support/meetings.ts";
import { realStore } from "./support/profiles.ts";
import { commandBody, MEMBER, MODERATOR, signedSlack } from "./support/slack.ts";
import { isolate, outboxQueue, resetStandins, sentTo } from "./support/worker.ts";

// Tuesdays at 19:00 in Jakarta (12:00 UTC), first on 2 March 2027; U0MEMBER hosts it.
const SETUP = new Date("2027-02-24T03:00:00Z");
const SOON = new Date("2027-02-28T05:00:00Z");
const AFTER = new Date("2027-03-02T13:10:00Z");
const OTHER = "U0OTHER";
const DAY = "2027-03-02";

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
});

async function setUp() {
  await slackAt(SETUP, "timezone Asia/Jakarta");
  await slackAt(SETUP, "onboarding channel <#C0GENERAL|general>");
  await slackAt(SETUP, "help", MEMBER);
  await slackAt(SETUP, "help", OTHER);
  await slackAt(SETUP, "meeting schedule weekly tue 19:00 https://meet.example/cop");
  await rows("UPDATE members SET joined_at = '2027-01-01T00:00:00.000Z'");
  await dispatchAt(new Date("2027-02-27T02:00:00Z")); // announced: U0MEMBER hosts
  const id = Number((await rows("SELECT id FROM communities"))[0]?.id);
  for (const user of [OTHER, MEMBER]) await press(SOON, packedButton(id, "meeting.rsvp", [DAY, "yes"]), user);
  await press(SOON, packedButton(id, "meeting.rsvp", [DAY, "maybe"]), MODERATOR);
  return id;
}

async function press(when: Date, packed: string, user: string) {
  const send = isolate({ now: () => when, sessionCacheMs: 0 });
  return send(await slackButton(packed, { user, timestamp: when.getTime() / 1000 }));
}

/** Submits the done form on Slack as `user` at AFTER; returns the request so a test can send it again. */
async function submit(id: number, values: { attended: string[]; notes: string }, user = MEMBER) {
  return slackSubmit(`meeting.held:${id}:${DAY}`, values, {
    user,
    title: "Meeting held",
    selects: { attended: "multi_users_select" },
    timestamp: AFTER.getTime() / 1000,
  });
}
const at = (when: Date) => isolate({ now: () => when, sessionCacheMs: 0 });
const attendance = () => rows("SELECT user_id, source, recorded_by FROM meeting_attendance ORDER BY user_id");
const ledger = () => rows("SELECT member_id, reason, notes FROM rotation_ledger WHERE kind = 'hosted'");

describe("/cop meeting done on Slack: the host confirms who attended", () => {
  it("opens a form pre-filled with the yes answers and the notes; submitting marks it held with the people, once", async () => {
    const id = await setUp();
    const command = commandBody("meeting done Rubrics", { user_id: MEMBER });
    const timestamp = AFTER.getTime() / 1000;
    expect((await at(AFTER)(await signedSlack("/slack/commands", command, { timestamp }))).status).toBe(200);
    const [opened] = (await sentTo("slack")).filter((c) => c.method === "views.open");
    expect(opened?.response).toMatchObject({ ok: true }); // the stand-in checked the picker as Slack does
    const view = JSON.parse(String((opened?.body as { view?: string } | undefined)?.view));
    expect(view.callback_id).toBe(`meeting.held:${id}:${DAY}`);
    expect(view.blocks[0].element).toEqual({
      type: "multi_users_select",
      action_id: "attended",
      max_selected_items: 25,
      initial_users: [MEMBER, OTHER], // same moment: by user id
    });
    expect(view.blocks[1].element.initial_value).toBe("Rubrics");
    expect(await ledger()).toEqual([]); // opening the form writes nothing

    const request = await submit(id, { attended: [MEMBER, MODERATOR], notes: "Rubrics for project work" });
    const worker = at(AFTER);
    expect((await worker(request.clone())).status).toBe(200);
    expect((await worker(request)).status).toBe(200); // Slack's retry of the same submission
    expect(await ledger()).toEqual([
      { member_id: MEMBER, reason: "marked", notes: "Rubrics for project work" },
    ]);
    expect(await attendance()).toEqual([
      { user_id: MEMBER, source: "host", recorded_by: MEMBER },
      { user_id: MODERATOR, source: "host", recorded_by: MEMBER },
    ]);
    // Marked: the command and the form say so and change nothing.
    expect(await slackAt(AFTER, "meeting done", MEMBER)).toContain("already marked");
    await at(AFTER)(await submit(id, { attended: [OTHER], notes: "" }));
    expect(await attendance()).toHaveLength(2);
  }, 30_000);

  it("beyond 25 yes answers the form holds the first 25 and says 'I was there' is the way", async () => {
    const id = await setUp();
    for (let i = 0; i < 24; i++)
      await rows(
        "INSERT INTO meeting_rsvps VALUES (?, ?, ?, 'yes', '2027-03-01T00:00:00.000Z')",
        id,
        DAY,
        `U0YES${String(i).padStart(2, "0")}`,
      );
    const command = commandBody("meeting done", { user_id: MEMBER });
    const timestamp = AFTER.getTime() / 1000;
    await at(AFTER)(await signedSlack("/slack/commands", command, { timestamp }));
    const [opened] = (await sentTo("slack")).filter((c) => c.method === "views.open");
    const view = JSON.parse(String((opened?.body as { view?: string } | undefined)?.view));
    expect(view.blocks[0].element.initial_users).toHaveLength(25);
    expect(view.blocks[0].hint.text).toBe(
      "26 said yes and 25 fit here: the others can press “I was there” on the record.",
    );
  }, 30_000);

  it("the host's confirmation refreshes the meeting's record with the new count", async () => {
    const id = await setUp();
    await deliverAll();
    await press(new Date("2027-03-02T12:30:00Z"), packedButton(id, "memory.attend", [DAY]), OTHER);
    await deliverAll();
    await at(AFTER)(await submit(id, { attended: [MEMBER, MODERATOR], notes: "" }));
    await deliverAll();
    const { updates } = await slackTraffic();
    const records = updates.map((u) => JSON.stringify(u.body)).filter((b) => b.includes("What we learned"));
    // U0OTHER pressed "I was there"; the host confirmed two more.
    expect(records.at(-1)).toMatch(/Attended\*?[^0-9]*3/);
  }, 30_000);

  it("replaces earlier host rows of the meeting but never a member's own 'I was there'", async () => {
    const id = await setUp();
    await rows(
      `INSERT INTO meeting_attendance VALUES (?, ?, ?, 'self', ?, '2027-03-02T12:30:00.000Z'),
         (?, ?, ?, 'host', ?, '2027-03-02T12:40:00.000Z')`,
      ...[id, DAY, OTHER, OTHER, id, DAY, MODERATOR, MEMBER],
    );
    await at(AFTER)(await submit(id, { attended: [MEMBER, OTHER], notes: "" }));
    expect(await attendance()).toEqual([
      { user_id: MEMBER, source: "host", recorded_by: MEMBER },
      { user_id: OTHER, source: "self", recorded_by: OTHER },
    ]);
  }, 30_000);

  it("bad input: long notes, a non-member, too many people, a stranger: a clear answer and nothing written", async () => {
    const id = await setUp();
    const answer = async (request: Request) => JSON.stringify(await (await at(AFTER)(request)).json());
    expect(await answer(await submit(id, { attended: [MEMBER], notes: "x".repeat(1001) }))).toContain(
      "Notes can be at most 1,000 characters.",
    );
    expect(await answer(await submit(id, { attended: [MEMBER, "U0STRANGER"], notes: "" }))).toContain(
      "1 of the people chosen are not members of this community",
    );
    const many = Array.from({ length: 26 }, (_, i) => `U0P${i}`);
    expect(await answer(await submit(id, { attended: many, notes: "" }))).toContain("At most 25 people here");
    await answer(await submit(id, { attended: [OTHER], notes: "" }, OTHER));
    expect(await slackAt(AFTER, "meeting done", OTHER)).toContain("Only the meeting's host");
    expect(await ledger()).toEqual([]);
    expect(await attendance()).toEqual([]);
  }, 30_000);

  it("the reminder's 'Mark as held' button opens the same form; before the meeting it refuses", async () => {
    const id = await setUp();
    await press(new Date("2027-03-02T11:30:00Z"), packedButton(id, "meeting.done", [DAY]), MEMBER);
    await press(AFTER, packedButton(id, "meeting.done", [DAY]), MODERATOR);
    const calls = await sentTo("slack");
    expect(JSON.stringify(calls.filter((c) => c.method === "response_url"))).toContain("has not started yet");
    const opened = calls.filter((c) => c.method === "views.open");
    expect(opened).toHaveLength(1);
    expect(String((opened[0]?.body as { view?: string } | undefined)?.view)).toContain(
      `meeting.held:${id}:${DAY}`,
    );
  }, 30_000);
});

describe("/cop meeting done on Discord", () => {
  const NOW = new Date("2027-03-02T19:30:00Z");
  const send = async (payload: unknown, when = NOW) =>
    (await (
      await isolate({ now: () => when, sessionCacheMs: 0 })(
        await signedDiscord(payload, { timestamp: when.getTime() / 1000 }),
      )
    ).json()) as { type: number; data: Record<string, unknown> };

  it("a modal with a user select (type 5) holding the yes answers; the submit writes host rows", async () => {
    const moderator = { user: DISCORD_MODERATOR, permissions: MANAGE_GUILD };
    const options = [str("cadence", "weekly"), str("weekday", "tue"), str("time", "19:00")];
    await send(moderatorInteraction([group("meeting", sub("schedule", options))], moderator), SETUP);
    await send(commandInteraction([sub("help")]), SETUP);
    const id = Number((await rows("SELECT id FROM communities"))[0]?.id);
    await rows(
      "INSERT INTO meeting_rsvps VALUES (?, ?, ?, 'yes', '2027-03-01T00:00:00.000Z')",
      id,
      DAY,
      DISCORD_MEMBER,
    );
    const modal = await send(commandInteraction([group("meeting", sub("done"))], moderator));
    expect(modal.type).toBe(9);
    const [label] = modal.data.components as { type: number; component: Record<string, unknown> }[];
    expect(label?.component).toMatchObject({
      type: 5,
      custom_id: "attended",
      max_values: 25,
      default_values: [{ id: DISCORD_MEMBER, type: "user" }],
    });
    const values = { attended: [DISCORD_MEMBER, DISCORD_MODERATOR], notes: "Rubrik" };
    const submitted = discordSubmit(`meeting.held:${id}:${DAY}`, values, {
      user: DISCORD_MODERATOR,
      users: ["attended"],
    });
    const done = await send({ ...submitted, member: { ...submitted.member, permissions: MANAGE_GUILD } });
    expect(JSON.stringify(done)).toContain("Attendance confirmed: 2.");
    expect(await rows("SELECT user_id, source FROM meeting_attendance ORDER BY user_id")).toEqual([
      { user_id: DISCORD_MEMBER, source: "host" },
      { user_id: DISCORD_MODERATOR, source: "host" },
    ]);
  }, 30_000);
});

describe("the attendance effect in D1", () => {
  it("holds only in the batch that marked the meeting held: a racing second submission writes nothing", async () => {
    const store = realStore();
    const community = await seedCommunity("slack");
    for (const user of [MEMBER, OTHER, MODERATOR])
      await rows(
        `INSERT INTO members (community_id, platform_user_id, joined_at, created_at, updated_at)
         VALUES (?, ?, '2027-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z')`,
        community.id,
        user,
      );
    const batch = (people: string[], by: string): Effect[] => [
      {
        type: "meeting.close",
        scheduledDay: DAY,
        close: { kind: "hosted", memberId: MEMBER, reason: "marked", notes: null, recordedBy: by },
      },
      { type: "attendance.confirm", meetingDay: DAY, userIds: people, recordedBy: by },
    ];
    await store.apply(community, batch([MEMBER, OTHER], MEMBER), null, AFTER);
    // Both read "not marked yet"; the moderator's lands a second later: the ledger keeps the first.
    await store.apply(community, batch([MODERATOR], MODERATOR), null, new Date(AFTER.getTime() + 1000));
    expect(await attendance()).toEqual([
      { user_id: MEMBER, source: "host", recorded_by: MEMBER },
      { user_id: OTHER, source: "host", recorded_by: MEMBER },
    ]);
  }, 30_000);
});
