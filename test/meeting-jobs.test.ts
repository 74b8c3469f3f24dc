import { beforeEach, describe, expect, it } from "vitest";
import { resetDb } from "./support/db.ts";
import { packedButton, slackButton, slackSubmit } from "./support/interactions.ts";
import { deliverAll, dispatchAt, rows, slackAt, slackTraffic } from "./support/meetings.ts";
import { MEMBER, MODERATOR } from "./support/slack.ts";
import { isolate, outboxQueue, resetStandins } from "./support/worker.ts";

// A Wednesday; the community meets on Tuesdays at 19:00 in Jakarta (12:00 UTC), first on 2 March 2027.
const SETUP = new Date("2027-02-24T03:00:00Z");
const at = (iso: string) => new Date(iso);

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
});

/** A community with a main channel, a weekly meeting, and two members who have been around for a while. */
async function setUp(when = SETUP, schedule = "meeting schedule weekly tue 19:00 https://meet.example/cop") {
  await slackAt(when, "timezone Asia/Jakarta");
  await slackAt(when, "onboarding channel <#C0GENERAL|general>");
  await slackAt(when, "help", MEMBER);
  const reply = await slackAt(when, schedule);
  // Eligible to host: past their first week (joined_at is the first command's moment otherwise).
  await rows("UPDATE members SET joined_at = '2027-01-01T00:00:00.000Z'");
  return reply;
}

const communityId = async () => Number((await rows("SELECT id FROM communities"))[0]?.id);

/** Presses a button on Slack at a pinned moment. */
async function press(when: Date, packed: string, user: string) {
  const send = isolate({ now: () => when, sessionCacheMs: 0 });
  await send(await slackButton(packed, { user, timestamp: when.getTime() / 1000 }));
}

