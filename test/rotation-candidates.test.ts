import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../src/core/calendar.ts";
import { assignHosts } from "../src/features/rotation/assign.ts";
import { isEligible } from "../src/features/rotation/eligibility.ts";
import { applyPass } from "../src/features/rotation/moves.ts";
import { rotationScope } from "../src/features/rotation/scope.ts";
import { emptyTally, fairOrder, stateTallies } from "../src/features/rotation/tally.ts";
import type { RotationState } from "../src/features/rotation/types.ts";
import { BASE, community, cutRotation, debtorsCase } from "./support/rotation-cut.ts";

/** Communities of every kind (rotation-cut.ts): each presses on one part of the limit. */
const communities = fc.oneof(
  community("ordinary"),
  community("crowded"),
  community("committed"),
  community("debtors"),
);

// Each property: 400 random communities of 8–60 members with 5–40 weeks of history.
const RUNS = { numRuns: 400 };

/** The plan's days: `count` weekly meetings from a week around BASE, one maybe already past. */
const planArb = fc.record({
  offset: fc.integer({ min: -9, max: 3 }),
  count: fc.integer({ min: 1, max: 8 }),
  hour: fc.integer({ min: 0, max: 47 }),
  more: fc.nat(6),
});

function planOf(state: RotationState, p: { offset: number; count: number; hour: number }) {
  const first = addDays(BASE, p.offset);
  const dates = Array.from({ length: p.count }, (_, i) => addDays(first, i * 7));
  const now = new Date(Date.parse(`${BASE}T00:00:00Z`) + (p.hour - 24) * 3_600_000);
  return {
    dates,
    now,
    scope: (members: string[] = []) => rotationScope(now, state.timezone, dates, { members }),
  };
}

describe("a plan from the fairest candidates is the plan from every member", () => {
  let trimmed = 0;

  it("assignHosts gives the same hosts fed every member and the whole ledger, or the view's cut", {
    timeout: 60_000,
  }, () => {
    fc.assert(
      fc.property(communities, planArb, (full, p) => {
        const { dates, now, scope } = planOf(full, p);
        const cut = cutRotation(full, scope(), p.more);
        if (cut.members.length < full.members.length) trimmed++;
        expect(assignHosts(cut, dates, now)).toEqual(assignHosts(full, dates, now));
      }),
      RUNS,
    );
    // The property means something only if the cut leaves members out (most runs).
    expect(trimmed).toBeGreaterThan(RUNS.numRuns / 2);
  });

  it("a meeting's host as of its own day (a close, /cop meeting done) is the same", {
    timeout: 60_000,
  }, () => {
    fc.assert(
      fc.property(communities, planArb, (full, p) => {
        const { dates, now } = planOf(full, p);
        const day = dates[0] as string;
        const cut = cutRotation(full, rotationScope(now, full.timezone, [day]), p.more);
        const dayStart = new Date(`${day}T00:00:00Z`);
        expect(assignHosts(cut, [day], dayStart)).toEqual(assignHosts(full, [day], dayStart));
      }),
      RUNS,
    );
  });

  it("a pass hands the turn to the same member, and the plan after it is the same", {
    timeout: 60_000,
  }, () => {
    fc.assert(
      fc.property(communities, planArb, fc.nat(60), (full, p, pick) => {
        const { dates, now, scope } = planOf(full, p);
        const date = dates[pick % dates.length] as string;
        const passer = assignHosts(full, dates, now).find((a) => a.date === date)?.memberId;
        if (!passer) return;
        const cut = cutRotation(full, scope([passer]), p.more);
        const fromFull = applyPass(full, date, passer);
        const fromCut = applyPass(cut, date, passer);
        expect(fromCut.handedTo).toBe(fromFull.handedTo);
        expect(assignHosts(fromCut.state, dates, now)).toEqual(assignHosts(fromFull.state, dates, now));
      }),
      RUNS,
    );
  });

  it("the swap form offers the same 25 fairest members who can host that day", { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(communities, planArb, fc.nat(59), (full, p, pick) => {
        const { dates, now } = planOf(full, p);
        const day = dates[0] as string;
        const me = full.members[pick % full.members.length]?.id as string;
        const choices = (state: RotationState) => {
          const tallies = stateTallies(state);
          const tally = (id: string) => tallies.get(id) ?? emptyTally(id);
          return state.members
            .filter((m) => m.id !== me && isEligible(state, m, day))
            .map((m) => m.id)
            .sort((a, b) => fairOrder(tally(a), tally(b)))
            .slice(0, 5);
        };
        const cut = cutRotation(full, rotationScope(now, full.timezone, [day], { members: [me], extra: 5 }));
        expect(choices(cut)).toEqual(choices(full));
      }),
      RUNS,
    );
  });
});

describe("the members who hosted fewest are read too", () => {
  it("a debtor who just hosted waits for the member who hosted less, found among the fewest hosted", {
    timeout: 60_000,
  }, () => {
    const { state, dates, now } = debtorsCase();
    const full = assignHosts(state, dates, now);
    expect(full.map((a) => a.memberId)).toEqual(["p", "w"]);
    const cut = cutRotation(state, rotationScope(now, "UTC", dates));
    expect(assignHosts(cut, dates, now)).toEqual(full);
    // Three of each order (2 days, 1 member named), and `q`: `o` only as one who hosted fewest.
    expect(cut.members.map((m) => m.id).sort()).toEqual(["o", "p", "q", "r1", "w", "x"]);
  });
});
