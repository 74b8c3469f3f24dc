import { describe, expect, it } from "vitest";
import { parseDay } from "../src/core/calendar.ts";
import { formatMeetingTime } from "../src/features/meetings/format.ts";
import { parseTime, parseWeekday } from "../src/features/meetings/parse.ts";
import { type MeetingSeries, upcomingMeetings } from "../src/features/meetings/schedule.ts";

const series = (over: Partial<MeetingSeries>): MeetingSeries => ({
  cadence: "weekly",
  firstDay: "2027-01-05",
  startMinute: 19 * 60,
  minutes: 60,
  timezone: "UTC",
  link: null,
  ...over,
});
const from = new Date("2027-01-01T00:00:00Z");
const days = (s: MeetingSeries, count: number, at = from) =>
  upcomingMeetings(s, [], [], at, count).map((m) => m.localDay);

describe("upcomingMeetings", () => {
  it("a weekly 19:00 meeting in Europe/Berlin stays at 19:00 local across both DST changes", () => {
    // 2027: summer time starts 28 March, ends 31 October.
    const berlin = series({ firstDay: "2027-03-16", timezone: "Europe/Berlin" });
    const spring = upcomingMeetings(berlin, [], [], from, 3).map((m) => m.startsAt.toISOString());
    expect(spring).toEqual([
      "2027-03-16T18:00:00.000Z",
      "2027-03-23T18:00:00.000Z",
      "2027-03-30T17:00:00.000Z",
    ]);
    const autumn = upcomingMeetings(berlin, [], [], new Date("2027-10-20T00:00:00Z"), 3);
    expect(autumn.map((m) => m.startsAt.toISOString())).toEqual([
      "2027-10-26T17:00:00.000Z",
      "2027-11-02T18:00:00.000Z",
      "2027-11-09T18:00:00.000Z",
    ]);
    for (const m of [...autumn])
      expect(formatMeetingTime(m.startsAt, "en", "Europe/Berlin")).toContain("19:00");
  });

  it("19:00 WIB in Asia/Jakarta is 12:00 UTC", () => {
    const [first] = upcomingMeetings(series({ timezone: "Asia/Jakarta" }), [], [], from, 1);
    expect(first?.startsAt.toISOString()).toBe("2027-01-05T12:00:00.000Z");
    expect(first?.endsAt.toISOString()).toBe("2027-01-05T13:00:00.000Z");
  });

  it("a monthly first-Tuesday meeting never drifts over 24 months", () => {
    const monthly = days(series({ cadence: "monthly", firstDay: "2027-01-05" }), 24);
    expect(monthly).toHaveLength(24);
    for (const day of monthly) {
      expect(new Date(`${day}T00:00:00Z`).getUTCDay()).toBe(2);
      expect(Number(day.slice(8))).toBeLessThanOrEqual(7);
    }
    expect(monthly.slice(0, 3)).toEqual(["2027-01-05", "2027-02-02", "2027-03-02"]);
    expect(monthly[23]).toBe("2028-12-05");
  });

  it("a fifth Monday means the last Monday of every month", () => {
    // 2027-03-29 is the fifth Monday of March 2027.
    const monthly = days(series({ cadence: "monthly", firstDay: "2027-03-29" }), 4);
    expect(monthly).toEqual(["2027-03-29", "2027-04-26", "2027-05-31", "2027-06-28"]);
  });

  it("biweekly counts from the first meeting, also when asked much later", () => {
    const s = series({ cadence: "biweekly", firstDay: "2027-01-05" });
    expect(days(s, 3)).toEqual(["2027-01-05", "2027-01-19", "2027-02-02"]);
    expect(days(s, 2, new Date("2027-06-10T00:00:00Z"))).toEqual(["2027-06-22", "2027-07-06"]);
  });

  it("skips holidays (a range, both ends included) and cancelled days; moved meetings at their new time", () => {
    const s = series({});
    const holidays = [{ startDay: "2027-01-12", endDay: "2027-01-19", name: "Libur" }];
    const overrides = [
      { day: "2027-01-26", cancelled: true as const },
      { day: "2027-02-02", cancelled: false as const, toDay: "2027-02-03", toMinute: 18 * 60 },
    ];
    const meetings = upcomingMeetings(s, overrides, holidays, from, 3);
    expect(meetings.map((m) => [m.localDay, m.moved])).toEqual([
      ["2027-01-05", false],
      ["2027-02-03", true],
      ["2027-02-09", false],
    ]);
    expect(meetings[1]?.startsAt.toISOString()).toBe("2027-02-03T18:00:00.000Z");
  });

  it("finds a meeting moved from long before `from` to after it", () => {
    const overrides = [
      { day: "2027-01-05", cancelled: false as const, toDay: "2027-06-02", toMinute: 18 * 60 },
    ];
    const [first] = upcomingMeetings(series({}), overrides, [], new Date("2027-06-01T00:00:00Z"), 1);
    expect(first).toMatchObject({ localDay: "2027-06-01", moved: false });
    const meetings = upcomingMeetings(series({}), overrides, [], new Date("2027-06-01T20:00:00Z"), 2);
    expect(meetings.map((m) => [m.localDay, m.moved])).toEqual([
      ["2027-06-02", true],
      ["2027-06-08", false],
    ]);
  });

  it("finds a meeting moved from weeks ahead to before the next ones", () => {
    // Tuesdays 2027-01-05 on; the meeting of 9 March brought forward to Thursday 14 January.
    const overrides = [
      { day: "2027-03-09", cancelled: false as const, toDay: "2027-01-14", toMinute: 18 * 60 },
    ];
    const meetings = upcomingMeetings(series({}), overrides, [], new Date("2027-01-04T00:00:00Z"), 3);
    expect(meetings.map((m) => [m.localDay, m.scheduledDay])).toEqual([
      ["2027-01-05", "2027-01-05"],
      ["2027-01-12", "2027-01-12"],
      ["2027-01-14", "2027-03-09"],
    ]);
  });

  it("a meeting under way is still the next one; one that ended is not", () => {
    expect(days(series({}), 1, new Date("2027-01-05T19:30:00Z"))).toEqual(["2027-01-05"]);
    expect(days(series({}), 1, new Date("2027-01-05T20:00:00Z"))).toEqual(["2027-01-12"]);
  });
});

describe("parsing", () => {
  it.each([
    ["tue", 2],
    ["Tuesday", 2],
    ["Selasa", 2],
    ["sel", 2],
    ["Jumat", 5],
    ["minggu", 7],
    ["tuesdy", null],
  ])("weekday %s → %s", (text, expected) => expect(parseWeekday(text)).toBe(expected));

  it.each([
    ["19:00", 1140],
    ["19.00", 1140],
    ["7:05", 425],
    ["25:00", null],
    ["19:60", null],
    ["7pm", null],
  ])("time %s → %s", (text, expected) => expect(parseTime(text)).toBe(expected));

  it.each([
    ["2027-03-02", "2027-03-02"],
    ["2028-02-29", "2028-02-29"],
    ["2027-02-29", null],
    ["2027-02-30", null],
    ["2027-3-2", null],
  ])("date %s → %s", (text, expected) => expect(parseDay(text)).toBe(expected));

  it("formats the time as people say it in Indonesian", () => {
    const at = new Date("2027-03-02T12:00:00Z");
    expect(formatMeetingTime(at, "id", "Asia/Jakarta")).toBe("Selasa, 2 Maret 2027 pukul 19.00 WIB");
  });
});
