import { describe, expect, it } from "vitest";
import { localClock } from "../src/core/local-time.ts";
import { reminderDue, reminderWindow } from "../src/features/meetings/moments.ts";
import { type MeetingSeries, upcomingMeetings } from "../src/features/meetings/schedule.ts";

const weekly = (firstDay: string, startMinute: number, timezone: string): MeetingSeries => ({
  cadence: "weekly",
  firstDay,
  startMinute,
  minutes: 60,
  timezone,
  link: null,
});
const meetingOn = (series: MeetingSeries, day: string) => {
  const found = upcomingMeetings(series, [], [], new Date(`${day}T00:00:00Z`), 2).find(
    (m) => m.localDay === day,
  );
  if (!found) throw new Error(`no meeting on ${day}`);
  return found;
};

// The day-before reminder comes at the meeting's own local time on the day before, also when the
// clocks change in between (the night before a Sunday meeting): 23 or 25 hours before, not 24.
describe.each([
  {
    name: "Europe/Berlin, spring forward (28 March 2027)",
    series: weekly("2027-03-21", 19 * 60, "Europe/Berlin"),
    day: "2027-03-28",
    start: "2027-03-28T17:00:00.000Z",
    dayBefore: "2027-03-27T18:00:00.000Z",
  },
  {
    name: "Europe/Berlin, fall back (31 October 2027)",
    series: weekly("2027-10-24", 19 * 60, "Europe/Berlin"),
    day: "2027-10-31",
    start: "2027-10-31T18:00:00.000Z",
    dayBefore: "2027-10-30T17:00:00.000Z",
  },
  {
    name: "America/New_York, spring forward (14 March 2027)",
    series: weekly("2027-03-07", 10 * 60, "America/New_York"),
    day: "2027-03-14",
    start: "2027-03-14T14:00:00.000Z",
    dayBefore: "2027-03-13T15:00:00.000Z",
  },
])("$name", ({ series, day, start, dayBefore }) => {
  const meeting = meetingOn(series, day);
  const zone = series.timezone;

  it("reminds the day before at the meeting's local time", () => {
    expect(meeting.startsAt.toISOString()).toBe(start);
    const { from } = reminderWindow(meeting, "24h", zone);
    expect(from.toISOString()).toBe(dayBefore);
    expect(localClock(from, zone).minutes).toBe(series.startMinute);
  });

  it("is due from that moment, not an hour before or after it", () => {
    const at = Date.parse(dayBefore);
    const HOUR = 60 * 60 * 1000;
    expect(reminderDue(meeting, "24h", new Date(at - HOUR), [], zone)).toBe(false);
    expect(reminderDue(meeting, "24h", new Date(at), [], zone)).toBe(true);
    expect(reminderDue(meeting, "24h", new Date(at + HOUR), [], zone)).toBe(true);
  });

  it("the hour reminder stays an hour before, and takes over from the day-before one", () => {
    const hour = reminderWindow(meeting, "1h", zone);
    expect(hour.from.getTime()).toBe(meeting.startsAt.getTime() - 60 * 60 * 1000);
    expect(reminderWindow(meeting, "24h", zone).until).toEqual(hour.from);
  });
});
