import { beforeEach, describe, expect, it } from "vitest";
import { meetingAnnounce } from "../src/features/meetings/announce-job.ts";
import { meetingHoliday } from "../src/features/meetings/holiday-job.ts";
import { resetDb } from "./support/db.ts";
import { deliverAll, dispatchAt, rows, slackAt, slackTraffic } from "./support/meetings.ts";
import { MEMBER } from "./support/slack.ts";
import { outboxQueue, resetStandins } from "./support/worker.ts";

// The community meets on Tuesdays at 19:00 in Jakarta; Tuesday 9 March 2027 is a holiday.
const SETUP = new Date("2027-02-24T03:00:00Z");
const KINDS = [meetingAnnounce, meetingHoliday];
const at = (iso: string) => new Date(iso);

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
});

async function setUp(locale: "en" | "id") {
  await slackAt(SETUP, "timezone Asia/Jakarta");
  await slackAt(SETUP, "onboarding channel <#C0GENERAL|general>");
  await slackAt(SETUP, "help", MEMBER);
  await slackAt(SETUP, "meeting schedule weekly tue 19:00 https://meet.example/cop");
  await rows("UPDATE members SET joined_at = '2027-01-01T00:00:00.000Z'");
  await rows(`UPDATE communities SET locale = '${locale}'`);
  await rows(
    "INSERT INTO holidays (community_id, start_day, end_day, name, created_at) SELECT id, '2027-03-09', '2027-03-09', 'Idul Fitri', '2027-02-24T03:00:00Z' FROM communities",
  );
}

const posts = async () => (await slackTraffic()).posts.map((p) => JSON.stringify(p.body));

describe("a week a holiday takes away", () => {
  it("gets one short post in the main channel when its announcement would have gone out", async () => {
    await setUp("en");
    // The day before the announcement's moment: nothing about 9 March yet.
    expect(await dispatchAt(at("2027-03-05T02:00:00Z"), 1, KINDS)).toEqual([]);
    // 09:00 in Jakarta three days before: the cron runs twice, each message is delivered twice.
    expect(await dispatchAt(at("2027-03-06T02:00:00Z"), 2, KINDS)).toEqual(["meeting-holiday 2027-03-09"]);
    await deliverAll();
    const sent = await posts();
    expect(sent.filter((p) => p.includes("No meeting"))).toHaveLength(1);
    expect(sent.join()).toContain("No meeting on Tuesday 9 March: Idul Fitri. Next: Tuesday 16 March.");
    // Later ticks claim nothing more; a claim lost and run again posts nothing (the outbox key).
    expect(await dispatchAt(at("2027-03-07T02:00:00Z"), 1, KINDS)).toEqual([]);
    await rows("DELETE FROM job_runs WHERE job = 'meeting-holiday'");
    expect(await dispatchAt(at("2027-03-07T02:15:00Z"), 1, KINDS)).toEqual(["meeting-holiday 2027-03-09"]);
    await deliverAll();
    expect((await posts()).filter((p) => p.includes("No meeting"))).toHaveLength(1);
    expect(
      await rows("SELECT count(*) AS n FROM outbox WHERE idempotency_key = 'holiday:2027-03-09'"),
    ).toEqual([{ n: 1 }]);
    // The next meeting is announced as usual, on its own day.
    expect(await dispatchAt(at("2027-03-13T02:00:00Z"), 1, KINDS)).toEqual(["meeting-announce 2027-03-16"]);
  });

  it("speaks Bahasa Indonesia in an Indonesian community", async () => {
    await setUp("id");
    expect(await dispatchAt(at("2027-03-06T02:00:00Z"), 1, KINDS)).toEqual(["meeting-holiday 2027-03-09"]);
    await deliverAll();
    expect((await posts()).join()).toContain(
      "Tidak ada pertemuan pada Selasa, 9 Maret: Idul Fitri. Pertemuan berikutnya: Selasa, 16 Maret.",
    );
  });

  it("posts nothing once the holiday is removed before its moment", async () => {
    await setUp("en");
    await rows("DELETE FROM holidays");
    expect(await dispatchAt(at("2027-03-06T02:00:00Z"), 1, KINDS)).toEqual(["meeting-announce 2027-03-09"]);
  });
});
