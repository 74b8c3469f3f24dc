import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { parseHolidayList } from "../src/core/meetings/holidays.ts";
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
    ["Tahun Baru 2027-01-01", "Tahun", "date"],
    ["2027-01-01 ok 2027-02-30 Nope", "2027-02-30 Nope", "date"],
    ["2027-01-01 ok 2027-03-04 2027-03-02 Backwards", "2027-03-04 2027-03-02 Backwards", "order"],
  ])("names the first bad entry of %s", (text, entry, reason) => {
    expect(parseHolidayList(text)).toEqual({ ok: false, entry, reason });
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
    expect(await ask(send, "holiday add 2027-02-30")).toContain("“2027-02-30” is not a holiday I can read");
    expect(await ask(send, "holiday add 2027-03-04 2027-03-02 Mundur")).toContain(
      "“2027-03-04 2027-03-02 Mundur” ends before it starts",
    );
    expect(
      await ask(send, "holiday paste 2027-01-01 Tahun Baru 2027-13-01 Salah 2027-05-06 Waisak"),
    ).toContain("“2027-13-01 Salah” is not a holiday I can read");
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
    expect(list).toContain("Tue, 16 March 2027: no meeting (Hari Raya Nyepi)");
    await ask(send, "language id");
    expect(await ask(send, "holiday list", MEMBER)).toContain(
      "Sel, 2 Maret 2027 – Kam, 4 Maret 2027: Cuti bersama",
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
});
