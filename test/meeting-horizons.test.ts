import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween } from "../src/core/calendar.ts";
import { pastMeetings } from "../src/features/meetings/closing.ts";
import {
  announceAt,
  announceHorizonMs,
  REMIND_HORIZON_MS,
  REMINDERS,
  reminderWindow,
} from "../src/features/meetings/moments.ts";
import {
  CADENCES,
  type Holiday,
  type Meeting,
  type MeetingOverride,
  type MeetingSeries,
  scheduledDay,
  upcomingMeetings,
} from "../src/features/meetings/schedule.ts";
import { localToInstant } from "../src/features/meetings/zone.ts";

/**
 * The shortcuts the scheduler's due checks take to stay cheap at 1,000 communities, held to the
 * rules they stand in for, over random zones (odd offsets and odd clock changes included), days,
 * times, series, moves and holidays.
 */
const ZONES = [
  "UTC",
  "Asia/Jakarta",
  "Asia/Kathmandu",
  "America/St_Johns",
  "America/New_York",
  "America/Santiago",
  "Europe/Berlin",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "Pacific/Kiritimati",
  "Pacific/Pago_Pago",
  "Antarctica/Troll", // a two-hour clock change
];
const RUNS = { numRuns: 300 };
const DAY_MS = 86_400_000;

const zone = fc.constantFrom(...ZONES);
const day = fc.integer({ min: 0, max: 3 * 365 }).map((n) => addDays("2026-01-01", n));
const minute = fc.integer({ min: 0, max: 1439 });

function meetingAt(localDay: string, start: number, timezone: string): Meeting {
  const startsAt = localToInstant(localDay, start, timezone);
  const endsAt = new Date(startsAt.getTime() + 60 * 60_000);
  return { localDay, scheduledDay: localDay, startsAt, endsAt, link: null, moved: false };
}

describe("how far ahead of a meeting its posts can be due", () => {
  it("an announcement: never more than announceHorizonMs(days) before the start", () => {
    fc.assert(
      fc.property(zone, day, minute, fc.integer({ min: 0, max: 14 }), (tz, d, start, days) => {
        const m = meetingAt(d, start, tz);
        const ahead = m.startsAt.getTime() - announceAt(m, days, tz).getTime();
        expect(ahead).toBeLessThanOrEqual(announceHorizonMs(days));
      }),
      RUNS,
    );
  });

  it("a reminder: its window opens at most REMIND_HORIZON_MS before the start and closes by it", () => {
    fc.assert(
      fc.property(zone, day, minute, (tz, d, start) => {
        const m = meetingAt(d, start, tz);
        for (const which of REMINDERS) {
          const { from, until } = reminderWindow(m, which, tz);
          expect(m.startsAt.getTime() - from.getTime()).toBeLessThanOrEqual(REMIND_HORIZON_MS);
          expect(until.getTime()).toBeLessThanOrEqual(m.startsAt.getTime());
        }
      }),
      RUNS,
    );
  });
});

