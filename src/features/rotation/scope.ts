import { localDay } from "../../core/local-time.ts";
import { dayBounds, WEEK_MS } from "./eligibility.ts";
import type { Day } from "./types.ts";

/**
 * What a flow plans or looks at, so the rotation is read for exactly that (`RotationReads.view`):
 * every ledger entry of the days it needs, the stored counts of the fairest candidates, and the
 * members it names. Why that is enough, and the proof that a plan comes out the same as from every
 * member and the whole ledger: docs/architecture.md, "Reading only the candidates".
 */
export interface RotationScope {
  /** The community's zone: days are its local days. */
  readonly timezone: string;
  /** Every meeting day a plan of the flow covers or the flow looks up (closed or not). */
  readonly days: readonly Day[];
  /** The local day now: plans count meetings up to it as over. */
  readonly today: Day;
  /** Members the flow names or changes (the actor, a swap's other side): read whatever they are. */
  readonly members: readonly string[];
  /** How many more of the fairest to read than a plan needs (a form's choices, a list's lines). */
  readonly extra: number;
  /** The earliest of `days` and `today`: the ledger is read from the last held meeting before it. */
  readonly first: Day;
  /** The latest of `days` and `today`: away ranges reaching `first`…`last` are read. */
  readonly last: Day;
  /** Non-founders who joined after this instant (ISO) may still be newcomers on some day. */
  readonly newcomersAfter: string;
  /** Anyone who joined at or after this instant (ISO) joined after `first` ended. */
  readonly joinedAfter: string;
}

/** The scope of a flow at `now` over `days` (options: the members it names, extra candidates). */
export function rotationScope(
  now: Date,
  timezone: string,
  days: readonly Day[],
  options: { readonly members?: readonly string[]; readonly extra?: number } = {},
): RotationScope {
  const today = localDay(now, timezone);
  const unique = [...new Set(days)].sort();
  const first = unique[0] !== undefined && unique[0] < today ? unique[0] : today;
  const latest = unique.at(-1);
  const last = latest !== undefined && latest > today ? latest : today;
  const { start, end } = dayBounds(first, timezone);
  return {
    timezone,
    days: unique,
    today,
    members: [...new Set(options.members ?? [])],
    extra: options.extra ?? 0,
    first,
    last,
    newcomersAfter: new Date(start - WEEK_MS).toISOString(),
    joinedAfter: new Date(end).toISOString(),
  };
}

/** What the first read of a view found that the number of candidates grows with. */
export interface ScopeFacts {
  /** Distinct members the ledger read names, with the scope's own members. */
  readonly named: number;
  /** Distinct members away on some day from `first` to `last`. */
  readonly away: number;
  /** Members who may not be eligible yet on some day of the scope (`newcomersAfter`, `joinedAfter`). */
  readonly newcomers: number;
}

/**
 * How many of the fairest (and, separately, of the fewest hosted) candidates a view reads: the
 * plan's days, the members named, and those who may not be eligible on some day, plus `extra`.
 * A member a plan chooses on one of its D days has ahead of them in the stored fair order only
 * members it cannot choose that day: hosts of its other days (at most D - 1), members the ledger
 * commits, who passed the day or hosted the meeting before (all named), and members not eligible
 * that day (away or not yet eligible: counted). The proof, for the "hosted less" test too:
 * docs/architecture.md, "Reading only the candidates".
 */
export function candidateLimit(scope: RotationScope, facts: ScopeFacts): number {
  return scope.days.length + facts.named + facts.away + facts.newcomers + scope.extra;
}