describe("announcements, RSVPs and reminders", () => {
  it("announces once and reminds once though the cron runs twice; RSVPs edit the announcement in place", async () => {
    await setUp();
    expect(await dispatchAt(at("2027-02-26T12:00:00Z"))).toEqual([]); // more than 3 days ahead
    // 09:00 in Jakarta, three days before: the cron runs twice that quarter-hour, each message twice.
    expect(await dispatchAt(at("2027-02-27T02:00:00Z"), 2)).toEqual(["meeting-announce 2027-03-02"]);
    await deliverAll();
    let traffic = await slackTraffic();
    expect(traffic.posts).toHaveLength(1);
    const announcement = JSON.stringify(traffic.posts[0]?.body);
    expect(announcement).toContain("Next meeting");
    expect(announcement).toContain("Tuesday, 2 March 2027 at 19:00 GMT+7 (Asia/Jakarta)");
    expect(announcement).toContain("<@U0MEMBER>"); // the host, the one mention
    expect(announcement).toContain("https://meet.example/cop");
    expect(announcement).toContain("Yes · 0");
    // The host's heads-up, once.
    expect(traffic.dms).toHaveLength(1);
    expect(await rows("SELECT kind, meeting_day, member_id FROM rotation_ledger")).toEqual([
      { kind: "assigned", meeting_day: "2027-03-02", member_id: MEMBER },
    ]);

    const id = await communityId();
    const rsvp = (answer: string) => packedButton(id, "meeting.rsvp", ["2027-03-02", answer]);
    const soon = at("2027-02-28T05:00:00Z");
    await press(soon, rsvp("yes"), MEMBER);
    await press(soon, rsvp("yes"), MEMBER); // pressed twice: counted once
    await press(soon, rsvp("maybe"), MODERATOR);
    await deliverAll();
    traffic = await slackTraffic();
    expect(await rows("SELECT user_id, answer FROM meeting_rsvps ORDER BY user_id")).toEqual([
      { user_id: MEMBER, answer: "yes" },
      { user_id: MODERATOR, answer: "maybe" },
    ]);
    const last = () => JSON.stringify(traffic.updates.at(-1)?.body);
    expect(last()).toContain("Yes · 1");
    expect(last()).toContain("Maybe · 1");
    // Changing the answer moves the count, and edits the same message.
    await press(soon, rsvp("no"), MEMBER);
    await deliverAll();
    traffic = await slackTraffic();
    expect(last()).toContain("Yes · 0");
    expect(last()).toContain("No · 1");
    expect(last()).toContain("Maybe · 1");
    expect(await rows("SELECT user_id, answer FROM meeting_rsvps ORDER BY user_id")).toEqual([
      { user_id: MEMBER, answer: "no" },
      { user_id: MODERATOR, answer: "maybe" },
    ]);
    const next = await slackAt(soon, "meeting next", MEMBER);
    expect(next).toContain("Your answer: no.");
    expect(next).toContain("Yes · 0");
    const ts = (traffic.posts[0]?.response as { ts?: string } | undefined)?.ts;
    expect(ts).toBeTruthy();
    for (const update of traffic.updates) expect(update.body).toMatchObject({ ts, channel: "C0GENERAL" });
    expect(traffic.posts).toHaveLength(1); // edited, never reposted
    const answers = traffic.replies.map((r) => JSON.stringify(r.body));
    expect(answers[0]).toContain("Your answer for Tuesday, 2 March 2027 at 19:00 GMT+7 (Asia/Jakarta): yes");
    expect(answers[1]).toContain("is already yes");

    // 24 hours before, in that quarter-hour, twice over; then an hour before.
    expect(await dispatchAt(at("2027-03-01T12:05:00Z"), 2)).toEqual(["meeting-remind 2027-03-02:24h"]);
    expect(await dispatchAt(at("2027-03-01T12:10:00Z"))).toEqual([]);
    expect(await dispatchAt(at("2027-03-02T11:00:00Z"), 2)).toEqual(["meeting-remind 2027-03-02:1h"]);
    expect(await dispatchAt(at("2027-03-02T12:00:00Z"))).toEqual([]); // started: nothing more
    await deliverAll();
    traffic = await slackTraffic();
    expect(traffic.posts.map((p) => JSON.stringify(p.body))).toEqual([
      expect.stringContaining("Next meeting"),
      expect.stringContaining("Reminder: our next meeting is on Tuesday, 2 March 2027"),
      expect.stringContaining("Our meeting starts in an hour"),
    ]);

    // Nobody marked it: a day after it ended it counts as held by its host.
    expect(await dispatchAt(at("2027-03-03T12:45:00Z"))).toEqual([]);
    expect(await dispatchAt(at("2027-03-03T13:00:00Z"), 2)).toEqual(["meeting-close 2027-03-02"]);
    expect(await rows("SELECT kind, member_id, reason FROM rotation_ledger WHERE kind = 'hosted'")).toEqual([
      { kind: "hosted", member_id: MEMBER, reason: "default" },
    ]);
    const list = await slackAt(at("2027-03-03T14:00:00Z"), "meeting list", MEMBER);
    expect(list).toContain("The last meetings");
    expect(list).toContain("held, hosted by <@U0MEMBER>");
    // The next meeting goes to the other member now.
    expect(list).toContain("Tuesday, 9 March 2027 at 19:00 GMT+7 · Host: <@U0MODERATOR>");
  }, 60_000);

  it("announces at once a meeting scheduled less than N days ahead, and the reply says to set a channel when none is", async () => {
    const monday = at("2027-03-01T03:00:00Z");
    await setUp(monday);
    expect(await dispatchAt(at("2027-03-01T03:15:00Z"))).toEqual(["meeting-announce 2027-03-02"]);
    await deliverAll();
    expect((await slackTraffic()).posts).toHaveLength(1);
    await resetDb();
    const reply = await slackAt(monday, "meeting schedule weekly tue 19:00");
    expect(reply).toContain("none is set yet: /copmod onboarding channel #channel");
    expect(await dispatchAt(at("2027-03-01T03:15:00Z"))).toEqual([]); // no channel: nothing to post in
  });

  it("sends no reminders when they are off, only the hour one with 1h, and takes a new announcement lead", async () => {
    await setUp();
    expect(await slackAt(SETUP, "meeting reminders off")).toContain("Reminders are now off");
    expect(await slackAt(SETUP, "meeting announce 1")).toContain("announced the day before");
    expect(await slackAt(SETUP, "meeting announce 15")).toContain("is not a number of days");
    expect(await rows("SELECT announce_days, remind_day, remind_hour FROM communities")).toEqual([
      { announce_days: 1, remind_day: 0, remind_hour: 0 },
    ]);
    expect(await dispatchAt(at("2027-02-27T02:00:00Z"))).toEqual([]); // 3 days before: not yet
    expect(await dispatchAt(at("2027-03-01T02:00:00Z"))).toEqual(["meeting-announce 2027-03-02"]);
    expect(await dispatchAt(at("2027-03-01T12:00:00Z"))).toEqual([]);
    expect(await dispatchAt(at("2027-03-02T11:00:00Z"))).toEqual([]);
    await slackAt(SETUP, "meeting reminders 1h");
    expect(await dispatchAt(at("2027-03-02T11:15:00Z"))).toEqual(["meeting-remind 2027-03-02:1h"]);
  });

  it("no meeting and no reminder falls on a holiday; the day is recorded as skipped", async () => {
    await setUp();
    await slackAt(SETUP, "holiday add 2027-03-02 Nyepi");
    await slackAt(SETUP, "holiday add 2027-03-08 Libur");
    for (const when of ["2027-02-27T02:00:00Z", "2027-03-01T12:00:00Z", "2027-03-02T11:00:00Z"])
      expect(await dispatchAt(at(when))).toEqual([]);
    // The next meeting (9 March) is announced; its 24-hour reminder would fall on a holiday.
    expect(await dispatchAt(at("2027-03-06T02:00:00Z"))).toEqual([
      "meeting-announce 2027-03-09",
      "meeting-close 2027-03-02",
    ]);
    expect(await dispatchAt(at("2027-03-08T12:00:00Z"))).toEqual([]);
    expect(await dispatchAt(at("2027-03-09T11:00:00Z"))).toEqual(["meeting-remind 2027-03-09:1h"]);
    expect(
      await rows("SELECT kind, meeting_day, reason FROM rotation_ledger WHERE kind = 'skipped'"),
    ).toEqual([{ kind: "skipped", meeting_day: "2027-03-02", reason: "Nyepi" }]);
  });
});

