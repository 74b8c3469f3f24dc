import fc from "fast-check";
import { addDays } from "../../src/core/calendar.ts";
import {
  applyAway,
  applyHosted,
  applyPass,
  applySkip,
  applySwap,
  applyVolunteer,
  assignHosts,
  type RotationState,
} from "../../src/features/rotation/rules.ts";
import { member, rotation, weekly } from "./rotation.ts";

/** One thing that happens to a community between or at its weekly meetings. */
export type Step =
  | { t: "meet" }
  | { t: "skip" }
  | { t: "pass" }
  | { t: "swap"; pick: number; accept: boolean }
  | { t: "volunteer"; pick: number }
  | { t: "away"; pick: number; weeks: number }
  | { t: "join"; intro: boolean }
  | { t: "leave"; pick: number };

export type StepKind = Step["t"];

const arbitraries: Record<StepKind, fc.Arbitrary<Step>> = {
  meet: fc.constant({ t: "meet" }),
  skip: fc.constant({ t: "skip" }),
  pass: fc.constant({ t: "pass" }),
  swap: fc.record({ t: fc.constant("swap"), pick: fc.nat(20), accept: fc.boolean() }),
  volunteer: fc.record({ t: fc.constant("volunteer"), pick: fc.nat(20) }),
  away: fc.record({ t: fc.constant("away"), pick: fc.nat(20), weeks: fc.integer({ min: 1, max: 4 }) }),
  join: fc.record({ t: fc.constant("join"), intro: fc.boolean() }),
  leave: fc.record({ t: fc.constant("leave"), pick: fc.nat(20) }),
};

/**
 * A starting team of 2–6 members, in `everyone` or `volunteers` mode (then m1 and every second
 * newcomer do not opt in), and up to `maxSteps` steps of the given kinds (meetings weighted up).
 */
export function scenario(kinds: readonly StepKind[], maxSteps = 40) {
  const steps = kinds.map((k) => ({ arbitrary: arbitraries[k], weight: k === "meet" ? 2 : 1 }));
  return fc.record({
    size: fc.integer({ min: 2, max: 6 }),
    volunteers: fc.boolean(),
    steps: fc.array(fc.oneof(...steps), { maxLength: maxSteps }),
  });
}

/** One meeting as it went, with the test's own accounting just before it. */
export interface Meeting {
  readonly date: string;
  readonly host: string;
  /** `fair`: the rule chose; `pinned`: a swap or volunteer committed it; `cover`: took a pass. */
  readonly how: "fair" | "pinned" | "cover";
  /** `cover`: who passed the day (not a candidate for it). */
  readonly passer?: string;
  readonly hostedBefore: ReadonlyMap<string, number>;
  readonly owedBefore: ReadonlyMap<string, number>;
  readonly eligible: readonly string[];
}

/** What a run left behind: the state after each step and every meeting. */
export interface Run {
  readonly states: RotationState[];
  readonly meetings: Meeting[];
  /** Members present and eligible for every meeting from the start. */
  readonly steady: string[];
  readonly hosted: Map<string, number>;
  readonly owed: Map<string, number>;
}

/** The test's own reading of eligibility (independent of the core's `isEligible`). */
export function eligibleOn(state: RotationState, date: string): string[] {
  return state.members
    .filter((m) => {
      if (m.status !== "active") return false;
      if (state.mode === "volunteers" && !m.optedIn) return false;
      if (state.aways.some((a) => a.memberId === m.id && a.from <= date && date <= a.to)) return false;
      const intro = m.answeredIntroAt?.slice(0, 10);
      return (intro !== undefined && intro <= date) || addDays(m.joinedAt.slice(0, 10), 7) <= date;
    })
    .map((m) => m.id);
}

