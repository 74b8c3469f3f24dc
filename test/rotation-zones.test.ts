import { describe, expect, it } from "vitest";
import { planMeetings } from "../src/features/meetings/plan.ts";
import type { MeetingCalendar } from "../src/features/meetings/reads.ts";
import { localToInstant } from "../src/features/meetings/zone.ts";
import {
  applyHosted,
  applyPass,
  assignHosts,
  isEligible,
  type LedgerEntry,
  type RotationState,
} from "../src/features/rotation/rules.ts";
import { member, rotation } from "./support/rotation.ts";

// Weekly on Tuesdays at 19:00 local, an hour long, from 2 March 2027.
const calendar = (over: Partial<MeetingCalendar> = {}): MeetingCalendar => ({
  series: { cadence: "weekly", firstDay: "2027-03-02", startMinute: 19 * 60, minutes: 60, link: null },
  overrides: [],
  holidays: [],
  ...over,
});
/** Zones behind UTC, ahead of it, far ahead of it (across the date line from Los Angeles), and UTC. */
const ZONES = ["America/Los_Angeles", "Asia/Jakarta", "Pacific/Auckland", "UTC"];
const local = (day: string, time: string, zone: string) => {
  const [h, m] = time.split(":").map(Number) as [number, number];
  return localToInstant(day, h * 60 + m, zone);
};
const team = (zone: string, over: Partial<RotationState> = {}) =>
  rotation([member("a"), member("b"), member("c"), member("d")], { timezone: zone, ...over });
const hostsAt = (state: RotationState, now: Date, zone: string) =>
  (planMeetings(calendar(), zone, state, now, 4) ?? []).map((m) => [m.scheduledDay, m.host]);
const assigned = (day: string, memberId: string): LedgerEntry => ({
  kind: "assigned",
  meetingDate: day,
  memberId,
  reason: "announced",
});

describe.each(ZONES)("the rotation's days are the community's own (%s)", (zone) => {
  it("the evening's meeting keeps its host at 17:30 on its day, and no later host shifts", () => {
    const state = team(zone);
    const morning = hostsAt(state, local("2027-03-16", "09:00", zone), zone);
    const evening = hostsAt(state, local("2027-03-16", "17:30", zone), zone);
    expect(morning[0]).toEqual(["2027-03-16", "a"]);
    expect(evening).toEqual(morning);
  });

  it("the host of a meeting over but not closed is not planned for the next one (that evening or the next morning)", () => {
    // b was announced for the 16th; the meeting ended at 20:00 and nobody marked it yet.
    const state = team(zone, { ledger: [assigned("2027-03-16", "b")] });
    for (const now of [local("2027-03-16", "20:30", zone), local("2027-03-17", "09:00", zone)]) {
      const plan = hostsAt(state, now, zone);
      expect(plan[0]?.[0]).toBe("2027-03-23");
      // b counts as having hosted: everyone else first.
      expect(plan.map(([, host]) => host)).toEqual(["a", "c", "d", "b"]);
    }
  });

  it("a morning meeting over by 10:00 counts for its host when the next one is planned", () => {
    const early = calendar({
      series: { cadence: "weekly", firstDay: "2027-03-02", startMinute: 7 * 60, minutes: 60, link: null },
    });
    const state = team(zone, { ledger: [assigned("2027-03-16", "b")] });
    const plan = planMeetings(early, zone, state, local("2027-03-16", "10:00", zone), 4) ?? [];
    expect(plan.map((m) => m.host)).toEqual(["a", "c", "d", "b"]);
  });

  it("an intro answered at 17:30 on the meeting day makes a newcomer eligible that evening, one answered the next morning does not", () => {
    const joined = local("2027-03-14", "10:00", zone).toISOString();
    const before = {
      ...member("n"),
      joinedAt: joined,
      answeredIntroAt: local("2027-03-16", "17:30", zone).toISOString(),
    };
    const after = { ...before, answeredIntroAt: local("2027-03-17", "08:00", zone).toISOString() };
    const state = team(zone);
    expect(isEligible(state, before, "2027-03-16")).toBe(true);
    expect(isEligible(state, after, "2027-03-16")).toBe(false);
    expect(isEligible(state, after, "2027-03-17")).toBe(true);
  });

  it("a newcomer waits out their first week by local days; a founder met the same moment does not", () => {
    const joined = local("2027-03-09", "21:00", zone).toISOString();
    const newcomer = { ...member("n"), joinedAt: joined, answeredIntroAt: null };
    const founder = { ...newcomer, id: "f", founder: true };
    const state = team(zone);
    expect(isEligible(state, newcomer, "2027-03-16")).toBe(false);
    expect(isEligible(state, newcomer, "2027-03-17")).toBe(true);
    expect(isEligible(state, founder, "2027-03-09")).toBe(true);
    // Nobody can host a meeting before they were there.
    expect(isEligible(state, founder, "2027-03-08")).toBe(false);
  });

  it("a meeting moved from its day to a later one keeps its host after its day has passed", () => {
    const moved = calendar({
      overrides: [{ day: "2027-03-16", cancelled: false, toDay: "2027-03-18", toMinute: 19 * 60 }],
    });
    const state = team(zone, { ledger: [assigned("2027-03-16", "c")] });
    const [first] = planMeetings(moved, zone, state, local("2027-03-17", "12:00", zone), 4) ?? [];
    expect(first).toMatchObject({
      scheduledDay: "2027-03-16",
      localDay: "2027-03-18",
      host: "c",
      committed: true,
    });
  });
});