describe("a moved meeting", () => {
  it("keeps its key: announced, answered and closed as the meeting of its scheduled day", async () => {
    await setUp();
    await slackAt(SETUP, "meeting move 2027-03-02 2027-03-12 18:00"); // a Friday, ten days later
    // 9 March comes first now; the moved one is announced three days before its new day.
    expect(await dispatchAt(at("2027-03-06T02:00:00Z"))).toEqual(["meeting-announce 2027-03-09"]);
    expect(await dispatchAt(at("2027-03-09T02:00:00Z"))).toContain("meeting-announce 2027-03-02");
    await deliverAll();
    const posts = (await slackTraffic()).posts.map((p) => JSON.stringify(p.body));
    expect(posts[1]).toContain("Friday, 12 March 2027 at 18:00");
    // Held by default a day after it ended, recorded under its scheduled day.
    expect(await dispatchAt(at("2027-03-13T12:00:00Z"))).toContain("meeting-close 2027-03-02");
    expect(
      await rows(
        "SELECT meeting_day, reason FROM rotation_ledger WHERE kind = 'hosted' ORDER BY meeting_day",
      ),
    ).toEqual([
      { meeting_day: "2027-03-02", reason: "default" },
      { meeting_day: "2027-03-09", reason: "default" },
    ]);
  }, 30_000);
});

describe("marking a meeting held, and answering by command", () => {
  it("the host marks it once, with notes; a second mark and a stranger change nothing; the close job leaves it", async () => {
    await setUp();
    await slackAt(SETUP, "help", "U0OTHER");
    await dispatchAt(at("2027-02-27T02:00:00Z")); // announced: U0MEMBER hosts
    const id = await communityId();
    // Before it starts, the button refuses; the command finds nothing to mark.
    const before = at("2027-03-02T11:30:00Z");
    await press(before, packedButton(id, "meeting.done", ["2027-03-02"]), MEMBER);
    expect(await slackAt(before, "meeting done", MEMBER)).toContain("No ended meeting is waiting");
    const after = at("2027-03-02T13:10:00Z");
    expect(await slackAt(after, "meeting done", "U0OTHER")).toContain(
      "Only the meeting's host (<@U0MEMBER>) or a moderator can mark it as held",
    );
    expect(await slackAt(after, `meeting done ${"x".repeat(1001)}`, MEMBER)).toContain(
      "at most 1,000 characters",
    );
    // Within the limit, the command opens the attendance form; submitting it marks the meeting.
    const send = isolate({ now: () => after, sessionCacheMs: 0 });
    const submitted = await send(
      await slackSubmit(
        `meeting.held:${id}:2027-03-02`,
        { attended: [], notes: "Rubrics for project work" },
        {
          user: MEMBER,
          selects: { attended: "multi_users_select" },
          timestamp: after.getTime() / 1000,
        },
      ),
    );
    expect(submitted.status).toBe(200);
    expect(await slackAt(after, "meeting done again", MEMBER)).toContain(
      "already marked. Nothing was changed",
    );
    await press(after, packedButton(id, "meeting.done", ["2027-03-02"]), MODERATOR);
    expect(await dispatchAt(at("2027-03-03T13:00:00Z"))).toEqual(["meeting-close 2027-03-02"]);
    expect(
      await rows("SELECT member_id, reason, notes, recorded_by FROM rotation_ledger WHERE kind = 'hosted'"),
    ).toEqual([
      { member_id: MEMBER, reason: "marked", notes: "Rubrics for project work", recorded_by: MEMBER },
    ]);
    const replies = (await slackTraffic()).replies.map((r) => JSON.stringify(r.body));
    expect(replies[0]).toContain("has not started yet");
    expect(replies[1]).toContain("already marked");
  });

  it("answers the next meeting by command, refuses an answer it does not know, and shows the member's answer", async () => {
    await setUp();
    const soon = at("2027-02-25T03:00:00Z");
    const before = await rows("SELECT * FROM meeting_rsvps");
    expect(await slackAt(soon, "meeting rsvp perhaps", MEMBER)).toContain("perhaps");
    expect(await rows("SELECT * FROM meeting_rsvps")).toEqual(before);
    expect(await slackAt(soon, "meeting rsvp maybe", MEMBER)).toContain("Thank you! Your answer for");
    const next = await slackAt(soon, "meeting next", MEMBER);
    expect(next).toContain("Your answer: maybe.");
    expect(next).toContain("Maybe · 1");
    expect(next).toContain("Host: <@U0MEMBER>");
    // Not announced yet: nothing to edit.
    expect(await rows("SELECT kind FROM outbox")).toEqual([]);
  });
});