/** Plays the steps through the core, one weekly meeting day per meet, skip, pass or swap step. */
export function play(size: number, steps: readonly Step[], volunteers = false): Run {
  const optIn = (i: number) => !volunteers || i % 2 === 0;
  let state = rotation(
    Array.from({ length: size }, (_, i) => member(`m${i}`, { optedIn: optIn(i) })),
    { mode: volunteers ? "volunteers" : "everyone" },
  );
  const states: RotationState[] = [state];
  const meetings: Meeting[] = [];
  const hosted = new Map<string, number>();
  const owed = new Map<string, number>();
  const unsteady = new Set<string>();
  const pinned = new Set<string>();
  let date = "2026-03-02";
  const bump = (map: Map<string, number>, id: string, by: number) => map.set(id, (map.get(id) ?? 0) + by);
  const host = (id: string, how: Meeting["how"], passer?: string) => {
    meetings.push({
      date,
      host: id,
      how,
      ...(passer === undefined ? {} : { passer }),
      hostedBefore: new Map(hosted),
      owedBefore: new Map(owed),
      eligible: eligibleOn(state, date),
    });
    state = applyHosted(state, date, id);
    bump(hosted, id, 1);
    if ((owed.get(id) ?? 0) > 0) bump(owed, id, -1);
  };
  const active = () => state.members.filter((m) => m.status === "active").map((m) => m.id);
  const planned = () => assignHosts(state, weekly(date, 8), new Date(`${date}T00:00:00Z`));
  for (const step of steps) {
    const now = new Date(`${date}T00:00:00Z`);
    const ids = active();
    if (step.t === "meet" || step.t === "pass" || step.t === "swap") {
      if (step.t === "swap") {
        const first = planned()[0]?.memberId;
        const others = ids.filter((id) => id !== first);
        const other = others[step.pick % Math.max(1, others.length)];
        if (first && other) {
          const swap = { date, memberId: first, otherMemberId: other, accept: step.accept };
          const swapped = applySwap(state, swap, weekly(date, 8), now);
          state = swapped.state;
          pinned.add(date);
          if (swapped.laterDate) pinned.add(swapped.laterDate);
        }
      }
      const assigned = planned()[0]?.memberId ?? null;
      if (assigned !== null && step.t === "pass") {
        const passed = applyPass(state, date, assigned);
        state = passed.state;
        bump(owed, assigned, 1);
        if (passed.handedTo) host(passed.handedTo, "cover", assigned);
      } else if (assigned !== null) {
        host(assigned, pinned.has(date) ? "pinned" : "fair");
      }
      date = addDays(date, 7);
    } else if (step.t === "skip") {
      state = applySkip(state, date, "skipped", "holiday");
      date = addDays(date, 7);
    } else if (step.t === "volunteer") {
      const id = ids[step.pick % Math.max(1, ids.length)];
      if (id) {
        const volunteered = applyVolunteer(state, id, weekly(date, 8), now);
        state = volunteered.state;
        if (volunteered.date) pinned.add(volunteered.date);
      }
    } else if (step.t === "away") {
      const id = ids[step.pick % Math.max(1, ids.length)];
      if (id) {
        state = applyAway(state, { memberId: id, from: date, to: addDays(date, step.weeks * 7 - 1) });
        unsteady.add(id);
      }
    } else if (step.t === "join") {
      const at = `${date}T00:00:00Z`;
      const joined = member(`n${state.members.length}`, {
        joinedAt: at,
        answeredIntroAt: step.intro ? at : null,
        optedIn: optIn(state.members.length),
      });
      state = { ...state, members: [...state.members, joined] };
      unsteady.add(joined.id);
    } else if (step.t === "leave" && ids.length > 1) {
      const id = ids[step.pick % ids.length] as string;
      state = { ...state, members: state.members.map((m) => (m.id === id ? { ...m, status: "alumni" } : m)) };
      unsteady.add(id);
    }
    states.push(state);
  }
  const steady = state.members
    .filter((m) => m.id.startsWith("m") && !unsteady.has(m.id) && m.optedIn)
    .map((m) => m.id);
  return { states, meetings, steady, hosted, owed };
}
