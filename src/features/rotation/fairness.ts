import type { Community } from "../../core/model.ts";
import { isEligible } from "./eligibility.ts";
import type { RotationReads } from "./reads.ts";
import { rotationScope } from "./scope.ts";
import { emptyTally, fairOrder, type MemberTally, stateTallies } from "./tally.ts";

/** What `/cop rotation fairness` shows: the first `max` lines, and how many there are in all. */
export interface FairnessLines {
  readonly shown: readonly MemberTally[];
  readonly total: number;
}

/**
 * The members `/cop rotation fairness` lists, fairest first: everyone with a turn on record
 * (alumni too) and everyone in the rotation who can host today. Only the first `max` are read:
 * the fairest with a turn on record, and the fairest eligible today (the view reads `max` more
 * candidates than members who may not be eligible today); the total is counted, not listed.
 */
export async function fairnessLines(
  ctx: {
    readonly community: Pick<Community, "id" | "timezone">;
    readonly now: Date;
    readonly store: { readonly rotation: RotationReads };
  },
  max: number,
): Promise<FairnessLines> {
  const scope = rotationScope(ctx.now, ctx.community.timezone, [], { extra: max });
  const reads = await ctx.store.rotation.fairness(ctx.community.id, scope);
  const { state } = reads;
  const tallies = stateTallies(state);
  const eligible = state.members
    .filter((m) => isEligible(state, m, scope.today))
    .map((m) => tallies.get(m.id) ?? emptyTally(m.id));
  const lines = new Map<string, MemberTally>();
  for (const t of [...reads.history, ...eligible]) lines.set(t.memberId, t);
  const shown = [...lines.values()].sort(fairOrder).slice(0, max);
  // Everyone in the rotation without a turn on record is listed unless not eligible today, which
  // only the few away today or joined lately can be: those are judged one by one.
  const waiting = reads.unsettled.filter((m) => !isEligible(state, m, scope.today)).length;
  return { shown, total: reads.historyCount + reads.freshCount - waiting };
}
