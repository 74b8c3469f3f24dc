import { env } from "cloudflare:workers";
import moment from "moment-timezone";
import { beforeEach, describe, expect, it } from "vitest";
import packageJson from "../package.json";
import { HOLIDAY_RULES_SOURCE, publicHolidays } from "../src/features/meetings/holiday-data.ts";
import { upcomingMeetings } from "../src/features/meetings/schedule.ts";
import { resetDb, rowCounts, snapshot } from "./support/db.ts";
import { group, MANAGE_GUILD, moderatorInteraction, signedDiscord, str, sub } from "./support/discord.ts";
import { commandBody, MEMBER, MODERATOR, replyText, signedSlack } from "./support/slack.ts";
import { isolate, resetStandins } from "./support/worker.ts";

const NOW = new Date("2027-02-24T03:00:00Z"); // a Wednesday; years 2026 to 2032 may be imported
const worker = (now = NOW) => isolate({ now: () => now, sessionCacheMs: 0 });
type Send = ReturnType<typeof worker>;
const ask = async (send: Send, text: string, user = MODERATOR, now = NOW) => {
  const request = await signedSlack("/slack/commands", commandBody(text, { user_id: user }), {
    timestamp: now.getTime() / 1000,
  });
  return replyText((await (await send(request)).json()) as { text?: string });
};
type Row = { start_day: string; end_day: string; name: string | null };
const holidays = async () =>
  (await env.DB.prepare("SELECT start_day, end_day, name FROM holidays ORDER BY start_day").all<Row>())
    .results;

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});

describe("publicHolidays (date-holidays' rules)", () => {
  it("gives a country's public holidays in the community's language, ranges joined", () => {
    const found = publicHolidays("id", 2027, "id");
    expect(found?.country).toBe("Indonesia");
    const days = found?.holidays ?? [];
    expect(days).toContainEqual({
      startDay: "2027-08-17",
      endDay: "2027-08-17",
      name: "Hari Ulang Tahun Kemerdekaan Republik Indonesia",
    });
    expect(days.some((h) => h.startDay === "2027-12-25" && h.name?.includes("Natal"))).toBe(true);
    // Idul Fitri's two days are one range, not two holidays.
    expect(days).toContainEqual({
      startDay: "2027-03-09",
      endDay: "2027-03-10",
      name: "Hari Raya Idul Fitri",
    });
    // Corrected in the generated rules: upstream calls 27 Rajab "Maulid Nabi Muhammad".
    expect(days).toContainEqual({
      startDay: "2027-01-05",
      endDay: "2027-01-05",
      name: "Isra Mikraj Nabi Muhammad",
    });
    // English where the data has no Indonesian name; observances are not imported.
    const german = publicHolidays("DE", 2027, "id")?.holidays.map((h) => h.name);
    expect(german).toContain("Easter Monday");
    expect(german).not.toContain("Valentine's Day");
    expect(publicHolidays("XX", 2027, "en")).toBeNull();
    expect(publicHolidays("IDN", 2027, "en")).toBeNull();
  });

  it("rules that name a time zone work without moment-timezone's data (the Worker's alias)", () => {
    expect(moment.tz.zone("Europe/Berlin")).toBeNull(); // the data-less build, as in the bundle
    const japan = publicHolidays("JP", 2027, "en")?.holidays ?? [];
    expect(japan.find((h) => h.name === "Spring Equinox Day")?.startDay).toBe("2027-03-21");
    const chile = publicHolidays("CL", 2027, "en")?.holidays ?? [];
    expect(chile.find((h) => h.name === "Indigenous People's Day")?.startDay).toBe("2027-06-21");
  });

  it("the generated rules come from the pinned date-holidays (run npm run holidays:rules after a bump)", () => {
    expect(HOLIDAY_RULES_SOURCE).toBe(`date-holidays@${packageJson.devDependencies["date-holidays"]}`);
  });
});

