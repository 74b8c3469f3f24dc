import { assignHosts, dayRecords, fairestFor, openCommitment, previousHost } from "./assign.ts";
import { isEligible } from "./eligibility.ts";
import { record, stateTallies, withEntries } from "./tally.ts";
import type { Away, Day, LedgerEntry, RotationState } from "./types.ts";

function append(state: RotationState, ...entries: LedgerEntry[]): RotationState {
  return withEntries(state, entries);
}

/** The meeting happened: `memberId` hosted it (repays one of their debts, if any). */
export function applyHosted(state: RotationState, date: Day, memberId: string): RotationState {
  return append(state, { kind: "hosted", meetingDate: date, memberId, reason: "hosted" });
}

/** A holiday (`skipped`) or a cancelled meeting: nobody hosts it and it costs nobody a turn. */
export function applySkip(
  state: RotationState,
  date: Day,
  kind: "skipped" | "cancelled",
  reason: string,
): RotationState {
  return append(state, { kind, meetingDate: date, reason });
}

/** The member is away from `from` to `to` (both included): not eligible then, costs no turn. */
export function applyAway(state: RotationState, away: Away): RotationState {
  return { ...state, aways: [...state.aways, away] };
}

/**
 * `memberId` passes their turn on `date`: it goes to the next fair choice (never back to a passer
 * of that day, nor to the host of the meeting before while someone eligible hosted less) and the
 * passer owes one turn, which puts them ahead of their equals until they host. Earlier days
 * committed but not yet closed count for their host, as in the plan. The caller checks that
 * `date` is their turn. `handedTo` is null when nobody else is eligible.
 */
export function applyPass(
  state: RotationState,
  date: Day,
  memberId: string,
  reason = "passed",
): { state: RotationState; handedTo: string | null } {
  const days = dayRecords(state.ledger);
  const passers = new Set(days.get(date)?.passers ?? []);
  passers.add(memberId);
  const tallies = stateTallies(state);
  for (const [day, found] of days) {
    const host = openCommitment(found);
    if (host && day < date)
      record(tallies, { kind: "hosted", meetingDate: day, memberId: host, reason: "unclosed" });
  }
  const previous = previousHost(days, (day) => day < date);
  const handedTo = fairestFor(state, tallies, date, passers, previous);
  const entry: LedgerEntry = { kind: "passed", meetingDate: date, memberId, reason };
  if (handedTo !== null) entry.otherMemberId = handedTo;
  return { state: append(state, entry), handedTo };
}

/**
 * `memberId`, host of `date`, asked `otherMemberId` to swap. Declined: the turn stays (recorded
 * as the original host's). Accepted: the other hosts `date` and `memberId` hosts the other's next
 * turn in the plan of `upcomingMeetingDates` (both sides recorded); `laterDate` is that turn, or
 * null when the other had none planned (then `memberId` simply comes up again by the fair rule).
 * An accepted swap with someone not eligible that day is recorded as `unavailable`: the turn stays.
 */
export function applySwap(
  state: RotationState,
  swap: { date: Day; memberId: string; otherMemberId: string; accept: boolean },
  upcomingMeetingDates: readonly Day[],
  now: Date,
): { state: RotationState; laterDate: Day | null } {
  const { date, memberId, otherMemberId } = swap;
  const other = state.members.find((m) => m.id === otherMemberId);
  // Someone who cannot host that day (away, alumni, opted out) cannot take it: the turn stays.
  const able = other !== undefined && isEligible(state, other, date);
  if (!swap.accept || !able) {
    const reason = swap.accept ? "unavailable" : "declined";
    const entry: LedgerEntry = { kind: "swapped", meetingDate: date, memberId, otherMemberId, reason };
    return { state: append(state, entry), laterDate: null };
  }
  const later =
    assignHosts(state, upcomingMeetingDates, now).find((a) => a.date > date && a.memberId === otherMemberId)
      ?.date ?? null;
  const entries: LedgerEntry[] = [
    {
      kind: "swapped",
      meetingDate: date,
      memberId: otherMemberId,
      otherMemberId: memberId,
      reason: "accepted",
    },
  ];
  if (later !== null) {
    entries.push({ kind: "swapped", meetingDate: later, memberId, otherMemberId, reason: "accepted" });
  }
  return { state: append(state, ...entries), laterDate: later };
}

/**
 * `memberId` volunteers: they take the next open turn of `upcomingMeetingDates` (not hosted yet,
 * not skipped, not committed by a swap, volunteer or pass, and a day they are eligible for).
 * `date` is null when there is no open turn.
 */
export function applyVolunteer(
  state: RotationState,
  memberId: string,
  upcomingMeetingDates: readonly Day[],
  now: Date,
): { state: RotationState; date: Day | null } {
  const member = state.members.find((m) => m.id === memberId);
  const days = dayRecords(state.ledger);
  const open = assignHosts(state, upcomingMeetingDates, now).find((a) => {
    const day = days.get(a.date);
    return !day?.hosted && !day?.pinned && member !== undefined && isEligible(state, member, a.date);
  });
  if (!open) return { state, date: null };
  return {
    state: append(state, { kind: "volunteered", meetingDate: open.date, memberId, reason: "volunteered" }),
    date: open.date,
  };
}
