import { localDay } from "../../core/local-time.ts";
import { isEligible } from "./eligibility.ts";
import { emptyTally, fairOrder, type MemberTally, record, stateTallies } from "./tally.ts";
import type { Day, HostAssignment, LedgerEntry, RotationMember, RotationState } from "./types.ts";

/** What the ledger already says about one meeting day. */
export interface DayRecord {
  /** A holiday or cancellation: nobody hosts, nobody's count changes. */
  skipped: boolean;
  /** Who hosted it, once it happened. */
  hosted: string | null;
  /** Who is committed to it by a swap, a volunteer or a pass (the latest such entry wins). */
  pinned: string | null;
  /** The pin is a press of "I'll host" on an announcement without a host (`volunteered`, `claimed`). */
  claimed: boolean;
  /** Who passed it: they cannot be handed it back. */
  passers: Set<string>;
}

/** The ledger reason of a turn taken with the announcement's "I'll host" button. */
export const CLAIMED = "claimed";

/** Reads the ledger into one record per meeting day. */
export function dayRecords(ledger: readonly LedgerEntry[]): Map<Day, DayRecord> {
  const days = new Map<Day, DayRecord>();
  for (const e of ledger) {
    let d = days.get(e.meetingDate);
    if (!d) {
      d = { skipped: false, hosted: null, pinned: null, claimed: false, passers: new Set() };
      days.set(e.meetingDate, d);
    }
    if (e.kind === "skipped" || e.kind === "cancelled") d.skipped = true;
    else if (e.kind === "hosted") d.hosted = e.memberId ?? null;
    else if (e.kind === "swapped" || e.kind === "volunteered" || e.kind === "assigned") {
      d.pinned = e.memberId ?? null;
      d.claimed = e.kind === "volunteered" && e.reason === CLAIMED;
    } else if (e.kind === "passed") {
      if (e.memberId !== undefined) d.passers.add(e.memberId);
      d.pinned = e.otherMemberId ?? null;
      d.claimed = false;
    }
  }
  return days;
}

/** Who a day not yet closed is committed to (a pin its member did not pass), else null. */
export function openCommitment(day: DayRecord): string | null {
  if (day.skipped || day.hosted || !day.pinned || day.passers.has(day.pinned)) return null;
  return day.pinned;
}

/** Who hosted or is committed to a day, held or not; null for a skipped or undecided day. */
function hostOfRecord(day: DayRecord): string | null {
  return day.skipped ? null : (day.hosted ?? openCommitment(day));
}

/**
 * The host of the latest meeting among the ledger's days that `isBefore` accepts: the member who
 * would host "twice in a row" by taking the next one.
 */
export function previousHost(days: ReadonlyMap<Day, DayRecord>, isBefore: (date: Day) => boolean) {
  let latest: Day | null = null;
  let host: string | null = null;
  for (const [date, day] of days) {
    const who = hostOfRecord(day);
    if (who === null || !isBefore(date) || (latest !== null && date < latest)) continue;
    latest = date;
    host = who;
  }
  return host;
}

/**
 * The fair choice for one day among the eligible members (minus `exclude`), or null: the fairest
 * by `fairOrder`, except that the host of the meeting before (`previous`) never hosts twice in a
 * row while another eligible member has hosted less. `tallies` may hold tentative hostings from
 * earlier days of the same plan.
 */
export function fairestFor(
  state: RotationState,
  tallies: ReadonlyMap<string, MemberTally>,
  date: Day,
  exclude: ReadonlySet<string> = new Set(),
  previous: string | null = null,
): string | null {
  let best: MemberTally | null = null;
  let bestOther: MemberTally | null = null;
  let fewestOther = Number.POSITIVE_INFINITY;
  for (const m of state.members) {
    if (exclude.has(m.id) || !isEligible(state, m, date)) continue;
    const t = tallies.get(m.id) ?? emptyTally(m.id);
    if (best === null || fairOrder(t, best) < 0) best = t;
    if (m.id === previous) continue;
    if (bestOther === null || fairOrder(t, bestOther) < 0) bestOther = t;
    fewestOther = Math.min(fewestOther, t.hosted);
  }
  // A debt can put the last host first again; hosting twice in a row waits until nobody hosted less.
  if (best !== null && best.memberId === previous && bestOther !== null && fewestOther < best.hosted)
    return bestOther.memberId;
  return best?.memberId ?? null;
}

/**
 * Whether a commitment holds on `date`: its member can host then, or took a host-less meeting
 * with "I'll host" and is still active (their own choice, newcomer week, away day or opt-in aside).
 */
function pinHolds(state: RotationState, member: RotationMember, date: Day, day: DayRecord): boolean {
  return isEligible(state, member, date) || (day.claimed && member.status === "active");
}

/**
 * Plans the hosts of the upcoming meeting days: `upcomingMeetingDates` are the meetings not yet
 * over at `now` (skipped and cancelled days are left out). A day already hosted keeps its host; a
 * day pinned by a swap, a volunteer or a pass goes to that member while they are eligible (and
 * counts for them before the other days are chosen); any other day goes to the fair choice: the
 * eligible member who hosted least (a debt from a pass counts as one hosting owed), then the
 * longest since they last hosted (never = longest), then the member id, never the host of the
 * meeting before while someone eligible hosted less. Each planned day counts as hosted for the
 * days after it, so a plan rotates. Days are the community's local days (`state.timezone`).
 */
export function assignHosts(
  state: RotationState,
  upcomingMeetingDates: readonly Day[],
  now: Date,
): HostAssignment[] {
  const today = localDay(now, state.timezone);
  const tallies = stateTallies(state);
  const days = dayRecords(state.ledger);
  const dates = [...new Set(upcomingMeetingDates)].sort();
  const coming = new Set(dates);
  // A meeting that is over but not yet closed (marked held, or held by default a day later) still
  // counts for its committed host, one that ended earlier today too: otherwise they would come up
  // again at once. A later day that is not coming (cancelled, beyond the plan) counts for nobody.
  const over = (date: Day) => date <= today && !coming.has(date);
  for (const [date, day] of days) {
    const host = openCommitment(day);
    if (host && over(date))
      record(tallies, { kind: "hosted", meetingDate: date, memberId: host, reason: "unclosed" });
  }
  // Commitments first: a member pinned to a later day counts it already, so the fair choice
  // for the days before does not hand them a second turn in the meantime.
  const pins = new Map<Day, string>();
  for (const date of dates) {
    const day = days.get(date);
    const host = day ? openCommitment(day) : null;
    const pinned = host === null ? undefined : state.members.find((m) => m.id === host);
    if (!day || !pinned || !pinHolds(state, pinned, date, day)) continue;
    pins.set(date, pinned.id);
    record(tallies, { kind: "hosted", meetingDate: date, memberId: pinned.id, reason: "planned" });
  }
  const plan: HostAssignment[] = [];
  let previous = previousHost(days, over);
  for (const date of dates) {
    const day = days.get(date);
    if (day?.skipped) continue;
    const committed = day?.hosted ?? pins.get(date); // both already in the tallies
    const memberId = committed ?? fairestFor(state, tallies, date, day?.passers, previous);
    plan.push({ date, memberId });
    if (memberId !== null && !committed)
      record(tallies, { kind: "hosted", meetingDate: date, memberId, reason: "planned" });
    previous = memberId;
  }
  return plan;
}
