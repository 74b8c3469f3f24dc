import { beforeEach, describe, expect, it } from "vitest";
import { resetDb } from "./support/db.ts";
import { deliverAll, dispatchAt, rows, slackAt } from "./support/meetings.ts";
import { MEMBER } from "./support/slack.ts";
import { outboxQueue, resetStandins } from "./support/worker.ts";

// Wednesday 24 February 2027; the community meets on Tuesdays at 19:00 in Jakarta, first 2 March.
const SETUP = new Date("2027-02-24T03:00:00Z");

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
});

const firstLine = (list: string) => list.split("•")[1] ?? "";

describe("/cop meeting next and /cop meeting list name the same host", () => {
  it("the rotation's choice before the announcement, marked as planned; committed after it, unmarked", async () => {
    await slackAt(SETUP, "timezone Asia/Jakarta");
    await slackAt(SETUP, "onboarding channel <#C0GENERAL|general>");
    await slackAt(SETUP, "help", MEMBER);
    await slackAt(SETUP, "meeting schedule weekly tue 19:00");
    // The member volunteered for the second meeting: that counts before the first is chosen, so
    // the first goes to the moderator, whichever command asks.
    await rows(
      "INSERT INTO rotation_ledger (community_id, kind, meeting_day, member_id, reason, created_at) SELECT id, 'volunteered', '2027-03-09', ?, 'volunteered', ? FROM communities",
      MEMBER,
      SETUP.toISOString(),
    );
    const before = new Date("2027-02-26T03:00:00Z");
    const next = await slackAt(before, "meeting next", MEMBER);
    const list = await slackAt(before, "meeting list", MEMBER);
    expect(next).toContain("Host: <@U0MODERATOR> (planned)");
    expect(firstLine(list)).toContain(
      "Tuesday, 2 March 2027 at 19:00 GMT+7 · Host: <@U0MODERATOR> (planned)",
    );
    // The volunteer's own day is committed already.
    expect(list).toMatch(/9 March 2027 at 19:00 GMT\+7 · Host: <@U0MEMBER>(?! \(planned\))/);

    expect(await dispatchAt(new Date("2027-02-27T02:00:00Z"))).toEqual(["meeting-announce 2027-03-02"]);
    await deliverAll();
    const after = new Date("2027-02-27T05:00:00Z");
    const announcedNext = await slackAt(after, "meeting next", MEMBER);
    expect(announcedNext).toContain("Host: <@U0MODERATOR>");
    expect(announcedNext).not.toContain("(planned)");
    const announcedList = await slackAt(after, "meeting list", MEMBER);
    expect(firstLine(announcedList)).toContain("· Host: <@U0MODERATOR>");
    expect(firstLine(announcedList)).not.toContain("(planned)");
    // Later meetings the rotation only plans stay marked.
    expect(announcedList).toContain("Tuesday, 16 March 2027 at 19:00 GMT+7 · Host: <@U0MODERATOR> (planned)");
  }, 60_000);

  it("in Los Angeles at 17:30 on the meeting day, both still name the evening's host", async () => {
    const monday = new Date("2027-03-01T18:00:00Z"); // 10:00 in Los Angeles
    await slackAt(monday, "timezone America/Los_Angeles");
    await slackAt(monday, "help", MEMBER);
    await slackAt(monday, "meeting schedule weekly tue 19:00");
    const evening = new Date("2027-03-03T01:30:00Z"); // Tuesday 2 March, 17:30 PST: Wednesday in UTC
    const next = await slackAt(evening, "meeting next", MEMBER);
    expect(next).toContain("Tuesday, 2 March 2027 at 19:00 GMT-8");
    expect(next).toContain("Host: <@U0MEMBER> (planned)");
    const list = await slackAt(evening, "meeting list", MEMBER);
    expect(firstLine(list)).toContain("Tuesday, 2 March 2027 at 19:00 GMT-8 · Host: <@U0MEMBER> (planned)");
    expect(list).toContain("Tuesday, 9 March 2027 at 19:00 GMT-8 · Host: <@U0MODERATOR> (planned)");
  }, 60_000);
});
