import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { parseHolidayList } from "../src/features/meetings/holidays.ts";
import { resetDb, snapshot } from "./support/db.ts";
import { commandBody, MEMBER, MODERATOR, replyText, signedSlack } from "./support/slack.ts";
import { isolate, resetStandins } from "./support/worker.ts";

const NOW = new Date("2027-02-24T03:00:00Z"); // a Wednesday; the next Tuesday is 2 March 2027
const worker = () => isolate({ now: () => NOW, sessionCacheMs: 0 });
type Send = ReturnType<typeof worker>;
const ask = async (send: Send, text: string, user = MODERATOR) => {
  const request = await signedSlack("/slack/commands", commandBody(text, { user_id: user }), {
    timestamp: NOW.getTime() / 1000,
  });
  return replyText((await (await send(request)).json()) as { text?: string });
};
const holidays = async () =>
  (await env.DB.prepare("SELECT start_day, end_day, name FROM holidays ORDER BY start_day").all()).results;

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});

describe("parseHolidayList", () => {
  it("splits entries where a date starts; a date after a date is a range", () => {
    expect(
      parseHolidayList("2027-01-01 Tahun Baru 2027-03-10 2027-03-11 Nyepi dan cuti bersama; 2027-05-06"),
    ).toEqual({
      ok: true,
      holidays: [
        { startDay: "2027-01-01", endDay: "2027-01-01", name: "Tahun Baru" },
        { startDay: "2027-03-10", endDay: "2027-03-11", name: "Nyepi dan cuti bersama" },
        { startDay: "2027-05-06", endDay: "2027-05-06", name: null },
      ],
    });
  });

  it.each([
    ["Tahun Baru 2027-01-01", { entry: "Tahun", reason: "date" }],
    [
      "2027-01-01 ok 2027-02-30 Nope",
      { entry: "2027-02-30 Nope", reason: "noSuchDate", value: "2027-02-30" },
    ],
    [
      "2027-01-01 ok 2027-03-04 2027-03-02 Backwards",
      { entry: "2027-03-04 2027-03-02 Backwards", reason: "order" },
    ],
    ["2027-01-01 2027-02-01 Long", { entry: "2027-01-01 2027-02-01 Long", reason: "long", days: 32 }],
  ])("names the first bad entry of %s", (text, refusal) => {
    expect(parseHolidayList(text)).toEqual({ ok: false, ...refusal });
    // A month, both ends included, is the longest holiday.
    expect(parseHolidayList("2027-01-01 2027-01-31 Long").ok).toBe(true);
  });
});

