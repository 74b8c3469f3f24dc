import { beforeEach, describe, expect, it } from "vitest";
import { resetDb, snapshot } from "./support/db.ts";
import {
  commandInteraction,
  DISCORD_MEMBER,
  group,
  MANAGE_GUILD,
  moderatorInteraction,
  signedDiscord,
  str,
  sub,
} from "./support/discord.ts";
import { rows, slackAt } from "./support/meetings.ts";
import { MEMBER, MODERATOR } from "./support/slack.ts";
import { isolate, resetStandins } from "./support/worker.ts";

// Scheduled on a Wednesday; the first meeting is Tuesday 2 March 2027, 19:00 WIB (12:00 UTC).
const SCHEDULED = new Date("2027-02-24T03:00:00Z");
const AFTER_FIRST = new Date("2027-03-03T03:00:00Z");
const OTHER = "U0OTHER";

async function schedule() {
  await slackAt(SCHEDULED, "timezone Asia/Jakarta");
  await slackAt(SCHEDULED, "meeting schedule weekly tue 19:00");
}
const entries = () =>
  rows("SELECT number, meeting_day, kind, body, url, assignee, author FROM meeting_entries ORDER BY number");

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});

describe("meeting notes, resources and actions on Slack", () => {
  it("go to the latest meeting held, each with the next short number; mentions stay plain text", async () => {
    await schedule();
    const reply = await slackAt(
      AFTER_FIRST,
      "meeting note Peer review works <!channel> &amp; rubrics",
      MEMBER,
    );
    expect(reply).toContain("Added as note #1 to the record of Tuesday, 2 March 2027");
    expect(reply).toContain("/cop meeting note edit 1 …");
    expect(
      await slackAt(AFTER_FIRST, "meeting resource <https://example.org/r> Rubric template", MEMBER),
    ).toContain("resource #2");
    expect(await slackAt(AFTER_FIRST, "meeting action Share the template <@U0AYU|ayu>", MEMBER)).toContain(
      "action #3",
    );
    expect(await entries()).toEqual([
      row(1, "note", "Peer review works @channel & rubrics"),
      { ...row(2, "resource", "Rubric template"), url: "https://example.org/r" },
      { ...row(3, "action", "Share the template"), assignee: "U0AYU" },
    ]);
  });

  it("a date first targets a meeting of the last 30 days; other dates are refused and nothing is stored", async () => {
    await schedule();
    const later = new Date("2027-03-17T03:00:00Z"); // after 2, 9 and 16 March
    expect(await slackAt(later, "meeting note 2027-03-09 From the second meeting", MEMBER)).toContain(
      "Tuesday, 9 March 2027",
    );
    expect((await entries())[0]).toMatchObject({ meeting_day: "2027-03-09" });
    const before = await snapshot();
    const cases: [string, string][] = [
      ["meeting note 2027-03-10 x", "There was no meeting on Wednesday, 10 March 2027"],
      ["meeting note 2027-03-23 x", "has not started yet"],
      ["meeting note 2027-02-02 x", "more than 30 days ago"],
      ["meeting note 2027-02-30 x", "“2027-02-30” is not a date"],
    ];
    for (const [line, answer] of cases) expect(await slackAt(later, line, MEMBER)).toContain(answer);
    expect(await snapshot()).toBe(before);
    // Five weeks on, the meeting of 2 March is past the window.
    const muchLater = new Date("2027-04-07T03:00:00Z");
    await slackAt(muchLater, "help", MEMBER); // today's activity, recorded by any command
    const settled = await snapshot();
    expect(await slackAt(muchLater, "meeting note 2027-03-02 x", MEMBER)).toContain("more than 30 days ago");
    expect(await snapshot()).toBe(settled);
  });

  it("bad input gets a clear answer and stores nothing", async () => {
    await schedule();
    expect(await slackAt(SCHEDULED, "meeting note Before any meeting", MEMBER)).toContain(
      "No meeting has been held in the last 30 days",
    );
    await slackAt(AFTER_FIRST, "meeting note Mine", MEMBER);
    await slackAt(AFTER_FIRST, "help", OTHER); // registered: the refusals below write nothing
    const before = await snapshot();
    const cases: [string, string][] = [
      ["meeting resource javascript:alert(1) Click me", "“javascript:alert(1)” is not a link I can share"],
      [`meeting resource https://example.org/${"a".repeat(500)} Long`, "the most is 500"],
      ["meeting resource https://example.org/r", "give the link a title"],
      [`meeting note ${"x".repeat(10_000)}`, "too long"],
      [`meeting note ${"x".repeat(1001)}`, "1001 characters long; the most is 1,000"],
      ["meeting note remove 1", "added by someone else"],
      ["meeting note edit 1 Not mine", "added by someone else"],
      ["meeting note remove 9", "There is no entry #9"],
      ["meeting note remove", "Say which entry by its number"],
    ];
    for (const [line, answer] of cases) expect(await slackAt(AFTER_FIRST, line, OTHER)).toContain(answer);
    expect(await snapshot()).toBe(before);
  });

  it("authors edit and remove their own; the host and moderators any", async () => {
    await schedule();
    await slackAt(AFTER_FIRST, "meeting note First", MEMBER);
    await slackAt(AFTER_FIRST, "meeting resource https://example.org/a A link", MEMBER);
    expect(await slackAt(AFTER_FIRST, "meeting note edit 1 First, better", MEMBER)).toContain(
      "Changed note #1",
    );
    expect(await slackAt(AFTER_FIRST, "meeting note edit 2 Words", MEMBER)).toContain(
      "Entry #2 is a resource: change it with /cop meeting resource edit 2",
    );
    expect(
      await slackAt(AFTER_FIRST, "meeting resource edit 2 https://example.org/b B link", MEMBER),
    ).toContain("Changed resource #2");
    expect(await entries()).toEqual([
      row(1, "note", "First, better"),
      { ...row(2, "resource", "B link"), url: "https://example.org/b" },
    ]);
    // The moderator (a Slack admin here) removes a member's entry.
    expect(await slackAt(AFTER_FIRST, "meeting action remove 2", MODERATOR)).toContain(
      "Removed resource #2 from the record of Tuesday, 2 March 2027",
    );
    expect(await entries()).toEqual([row(1, "note", "First, better")]);
  });
});

