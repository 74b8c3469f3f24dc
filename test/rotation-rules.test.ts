import { describe, expect, it } from "vitest";
import {
  applyAway,
  applyHosted,
  applyPass,
  applySkip,
  applySwap,
  applyVolunteer,
  assignHosts,
  fairness,
  type RotationState,
} from "../src/features/rotation/rules.ts";
import { member, NOW, rotation, weekly } from "./support/rotation.ts";

const DATES = weekly("2026-03-02", 6);
const hosts = (s: RotationState, dates = DATES, now = NOW) =>
  assignHosts(s, dates, now).map((a) => a.memberId);

function hostedAll(s: RotationState, ids: string[], dates: string[]): RotationState {
  return ids.reduce((acc, id, i) => applyHosted(acc, dates[i] as string, id), s);
}

describe("the fair choice", () => {
  const past = weekly("2026-01-05", 8);
  it.each([
    { name: "never hosted go first, by member id", history: [], expected: ["a", "b", "c", "a", "b", "c"] },
    { name: "least hosted first", history: ["a", "b", "a"], expected: ["c", "b", "c", "a", "b", "c"] },
    {
      name: "equal counts: the longest since hosting goes first",
      history: ["c", "b", "a"],
      expected: ["c", "b", "a", "c", "b", "a"],
    },
  ])("$name", ({ history, expected }) => {
    const s = hostedAll(rotation([member("a"), member("b"), member("c")]), history, past);
    expect(hosts(s)).toEqual(expected);
  });

  it("gives null when nobody is eligible", () => {
    expect(assignHosts(rotation([member("a", { status: "alumni" })]), DATES.slice(0, 1), NOW)).toEqual([
      { date: DATES[0], memberId: null },
    ]);
  });

  // The caller passes the meetings not yet over: a meeting moved from its scheduled day to a
  // later one is still coming after its scheduled day has passed, and keeps its place.
  it("plans each day it is given once, in order, an earlier scheduled day too", () => {
    const s = rotation([member("a"), member("b")]);
    const plan = assignHosts(s, ["2026-03-09", "2026-02-23", "2026-03-02", "2026-03-09"], NOW);
    expect(plan).toEqual([
      { date: "2026-02-23", memberId: "a" },
      { date: "2026-03-02", memberId: "b" },
      { date: "2026-03-09", memberId: "a" },
    ]);
  });
});

describe("eligibility", () => {
  it.each([
    {
      name: "answered the intro: eligible at once",
      over: { joinedAt: "2026-03-01T00:00:00Z", answeredIntroAt: "2026-03-01T10:00:00Z" },
      firstTurn: 0,
    },
    {
      name: "no intro: eligible after the first week",
      over: { joinedAt: "2026-03-01T00:00:00Z", answeredIntroAt: null },
      firstTurn: 1,
    },
    { name: "alumni drop out", over: { status: "alumni" as const }, firstTurn: -1 },
  ])("$name", ({ over, firstTurn }) => {
    // "n" never hosted, so it takes its first eligible day.
    const s = hostedAll(rotation([member("a"), member("n", over)]), ["a"], weekly("2026-02-02", 1));
    expect(hosts(s, DATES.slice(0, 3)).indexOf("n")).toBe(firstTurn);
  });

  it("volunteers mode: only those who opted in", () => {
    const s = rotation([member("a", { optedIn: false }), member("b"), member("c")], { mode: "volunteers" });
    expect(hosts(s, DATES.slice(0, 4))).toEqual(["b", "c", "b", "c"]);
  });

  it("away: not eligible in the range (both ends included) and costs no turn", () => {
    const s = applyAway(rotation([member("a"), member("b"), member("c")]), {
      memberId: "a",
      from: DATES[0] as string,
      to: DATES[1] as string,
    });
    expect(hosts(s, DATES.slice(0, 4))).toEqual(["b", "c", "a", "b"]);
  });
});