describe("right after install", () => {
  it("members who were here before guyub can host the first meeting; newcomers of that week cannot", () => {
    const installed = "2027-02-25T03:00:00Z";
    const founder = (id: string) => ({
      ...member(id),
      joinedAt: installed,
      answeredIntroAt: null,
      founder: true,
    });
    const newcomer = { ...member("n"), joinedAt: installed, answeredIntroAt: null };
    const state = rotation([founder("f1"), founder("f2"), newcomer], { timezone: "Asia/Jakarta" });
    const plan = planMeetings(calendar(), "Asia/Jakarta", state, new Date(installed), 3) ?? [];
    expect(plan.map((m) => m.host)).toEqual(["f1", "f2", "n"]);
    // Planned, not committed: nothing in the ledger names them yet.
    expect(plan.every((m) => !m.committed)).toBe(true);
  });
});

describe("nobody hosts twice in a row while an eligible member has hosted less", () => {
  const days = ["2027-03-02", "2027-03-09", "2027-03-16", "2027-03-23", "2027-03-30", "2027-04-06"];
  const now = new Date("2027-03-28T00:00:00Z");

  it("not even the member a debt puts first: they host again once someone who hosted less has", () => {
    // a passed three times (b, c, d took the turns), then hosted on the 23rd: a still owes two.
    let state = rotation(["a", "b", "c", "d", "e", "f"].map((id) => member(id)));
    for (const [i, other] of ["b", "c", "d"].entries()) {
      const day = days[i] as string;
      const passed = applyPass(state, day, "a");
      expect(passed.handedTo).toBe(other);
      state = applyHosted(passed.state, day, other);
    }
    state = applyHosted(state, "2027-03-23", "a");
    // e and f never hosted: e first, then a's debt puts a ahead of everyone else.
    expect(assignHosts(state, days.slice(4), now).map((p) => p.memberId)).toEqual(["e", "a"]);
    // The same when e passes the 30th: it goes to f, not back to a.
    expect(applyPass(state, "2027-03-30", "e").handedTo).toBe("f");
  });

  it("a pass the day after a meeting not yet closed is not handed to that meeting's host", () => {
    const state = rotation([member("a"), member("b"), member("c")], {
      ledger: [assigned("2027-03-23", "b")],
    });
    expect(applyPass(state, "2027-03-30", "a").handedTo).toBe("c");
  });
});