describe("meeting notes on Discord", () => {
  const send = () => isolate({ now: () => AFTER_FIRST, sessionCacheMs: 0 });
  const reply = async (payload: unknown) =>
    JSON.stringify(
      await (await send()(await signedDiscord(payload, { timestamp: AFTER_FIRST.getTime() / 1000 }))).json(),
    );

  it("the same words go in the text option, in Bahasa Indonesia too", async () => {
    const moderator = (options: unknown[]) => moderatorInteraction(options, { permissions: MANAGE_GUILD });
    await reply(moderator([sub("language", [str("language", "id")])]));
    await reply(moderator([sub("timezone", [str("timezone", "Asia/Jakarta")])]));
    const options = [str("cadence", "weekly"), str("weekday", "sel"), str("time", "19:00")];
    // Scheduled a week before: the meeting of 2 March has been held at AFTER_FIRST.
    const schedule = moderator([group("meeting", sub("schedule", options))]);
    await isolate({ now: () => SCHEDULED, sessionCacheMs: 0 })(
      await signedDiscord(schedule, { timestamp: SCHEDULED.getTime() / 1000 }),
    );
    const note = (text: string) =>
      reply(commandInteraction([group("meeting", sub("action", [str("text", text)]))]));
    const added = await note("Bagikan rubrik <@300000000000000009>");
    expect(added).toContain(
      "Sudah ditambahkan sebagai tindak lanjut \\\\#1 di notulen pertemuan Selasa, 2 Maret 2027",
    );
    expect(await entries()).toEqual([
      { ...row(1, "action", "Bagikan rubrik"), assignee: "300000000000000009", author: DISCORD_MEMBER },
    ]);
    // `@everyone` last is no member: it stays in the text, as plain words.
    await note("Baca bab 2 @everyone");
    expect((await entries())[1]).toMatchObject({ body: "Baca bab 2 @everyone", assignee: null });
    expect(await note("hapus 1")).toContain(
      "Sudah dihapus dari notulen pertemuan Selasa, 2 Maret 2027: tindak lanjut \\\\#1",
    );
    expect(await entries()).toHaveLength(1);
  });
});

function row(number: number, kind: string, body: string) {
  return { number, meeting_day: "2027-03-02", kind, body, url: null, assignee: null, author: MEMBER };
}