describe("the ledger", () => {
  const base = rotation([member("a"), member("b"), member("c")]);

  it("a skip costs nobody a turn: the day is left out and the order stays", () => {
    const s = applySkip(base, DATES[0] as string, "skipped", "holiday");
    expect(assignHosts(s, DATES.slice(0, 3), NOW)).toEqual([
      { date: DATES[1], memberId: "a" },
      { date: DATES[2], memberId: "b" },
    ]);
    const c = applySkip(base, DATES[1] as string, "cancelled", "speaker ill");
    expect(hosts(c, DATES.slice(0, 3))).toEqual(["a", "b"]);
    expect(fairness(c).map((t) => t.hosted)).toEqual([0, 0, 0]);
  });

  it("a pass hands the turn to the next fair choice and the passer owes one", () => {
    const { state, handedTo } = applyPass(base, DATES[0] as string, "a", "busy");
    expect(handedTo).toBe("b");
    expect(state.ledger.at(-1)).toEqual({
      kind: "passed",
      meetingDate: DATES[0],
      memberId: "a",
      otherMemberId: "b",
      reason: "busy",
    });
    expect(hosts(state, DATES.slice(0, 4))).toEqual(["b", "a", "c", "b"]);
    expect(fairness(state).find((t) => t.memberId === "a")).toMatchObject({ owed: 1, passed: 1, hosted: 0 });
    const repaid = applyHosted(applyHosted(state, DATES[0] as string, "b"), DATES[1] as string, "a");
    expect(fairness(repaid).find((t) => t.memberId === "a")).toMatchObject({ owed: 0, passed: 1, hosted: 1 });
  });

  it("a debt puts the passer ahead of an equal who waited longer", () => {
    // b hosted first, then c; c passes the next turn to a (never hosted) and owes it.
    let s = hostedAll(base, ["b", "c"], weekly("2026-02-02", 2));
    const passed = applyPass(s, "2026-02-16", "c");
    expect(passed.handedTo).toBe("a");
    s = applyHosted(passed.state, "2026-02-16", "a");
    // All hosted once and b waited longest, but c's debt puts c first.
    expect(hosts(s, DATES.slice(0, 3))).toEqual(["c", "b", "a"]);
  });

  it("swap accepted: both sides recorded, each hosts the other's turn", () => {
    const { state, laterDate } = applySwap(
      base,
      { date: DATES[0] as string, memberId: "a", otherMemberId: "c", accept: true },
      DATES,
      NOW,
    );
    expect(laterDate).toBe(DATES[2]);
    expect(state.ledger).toEqual([
      { kind: "swapped", meetingDate: DATES[0], memberId: "c", otherMemberId: "a", reason: "accepted" },
      { kind: "swapped", meetingDate: DATES[2], memberId: "a", otherMemberId: "c", reason: "accepted" },
    ]);
    expect(hosts(state, DATES.slice(0, 3))).toEqual(["c", "b", "a"]);
  });

  it("swap declined: the turn stays", () => {
    const { state, laterDate } = applySwap(
      base,
      { date: DATES[0] as string, memberId: "a", otherMemberId: "c", accept: false },
      DATES,
      NOW,
    );
    expect(laterDate).toBeNull();
    expect(state.ledger).toHaveLength(1);
    expect(hosts(state, DATES.slice(0, 3))).toEqual(["a", "b", "c"]);
  });

  it("swap with someone away that day: the turn stays, recorded as unavailable", () => {
    const away = applyAway(base, { memberId: "c", from: DATES[0] as string, to: DATES[0] as string });
    const { state, laterDate } = applySwap(
      away,
      { date: DATES[0] as string, memberId: "a", otherMemberId: "c", accept: true },
      DATES,
      NOW,
    );
    expect(laterDate).toBeNull();
    expect(state.ledger).toEqual([
      { kind: "swapped", meetingDate: DATES[0], memberId: "a", otherMemberId: "c", reason: "unavailable" },
    ]);
    expect(hosts(state, DATES.slice(0, 3))).toEqual(["a", "b", "c"]);
  });

  it("volunteer: takes the next open turn, skipping committed days", () => {
    const swapped = applySwap(
      base,
      { date: DATES[0] as string, memberId: "a", otherMemberId: "b", accept: false },
      DATES,
      NOW,
    ).state;
    const { state, date } = applyVolunteer(swapped, "c", DATES, NOW);
    expect(date).toBe(DATES[1]);
    expect(hosts(state, DATES.slice(0, 3))).toEqual(["a", "c", "b"]);
    expect(applyVolunteer(state, "c", [], NOW).date).toBeNull();
  });
});
