import { addDays } from "../../core/calendar.ts";
import { DAY_MS } from "../../core/durations.ts";
import { localToInstant } from "../meetings/zone.ts";
import type { Day, RotationMember, RotationState } from "./types.ts";

/** A newcomer waits a full week after joining, unless they answer the intro first. */
export const WEEK_MS = 7 * DAY_MS;

/**
 * Whether a member can host on `date` (a local day of the community's zone): active (alumni drop
 * out), opted in when the mode is `volunteers`, not away that day, joined by the end of that day,
 * and, unless they were here before guyub (`founder`), either answered the intro by the end of
 * that day or joined a full week before it began. The day's bounds are local midnights, so a
 * meeting in Los Angeles or Auckland is judged by its own day, never by the UTC one.
 */
export function isEligible(state: RotationState, member: RotationMember, date: Day): boolean {
  if (member.status !== "active") return false;
  if (state.mode === "volunteers" && !member.optedIn) return false;
  if (state.aways.some((a) => a.memberId === member.id && a.from <= date && date <= a.to)) return false;
  const { start, end } = dayBounds(date, state.timezone);
  const joined = Date.parse(member.joinedAt);
  if (joined >= end) return false;
  if (member.founder) return true;
  const answered = member.answeredIntroAt === null ? null : Date.parse(member.answeredIntroAt);
  return (answered !== null && answered < end) || start - joined >= WEEK_MS;
}

// Eligibility is asked for every member and day of a plan (100,000 members × 8 days): the two
// zone conversions per day are kept, bounded, rather than redone per member.
const bounds = new Map<string, { start: number; end: number }>();
const MAX_BOUNDS = 4096;

/** The instants a local day starts and ends at (the next day's start), in ms. */
export function dayBounds(date: Day, timezone: string): { start: number; end: number } {
  const key = `${timezone} ${date}`;
  let found = bounds.get(key);
  if (!found) {
    if (bounds.size >= MAX_BOUNDS) bounds.clear();
    found = {
      start: localToInstant(date, 0, timezone).getTime(),
      end: localToInstant(addDays(date, 1), 0, timezone).getTime(),
    };
    bounds.set(key, found);
  }
  return found;
}