describe("/copmod holiday import", () => {
  it("adds Indonesia's public holidays in Indonesian and points to the decree list", async () => {
    const send = worker();
    await ask(send, "language id");
    const reply = await ask(send, "holiday import ID 2027");
    expect(reply).toContain("Hari libur nasional Indonesia, 2027");
    // The three before today (1 and 5 January, 6 February) are past: skipped, and said so.
    expect(reply).toContain("12 hari libur ditambahkan");
    expect(reply).toContain("…dan 2 lainnya");
    expect(reply).toContain("3 yang sudah lewat (sebelum Rabu, 24 Februari 2027) dilewati");
    expect(reply).toContain("cuti bersama tidak termasuk");
    expect(reply).toContain("/copmod holiday paste");
    const rows = await holidays();
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => r.start_day >= "2027-02-24")).toBe(true);
    expect(rows).toContainEqual({
      start_day: "2027-08-17",
      end_day: "2027-08-17",
      name: "Hari Ulang Tahun Kemerdekaan Republik Indonesia",
    });
    expect(rows.find((r) => r.start_day === "2027-12-25")?.name).toContain("Hari Raya Natal");
  });

  it("importing a year twice changes nothing the second time", async () => {
    const send = worker();
    await ask(send, "holiday import de 2027");
    const once = await snapshot();
    expect(await ask(send, "holiday import DE 2027")).toContain("Nothing new");
    expect(await snapshot()).toBe(once);
  });

  it("keeps a holiday already on those days: the pasted decree wins over the computed date", async () => {
    const send = worker();
    await ask(send, "holiday paste 2027-08-16 2027-08-17 Cuti bersama dan HUT RI");
    const reply = await ask(send, "holiday import ID 2027");
    expect(reply).toContain("1 fell on days that already have a holiday");
    const rows = await holidays();
    expect(rows).toHaveLength(12);
    expect(rows).toContainEqual({
      start_day: "2027-08-16",
      end_day: "2027-08-17",
      name: "Cuti bersama dan HUT RI",
    });
    expect(rows.some((r) => r.start_day === "2027-08-17")).toBe(false);
  });

  it("no meeting falls on an imported holiday (Europe/Berlin, Easter Monday)", async () => {
    const send = worker();
    await ask(send, "timezone Europe/Berlin");
    await ask(send, "meeting schedule weekly mon 19:00");
    await ask(send, "holiday import DE 2027");
    const later = new Date("2027-03-24T12:00:00Z");
    const list = await ask(worker(later), "meeting list", MEMBER, later);
    // Easter Monday is named as no meeting, never listed as one.
    expect(list).not.toContain("29 March 2027 at");
    expect(list).toContain("Monday, 29 March 2027: no meeting (Easter Monday)");
    expect(list).toContain("Monday, 5 April 2027");
    // The same through the pure schedule, over the whole year.
    const days = (await holidays()).map((h) => ({ startDay: h.start_day, endDay: h.end_day, name: h.name }));
    const series = {
      cadence: "weekly" as const,
      firstDay: "2027-03-01",
      startMinute: 19 * 60,
      minutes: 60,
      timezone: "Europe/Berlin",
      link: null,
    };
    const meetings = upcomingMeetings(series, [], days, NOW, 52).map((m) => m.localDay);
    expect(meetings).not.toContain("2027-03-29");
    expect(meetings).not.toContain("2027-05-17"); // Whit Monday
    expect(meetings).toContain("2027-03-22");
  });

  it("refuses an unknown country, a bad year and a member, writing nothing", async () => {
    const send = worker();
    await ask(send, "help", MEMBER);
    await ask(send, "help");
    const before = await rowCounts();
    const snap = await snapshot();
    expect(await ask(send, "holiday import XX 2027")).toContain("“XX” is not a country I have holidays for");
    expect(await ask(send, "holiday import ID abc")).toContain("“abc” is not a year I can import");
    expect(await ask(send, "holiday import ID 1800")).toContain("use one from 2026 to 2032");
    expect(await ask(send, "holiday import ID 2033")).toContain("“2033” is not a year");
    expect(await ask(send, "holiday import ID 2027", MEMBER)).toContain("Only moderators can use");
    expect(await rowCounts()).toEqual(before);
    expect(await snapshot()).toBe(snap);
  });

  it("works on Discord with typed options", async () => {
    const send = worker();
    const options = [str("country", "ID"), str("year", "2027")];
    const reply = JSON.stringify(
      await (
        await send(
          await signedDiscord(
            moderatorInteraction([group("holiday", sub("import", options))], {
              permissions: MANAGE_GUILD,
              guildLocale: "id",
            }),
            { timestamp: NOW.getTime() / 1000 },
          ),
        )
      ).json(),
    );
    expect(reply).toContain("Hari libur nasional Indonesia, 2027");
    expect(reply).toContain("/copmod holiday paste");
    expect(await holidays()).toHaveLength(12);
  });

  it("a year already over is skipped whole, and says so", async () => {
    const send = worker();
    await ask(send, "help");
    const before = await snapshot();
    expect(await ask(send, "holiday import ID 2026")).toContain(
      "All 15 are in the past (before Wednesday, 24 February 2027): nothing was added",
    );
    expect(await snapshot()).toBe(before);
  });
});
