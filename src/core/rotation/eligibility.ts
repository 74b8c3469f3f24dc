import type { Day, RotationMember, RotationState } from "./types.ts";

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Whether a member can host on `date`: active (alumni drop out), opted in when the mode is
 * `volunteers`, not away that day, joined by then, and either answered the intro (from that day on)
 * or a full week has passed since joining (whichever comes first). The day starts at 00:00 UTC
 * for the week's count: a few hours of time zone never decide a fortnightly turn.
 */
export function isEligible(state: RotationState, member: RotationMember, date: Day): boolean {
  if (member.status !== "active") return false;
  if (state.mode === "volunteers" && !member.optedIn) return false;
  if (state.aways.some((a) => a.memberId === member.id && a.from <= date && date <= a.to)) return false;
  const joined = Date.parse(member.joinedAt);
  const dayStart = Date.parse(`${date}T00:00:00Z`);
  if (joined > dayStart + 24 * 60 * 60 * 1000) return false;
  const introDay = member.answeredIntroAt === null ? null : utcDay(member.answeredIntroAt);
  return (introDay !== null && introDay <= date) || dayStart - joined >= WEEK_MS;
}

/** The UTC day of an ISO moment. */
export function utcDay(iso: string): Day {
  return new Date(iso).toISOString().slice(0, 10);
}
