import { isEligible, utcDay } from "./eligibility.ts";
import { emptyTally, fairOrder, type MemberTally, record, tallyLedger } from "./tally.ts";
import type { Day, HostAssignment, LedgerEntry, RotationState } from "./types.ts";

/** What the ledger already says about one meeting day. */
export interface DayRecord {
  /** A holiday or cancellation: nobody hosts, nobody's count changes. */
  skipped: boolean;
  /** Who hosted it, once it happened. */
  hosted: string | null;
  /** Who is committed to it by a swap, a volunteer or a pass (the latest such entry wins). */
  pinned: string | null;
  /** Who passed it: they cannot be handed it back. */
  passers: Set<string>;
}

/** Reads the ledger into one record per meeting day. */
export function dayRecords(ledger: readonly LedgerEntry[]): Map<Day, DayRecord> {
  const days = new Map<Day, DayRecord>();
  for (const e of ledger) {
    let d = days.get(e.meetingDate);
    if (!d) {
      d = { skipped: false, hosted: null, pinned: null, passers: new Set() };
      days.set(e.meetingDate, d);
    }
    if (e.kind === "skipped" || e.kind === "cancelled") d.skipped = true;
    else if (e.kind === "hosted") d.hosted = e.memberId ?? null;
    else if (e.kind === "swapped" || e.kind === "volunteered" || e.kind === "assigned")
      d.pinned = e.memberId ?? null;
    else if (e.kind === "passed") {
      if (e.memberId !== undefined) d.passers.add(e.memberId);
      d.pinned = e.otherMemberId ?? null;
    }
  }
  return days;
}

/**
 * The fair choice for one day among the eligible members (minus `exclude`), or null.
 * `tallies` may hold tentative hostings from earlier days of the same plan.
 */
export function fairestFor(
  state: RotationState,
  tallies: ReadonlyMap<string, MemberTally>,
  date: Day,
  exclude: ReadonlySet<string> = new Set(),
): string | null {
  let best: MemberTally | null = null;
  for (const m of state.members) {
    if (exclude.has(m.id) || !isEligible(state, m, date)) continue;
    const t = tallies.get(m.id) ?? emptyTally(m.id);
    if (best === null || fairOrder(t, best) < 0) best = t;
  }
  return best?.memberId ?? null;
}

/**
 * Plans the hosts of the upcoming meeting days (days before `now`'s UTC day are the ledger's
 * past and left out, as are skipped and cancelled days). A day already hosted keeps its host;
 * a day pinned by a swap, a volunteer or a pass goes to that member while they are eligible (and
 * counts for them before the other days are chosen); any other day goes to the fair choice: the eligible member who hosted least (a debt from a pass
 * counts as one hosting owed), then the longest since they last hosted (never = longest), then
 * the member id. Each planned day counts as hosted for the days after it, so a plan rotates.
 */
export function assignHosts(
  state: RotationState,
  upcomingMeetingDates: readonly Day[],
  now: Date,
): HostAssignment[] {
  const today = utcDay(now.toISOString());
  const tallies = tallyLedger(state.ledger);
  const days = dayRecords(state.ledger);
  const dates = [...new Set(upcomingMeetingDates)].filter((d) => d >= today).sort();
  // A meeting that is over but not yet closed (marked held, or held by default a day later)
  // still counts for its committed host: otherwise they would come up again at once. (One that
  // ended earlier today is the caller's to pass in `upcomingMeetingDates`.)
  for (const [date, day] of days) {
    if (date >= today || day.skipped || day.hosted || !day.pinned) continue;
    if (day.passers.has(day.pinned)) continue;
    record(tallies, { kind: "hosted", meetingDate: date, memberId: day.pinned, reason: "unclosed" });
  }
  // Commitments first: a member pinned to a later day counts it already, so the fair choice
  // for the days before does not hand them a second turn in the meantime.
  const pins = new Map<Day, string>();
  for (const date of dates) {
    const day = days.get(date);
    if (!day || day.skipped || day.hosted || !day.pinned || day.passers.has(day.pinned)) continue;
    const pinned = state.members.find((m) => m.id === day.pinned);
    if (!pinned || !isEligible(state, pinned, date)) continue;
    pins.set(date, pinned.id);
    record(tallies, { kind: "hosted", meetingDate: date, memberId: pinned.id, reason: "planned" });
  }
  const plan: HostAssignment[] = [];
  for (const date of dates) {
    const day = days.get(date);
    if (day?.skipped) continue;
    const committed = day?.hosted ?? pins.get(date); // both already in the tallies
    if (committed) {
      plan.push({ date, memberId: committed });
      continue;
    }
    const memberId = fairestFor(state, tallies, date, day?.passers);
    plan.push({ date, memberId });
    if (memberId !== null)
      record(tallies, { kind: "hosted", meetingDate: date, memberId, reason: "planned" });
  }
  return plan;
}