describe("holiday commands", () => {
  it("a member is refused and nothing is written; a member may list", async () => {
    const send = worker();
    await ask(send, "help", MEMBER);
    const before = await snapshot();
    for (const line of ["holiday add 2027-03-02", "holiday paste 2027-03-02 x", "holiday remove 2027-03-02"])
      expect(await ask(send, line, MEMBER)).toContain("Only moderators can use");
    expect(await ask(send, "holiday", MEMBER)).toContain("No upcoming holidays");
    expect(await snapshot()).toBe(before);
  });

  it("refuses a bad date, an end before the start and a bad pasted line, writing nothing", async () => {
    const send = worker();
    await ask(send, "help");
    const before = await snapshot();
    expect(await ask(send, "holiday add 2027-02-30")).toContain("There is no such date as 2027-02-30.");
    expect(await ask(send, "holiday add 2027-03-01 2027-02-29 Kabisat")).toContain(
      "There is no such date as 2027-02-29 (in “2027-03-01 2027-02-29 Kabisat”)",
    );
    expect(await ask(send, "holiday add 2027-03-04 2027-03-02 Mundur")).toContain(
      "“2027-03-04 2027-03-02 Mundur” ends before it starts",
    );
    expect(
      await ask(send, "holiday paste 2027-01-01 Tahun Baru 2027-13-01 Salah 2027-05-06 Waisak"),
    ).toContain("There is no such date as 2027-13-01 (in “2027-13-01 Salah”)");
    expect(await ask(send, "holiday paste Libur 2027-05-06")).toContain(
      "“Libur” is not a holiday I can read",
    );
    expect(await ask(send, "holiday remove 2027-03-02")).toContain("No holiday starts on");
    expect(await snapshot()).toBe(before);
  });

  it("adds a quoted range, a name without quotes and a pasted list; lists and removes them; meetings skip them", async () => {
    const send = worker();
    await ask(send, "meeting schedule weekly tue 19:00");
    expect(await ask(send, 'holiday add 2027-03-02 2027-03-04 "Cuti bersama"')).toContain("Added:");
    await ask(send, "holiday add 2027-03-16 Hari Raya Nyepi");
    await ask(send, "holiday paste 2027-04-01 Paskah 2027-05-06 2027-05-07 Kenaikan Isa Almasih");
    expect(await holidays()).toEqual([
      { start_day: "2027-03-02", end_day: "2027-03-04", name: "Cuti bersama" },
      { start_day: "2027-03-16", end_day: "2027-03-16", name: "Hari Raya Nyepi" },
      { start_day: "2027-04-01", end_day: "2027-04-01", name: "Paskah" },
      { start_day: "2027-05-06", end_day: "2027-05-07", name: "Kenaikan Isa Almasih" },
    ]);
    expect(await ask(send, "meeting next", MEMBER)).toContain("9 March 2027");
    const list = await ask(send, "meeting list", MEMBER);
    // Holidays are named as no meeting, never listed as one.
    expect(list).not.toContain("16 March 2027 at");
    expect(list).toContain("Tuesday, 16 March 2027: no meeting (Hari Raya Nyepi)");
    await ask(send, "language id");
    expect(await ask(send, "holiday list", MEMBER)).toContain(
      "Selasa, 2 Maret 2027 – Kamis, 4 Maret 2027: Cuti bersama",
    );
    expect(await ask(send, "holiday remove 2027-03-02")).toContain("telah dihapus");
    expect(await ask(send, "meeting next", MEMBER)).toContain("Selasa, 2 Maret 2027 pukul 19.00");
  });

  it("lists the nearest 25 holidays and says how many more there are", async () => {
    const send = worker();
    // 30 named days, every other day from 1 March 2027: more than one message should hold.
    const days = Array.from({ length: 30 }, (_, i) => {
      const day = new Date(Date.UTC(2027, 2, 1 + 2 * i)).toISOString().slice(0, 10);
      return `${day} Hari libur nomor ${i + 1}`;
    });
    expect(await ask(send, `holiday paste ${days.join(" ")}`)).toContain("Hari libur nomor 30");
    const list = await ask(send, "holiday list", MEMBER);
    expect(list).toContain("Hari libur nomor 25");
    expect(list).not.toContain("Hari libur nomor 26");
    expect(list).toContain("…and 5 more after these.");
  });

  it("refuses a range longer than 31 days and a past start, naming the limit; writes nothing", async () => {
    const send = worker();
    await ask(send, "meeting schedule weekly tue 19:00");
    const before = await snapshot();
    expect(await ask(send, "holiday add 2027-03-01 2028-12-31 Libur panjang")).toContain(
      "“2027-03-01 2028-12-31 Libur panjang” is 672 days long; a holiday can be at most 31 days",
    );
    expect(await ask(send, "holiday add 2027-02-23 Kemarin")).toContain(
      "Tuesday, 23 February 2027 is in the past: a holiday can start today (Wednesday, 24 February 2027) or later",
    );
    expect(await ask(send, "holiday paste 2026-01-01 2026-12-31 Tahun lalu")).toContain("is 365 days long");
    expect(await snapshot()).toBe(before);
    // Today itself is fine.
    expect(await ask(send, "holiday add 2027-02-24 Hari ini")).toContain("Added:");
  });

  it("says which holiday a new one replaces (same first day), and which it overlaps", async () => {
    const send = worker();
    await ask(send, "holiday add 2027-03-10 Nyepi");
    await ask(send, "holiday add 2027-03-15 2027-03-19 Cuti bersama");
    const reply = await ask(send, "holiday add 2027-03-10 2027-03-16 Libur sekolah");
    expect(reply).toContain("Added: Wednesday, 10 March 2027 – Tuesday, 16 March 2027: Libur sekolah");
    expect(reply).toContain("This replaces Wednesday, 10 March 2027: Nyepi, which started the same day.");
    expect(reply).toContain(
      "Monday, 15 March 2027 – Friday, 19 March 2027: Cuti bersama also falls on some of these days and stays as it is.",
    );
    expect(await holidays()).toEqual([
      { start_day: "2027-03-10", end_day: "2027-03-16", name: "Libur sekolah" },
      { start_day: "2027-03-15", end_day: "2027-03-19", name: "Cuti bersama" },
    ]);
  });

  it("a pasted list skips past entries and says how many; all past adds nothing", async () => {
    const send = worker();
    const reply = await ask(send, "holiday paste 2027-01-01 Tahun Baru 2027-02-10 Imlek 2027-03-10 Nyepi");
    expect(reply).toContain("Added: Wednesday, 10 March 2027: Nyepi.");
    expect(reply).toContain("2 in the past (before Wednesday, 24 February 2027) were skipped.");
    expect(await holidays()).toEqual([{ start_day: "2027-03-10", end_day: "2027-03-10", name: "Nyepi" }]);
    const before = await snapshot();
    expect(await ask(send, "holiday paste 2027-01-01 Tahun Baru 2027-02-10 Imlek")).toContain(
      "All 2 are in the past (before Wednesday, 24 February 2027): nothing was added.",
    );
    expect(await snapshot()).toBe(before);
  });
});
