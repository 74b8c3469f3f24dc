import type { Day, LedgerEntry, RotationState } from "./types.ts";

/** One member's standing in the ledger. */
export interface MemberTally {
  readonly memberId: string;
  /** Meetings they hosted. */
  hosted: number;
  /** Passes not yet repaid by hosting: each counts as one hosting owed. */
  owed: number;
  /** Every pass they made, repaid or not. */
  passed: number;
  /** The last day they hosted; null when they never did (the longest wait of all). */
  lastHosted: Day | null;
}

/** Hosted minus owed: the count the rule compares. A debt lowers it, so the debtor comes first. */
export function effectiveCount(t: MemberTally): number {
  return t.hosted - t.owed;
}

/** An empty tally. */
export function emptyTally(memberId: string): MemberTally {
  return { memberId, hosted: 0, owed: 0, passed: 0, lastHosted: null };
}

/** Records one entry into the tallies (mutates `tallies`: callers pass their own copy). */
export function record(tallies: Map<string, MemberTally>, entry: LedgerEntry): void {
  const id = entry.memberId;
  if (id === undefined) return; // skips and cancellations cost nobody a turn
  let t = tallies.get(id);
  if (!t) {
    t = emptyTally(id);
    tallies.set(id, t);
  }
  if (entry.kind === "hosted") {
    t.hosted += 1;
    if (t.owed > 0) t.owed -= 1; // hosting repays the oldest debt
    if (t.lastHosted === null || entry.meetingDate > t.lastHosted) t.lastHosted = entry.meetingDate;
  } else if (entry.kind === "passed") {
    t.owed += 1;
    t.passed += 1;
  }
}

/** Tallies the whole ledger, in recorded order. */
export function tallyLedger(ledger: readonly LedgerEntry[]): Map<string, MemberTally> {
  const tallies = new Map<string, MemberTally>();
  for (const entry of ledger) record(tallies, entry);
  return tallies;
}

/**
 * The counts of a state, as fresh copies the caller may `record` into: the stored ones when the
 * state carries them (its ledger is then only the days a plan looks at), else the whole ledger's.
 */
export function stateTallies(state: Pick<RotationState, "ledger" | "tallies">): Map<string, MemberTally> {
  if (!state.tallies) return tallyLedger(state.ledger);
  return new Map(state.tallies.map((t) => [t.memberId, { ...t }]));
}

/**
 * The state with entries appended to its ledger, and to its stored counts when it carries them
 * (a pass or a swap decided in this request counts in the plans made after it, as in the ledger).
 */
export function withEntries(state: RotationState, entries: readonly LedgerEntry[]): RotationState {
  const ledger = [...state.ledger, ...entries];
  if (!state.tallies) return { ...state, ledger };
  const tallies = stateTallies(state);
  for (const entry of entries) record(tallies, entry);
  return { ...state, ledger, tallies: [...tallies.values()] };
}

/**
 * Orders candidates fairest first: least effective hosted count (debts counted), then the longest
 * since they last hosted (never hosted = longest), then member id so the choice is stable.
 */
export function fairOrder(a: MemberTally, b: MemberTally): number {
  const byCount = effectiveCount(a) - effectiveCount(b);
  if (byCount !== 0) return byCount;
  if (a.lastHosted !== b.lastHosted) {
    if (a.lastHosted === null) return -1;
    if (b.lastHosted === null) return 1;
    return a.lastHosted < b.lastHosted ? -1 : 1;
  }
  return a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0;
}

/** Per-member counts for every member of the state (alumni too), by member id. */
export function fairness(state: RotationState): MemberTally[] {
  const tallies = stateTallies(state);
  return state.members
    .map((m) => ({ ...(tallies.get(m.id) ?? emptyTally(m.id)) }))
    .sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
}