/** A series with a few cancelled or moved days and holidays near `from`. */
const calendar = fc
  .record({
    cadence: fc.constantFrom(...CADENCES),
    first: fc.integer({ min: 0, max: 400 }),
    startMinute: minute,
    minutes: fc.integer({ min: 5, max: 600 }),
    timezone: zone,
    fromDays: fc.integer({ min: 0, max: 500 }),
    fromMs: fc.integer({ min: 0, max: DAY_MS - 1 }),
    changes: fc.array(
      fc.record({
        k: fc.integer({ min: -3, max: 12 }),
        cancelled: fc.boolean(),
        shift: fc.integer({ min: -40, max: 40 }),
        toMinute: minute,
      }),
      { maxLength: 4 },
    ),
    holidays: fc.array(
      fc.record({ at: fc.integer({ min: -20, max: 60 }), length: fc.integer({ min: 0, max: 12 }) }),
      { maxLength: 4 },
    ),
  })
  .map((r) => {
    const series: MeetingSeries = {
      cadence: r.cadence,
      firstDay: addDays("2026-01-05", r.first),
      startMinute: r.startMinute,
      minutes: r.minutes,
      timezone: r.timezone,
      link: null,
    };
    const from = new Date(Date.parse("2026-03-01T00:00:00Z") + r.fromDays * DAY_MS + r.fromMs);
    const fromDay = from.toISOString().slice(0, 10);
    // The scheduled day about `k` meetings after `from` (k < 0: before it).
    const step = r.cadence === "weekly" ? 7 : r.cadence === "biweekly" ? 14 : 30;
    const base = Math.max(0, Math.floor(daysBetween(series.firstDay, fromDay) / step));
    const overrides = new Map<string, MeetingOverride>();
    for (const c of r.changes) {
      const scheduled = scheduledDay(series, Math.max(0, base + c.k));
      overrides.set(
        scheduled,
        c.cancelled
          ? { day: scheduled, cancelled: true }
          : { day: scheduled, cancelled: false, toDay: addDays(scheduled, c.shift), toMinute: c.toMinute },
      );
    }
    const holidays: Holiday[] = r.holidays.map((h) => ({
      startDay: addDays(fromDay, h.at),
      endDay: addDays(fromDay, h.at + h.length),
      name: null,
    }));
    return { series, from, overrides: [...overrides.values()], holidays };
  });

const keys = (meetings: readonly Meeting[]) =>
  meetings.map((m) => `${m.scheduledDay} ${m.startsAt.toISOString()}`);

describe("the calendar's shortcuts give the same meetings", () => {
  it("upcomingMeetings with `until`: the same meetings up to `until`", () => {
    fc.assert(
      fc.property(
        calendar,
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 0, max: 20 * DAY_MS }),
        ({ series, from, overrides, holidays }, count, ahead) => {
          const until = new Date(from.getTime() + ahead);
          const upTo = (meetings: Meeting[]) => keys(meetings.filter((m) => m.startsAt <= until));
          expect(upTo(upcomingMeetings(series, overrides, holidays, from, count, until))).toEqual(
            upTo(upcomingMeetings(series, overrides, holidays, from, count)),
          );
        },
      ),
      RUNS,
    );
  });

  it("pastMeetings: every meeting moved into the stretch is found, however many", () => {
    // Tuesdays at 19:00 UTC; the next five brought forward into the week before `now`.
    const series = {
      cadence: "weekly" as const,
      firstDay: "2027-01-05",
      startMinute: 19 * 60,
      minutes: 60,
      link: null,
    };
    const overrides: MeetingOverride[] = ["03-23", "03-30", "04-06", "04-13", "04-20"].map((d, i) => ({
      day: `2027-${d}`,
      cancelled: false,
      toDay: `2027-03-${13 + i}`,
      toMinute: 10 * 60,
    }));
    const now = new Date("2027-03-20T00:00:00Z");
    const from = new Date(now.getTime() - 8 * DAY_MS);
    const found = pastMeetings({ series, overrides, holidays: [] }, "UTC", from, now);
    expect(found.map((m) => m.localDay)).toEqual([
      "2027-03-13",
      "2027-03-14",
      "2027-03-15",
      "2027-03-16",
      "2027-03-16",
      "2027-03-17",
    ]);
  });

  it("pastMeetings: every meeting that started in between, as looking at 40 would find", () => {
    fc.assert(
      fc.property(
        calendar,
        fc.integer({ min: 0, max: 15 * DAY_MS }),
        ({ series, from, overrides, holidays }, span) => {
          const now = new Date(from.getTime() + span);
          const { timezone, ...stored } = series;
          const found = pastMeetings({ series: stored, overrides, holidays }, timezone, from, now);
          const all = upcomingMeetings(series, overrides, holidays, from, 40).filter(
            (m) => m.startsAt <= now,
          );
          expect(keys(found)).toEqual(keys(all));
        },
      ),
      RUNS,
    );
  });
});
