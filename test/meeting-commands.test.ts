import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { resetDb, snapshot } from "./support/db.ts";
import {
  commandInteraction,
  group,
  MANAGE_GUILD,
  moderatorInteraction,
  rootOfOptions,
  signedDiscord,
  str,
  sub,
} from "./support/discord.ts";
import { commandBody, MEMBER, MODERATOR, replyText, signedSlack } from "./support/slack.ts";
import { isolate, resetStandins } from "./support/worker.ts";

// A Wednesday morning: the next Tuesday is 2 March 2027.
const NOW = new Date("2027-02-24T03:00:00Z");
const worker = () => isolate({ now: () => NOW, sessionCacheMs: 0 });
type Send = ReturnType<typeof worker>;

const ask = async (send: Send, text: string, user = MODERATOR) => {
  const request = await signedSlack("/slack/commands", commandBody(text, { user_id: user }), {
    timestamp: NOW.getTime() / 1000,
  });
  return replyText((await (await send(request)).json()) as { text?: string });
};
const series = () => env.DB.prepare("SELECT * FROM meeting_series").first<Record<string, unknown>>();
const community = () => env.DB.prepare("SELECT * FROM communities").first<Record<string, unknown>>();

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});

describe("timezone and meeting commands", () => {
  it("a member is refused and nothing is written", async () => {
    const send = worker();
    await ask(send, "help", MEMBER); // registered; later commands write nothing
    const before = await snapshot();
    for (const line of [
      "timezone Asia/Jakarta",
      "meeting schedule weekly tue 19:00",
      "meeting link https://meet.example/x",
      "meeting cancel 2027-03-02",
      "meeting move 2027-03-02 2027-03-03 18:00",
    ]) {
      expect(await ask(send, line, MEMBER)).toContain("Only moderators can use");
    }
    expect(await snapshot()).toBe(before);
  });

  it("refuses a bad zone, weekday, time, length or link with a clear error, and writes nothing", async () => {
    const send = worker();
    await ask(send, "help");
    const before = await snapshot();
    const cases: [string, string][] = [
      [
        "timezone Mars/Olympus",
        "I don't know the timezone “Mars/Olympus”. Use an IANA name such as Asia/Jakarta",
      ],
      ["meeting schedule weekly tuesdy 19:00", "“tuesdy” is not a weekday I know"],
      ["meeting schedule weekly tue 25:00", "“25:00” is not a time: use HH:MM"],
      ["meeting schedule weekly tue 19:00 2000", "“2000” is not a meeting length"],
      ["meeting schedule weekly tue 19:00 60 javascript:alert(1)", "“javascript:alert(1)” is not a link"],
    ];
    for (const [line, error] of cases) expect(await ask(send, line)).toContain(error);
    expect(await snapshot()).toBe(before);
  });

  it("schedules in Indonesian words, and meeting next reads naturally in Bahasa Indonesia", async () => {
    const send = worker();
    expect(await ask(send, "timezone asia/jakarta")).toContain("now Asia/Jakarta");
    expect(await community()).toMatchObject({ timezone: "Asia/Jakarta" });
    const reply = await ask(send, "meeting schedule weekly Selasa 19.00 90 https://meet.example/cop");
    expect(reply).toContain("every week, 90 minutes long. The first one: Tuesday, 2 March 2027 at 19:00");
    expect(reply).toContain("Times are in Asia/Jakarta");
    expect(await series()).toMatchObject({
      cadence: "weekly",
      first_day: "2027-03-02",
      start_minute: 1140,
      minutes: 90,
      link: "https://meet.example/cop",
    });
    await ask(send, "language id");
    const next = await ask(send, "meeting next", MEMBER);
    expect(next).toContain("Pertemuan berikutnya: Selasa, 2 Maret 2027 pukul 19.00 WIB");
    expect(next).toContain("Tautan: https://meet.example/cop");
    const list = await ask(send, "meeting list", MEMBER);
    expect(list).toContain("9 Maret 2027");
    expect(list).toContain("23 Maret 2027");
    expect(list).not.toContain("30 Maret 2027");
  });

  it("meeting list says which coming week a holiday takes away, in order, and only within the listed range", async () => {
    const send = worker();
    await ask(send, "timezone Asia/Jakarta");
    await ask(send, "meeting schedule weekly tue 19:00");
    await ask(send, 'holiday add 2027-03-09 2027-03-10 "Idul Fitri"');
    await ask(send, "holiday add 2027-05-04 2027-05-04"); // beyond the four listed meetings
    const list = await ask(send, "meeting list", MEMBER);
    const lines = list.split("\\n• ");
    const at = (needle: string) => lines.findIndex((l) => l.includes(needle));
    expect(list).toContain("Tuesday, 9 March 2027: no meeting (Idul Fitri)");
    expect(at("2 March 2027")).toBeLessThan(at("9 March 2027"));
    expect(at("9 March 2027")).toBeLessThan(at("16 March 2027"));
    expect(list).toContain("30 March 2027");
    expect(list).not.toContain("4 May 2027");
  });

  it("takes the scheduling moderator's Slack zone when none was set, says so, and takes a link in the minutes' place", async () => {
    const send = worker();
    const reply = await ask(send, "meeting schedule monthly tue 19:00 https://meet.example/x");
    // The stand-in's users.info gives every user tz Asia/Jakarta.
    expect(reply).toContain("Times are in Asia/Jakarta. To change the timezone: /copmod timezone");
    expect(await community()).toMatchObject({ timezone: "Asia/Jakarta", timezone_set: 1 });
    expect(await series()).toMatchObject({ cadence: "monthly", minutes: 60, link: "https://meet.example/x" });
    // Chosen once: a later schedule keeps it, and /copmod timezone UTC is a choice too.
    await ask(send, "timezone UTC");
    expect(await ask(send, "meeting schedule weekly tue 19:00")).toContain("Times are in UTC.");
  });

  it("on Discord, which tells no zone, a schedule uses UTC until one is set", async () => {
    const send = worker();
    const reply = JSON.stringify(
      await (
        await send(
          await signedDiscord(
            moderatorInteraction(
              [
                group(
                  "meeting",
                  sub("schedule", [str("cadence", "weekly"), str("weekday", "tue"), str("time", "19:00")]),
                ),
              ],
              { permissions: MANAGE_GUILD },
            ),
            { timestamp: NOW.getTime() / 1000 },
          ),
        )
      ).json(),
    );
    expect(reply).toContain("Times are in UTC.");
    expect(reply).toContain("none is set yet");
    // A Discord member keeps a link's preview out of the chat with <…>: the link is inside.
    const link = await send(
      await signedDiscord(
        moderatorInteraction([group("meeting", sub("link", [str("link", "<https://meet.example/cop>")]))], {
          permissions: MANAGE_GUILD,
        }),
        { timestamp: NOW.getTime() / 1000 },
      ),
    );
    expect(JSON.stringify(await link.json())).toContain("now https://meet.example/cop");
    expect(await series()).toMatchObject({ link: "https://meet.example/cop" });
    expect(await community()).toMatchObject({ timezone: "UTC", timezone_set: 0 });
  });

  it("says how to schedule when there is no meeting yet", async () => {
    expect(await ask(worker(), "meeting", MEMBER)).toContain("No meeting is scheduled yet");
  });

  it("sets the link, cancels and moves one meeting; refuses bad dates and days without a meeting", async () => {
    const send = worker();
    await ask(send, "timezone UTC");
    await ask(send, "meeting schedule weekly tue 19:00");
    const before = await snapshot();
    expect(await ask(send, "meeting cancel 2027-02-30")).toContain("“2027-02-30” is not a date");
    expect(await ask(send, "meeting cancel 2027-03-03")).toContain(
      "No meeting is scheduled on Wednesday, 3 March 2027",
    );
    expect(await ask(send, "meeting move 2027-03-02 2027-02-30 18:00")).toContain(
      "“2027-02-30” is not a date",
    );
    expect(await ask(send, "meeting move 2027-03-02 2027-03-03 25:00")).toContain("“25:00” is not a time");
    expect(await ask(send, "meeting link ftp://x")).toContain("is not a link");
    expect(await snapshot()).toBe(before);
    expect(await ask(send, "meeting link https://meet.example/new")).toContain(
      "now https://meet.example/new",
    );
    expect(await ask(send, "meeting cancel 2027-03-02")).toContain(
      "The meeting on Tuesday, 2 March 2027 is cancelled",
    );
    expect(await ask(send, "meeting move 2027-03-09 2027-03-10 18:30")).toContain(
      "moved to Wednesday, 10 March 2027 at 18:30",
    );
    const list = await ask(send, "meeting list", MEMBER);
    expect(list).not.toContain("2 March");
    expect(list).toContain("Wednesday, 10 March 2027 at 18:30 UTC (moved)");
    expect(list).toContain("https://meet.example/new");
    // A new schedule starts clean: the old cancellations and moves go with the old series.
    await ask(send, "meeting schedule weekly tue 19:00");
    expect(await ask(send, "meeting next", MEMBER)).toContain("Tuesday, 2 March 2027");
  });

  it("refuses to move a meeting into the past or onto a holiday, saying why; nothing is lost", async () => {
    const send = worker();
    await ask(send, "timezone UTC");
    await ask(send, "meeting schedule weekly tue 19:00");
    await ask(send, "holiday add 2027-03-10 2027-03-11 Nyepi");
    await ask(send, "meeting rsvp yes", MEMBER);
    const before = await snapshot();
    // Wednesday 24 February 2027, 03:00 UTC: earlier today is past as much as last week.
    expect(await ask(send, "meeting move 2027-03-02 2027-02-24 02:00")).toContain(
      "Wednesday, 24 February 2027 at 02:00 UTC is already past: a meeting can only move to a time still ahead",
    );
    expect(await ask(send, "meeting move 2027-03-02 2027-02-17 19:00")).toContain("is already past");
    expect(await ask(send, "meeting move 2027-03-02 2027-03-11 19:00")).toContain(
      "Thursday, 11 March 2027 is a holiday (Wednesday, 10 March 2027 – Thursday, 11 March 2027: Nyepi), so no meeting can take place then",
    );
    expect(await ask(send, "meeting move 2027-03-02 2027-03-11 19:00")).toContain(
      "/copmod holiday remove 2027-03-10",
    );
    expect(await snapshot()).toBe(before);
    expect(await ask(send, "meeting next", MEMBER)).toContain("Tuesday, 2 March 2027");
    // Later today is fine.
    expect(await ask(send, "meeting move 2027-03-02 2027-02-24 18:00")).toContain(
      "moved to Wednesday, 24 February 2027 at 18:00",
    );
  });

  it("a new schedule names its first real meeting, never one a holiday takes away", async () => {
    const send = worker();
    await ask(send, "timezone UTC");
    await ask(send, "holiday add 2027-03-02 Cuti bersama");
    const reply = await ask(send, "meeting schedule weekly tue 19:00");
    expect(reply).toContain("Tuesday, 9 March 2027 at 19:00");
    expect(reply).not.toContain("2 March");
  });

  it("works on Discord with typed options", async () => {
    const send = worker();
    const asModerator = async (options: unknown[]) =>
      JSON.stringify(
        await (
          await send(
            await signedDiscord(
              // `meeting next` under /cop, the rest under /copmod.
              commandInteraction(options, {
                permissions: MANAGE_GUILD,
                guildLocale: "id",
                root: rootOfOptions(options),
              }),
              {
                timestamp: NOW.getTime() / 1000,
              },
            ),
          )
        ).json(),
      );
    await asModerator([sub("timezone", [str("zone", "Asia/Jakarta")])]);
    const options = [str("cadence", "biweekly"), str("weekday", "sel"), str("time", "19:00")];
    expect(await asModerator([group("meeting", sub("schedule", options))])).toContain("setiap dua minggu");
    expect(await asModerator([group("meeting", sub("next"))])).toContain(
      "Selasa, 2 Maret 2027 pukul 19.00 WIB",
    );
  });
});
