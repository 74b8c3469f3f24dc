import type { CompiledQuery } from "kysely";
import type { DigestWindow, FeatureDigest, ReadFeatureWeeks } from "../core/digest/section.ts";
import type { FeatureEffects } from "../core/model.ts";
import type { FeatureReads } from "../core/ports.ts";
import type { Db } from "./client.ts";
import type { ForgetHasher } from "./forgotten.ts";
import type { Database } from "./schema.ts";

type EffectOf<N> = N extends keyof FeatureEffects ? FeatureEffects[N] : never;
type ReadsOf<N> = N extends keyof FeatureReads ? FeatureReads[N] : never;
/** How a feature that declared a digest section (`FeatureDigest`) reads its week. */
type DigestWeekRead<N extends keyof FeatureDigest> = (
  db: Db,
  communityId: number,
  window: DigestWindow,
) => Promise<FeatureDigest[N]>;

/**
 * A feature's store part, listed once in `src/features/server.ts`: how its reads are made, how its
 * effects become statements of `apply`'s batch, and which of its tables hold a community's rows
 * (erased with the community). Every key is typed from what the feature declared in core
 * (`FeatureReads`, `FeatureEffects`), so a read or an effect type left out fails the typecheck.
 */
export interface FeatureStore<N extends string = string> {
  readonly name: N;
  /**
   * `weeks` reads every feature's digest week (`digestWeek`): the digest's own reads use it;
   * `forgotten` hashes a user id for the forgotten list (src/db/forgotten.ts).
   */
  readonly reads: N extends keyof FeatureReads
    ? (db: Db, weeks: ReadFeatureWeeks, forgotten: ForgetHasher) => ReadsOf<N>
    : undefined;
  /** Every effect type of the feature, each handled by `effectQueries`. */
  readonly effectTypes: readonly EffectOf<N>["type"][];
  readonly effectQueries: N extends keyof FeatureEffects
    ? (
        db: Db,
        communityId: number,
        effect: EffectOf<N>,
        now: Date,
        forgotten: ForgetHasher,
      ) => CompiledQuery[]
    : undefined;
  /** Tables with a `community_id`, children before what they point at (community erasure deletes in this order). */
  readonly communityTables: readonly (keyof Database)[];
  /**
   * What the feature keeps about one member, for a member's own requests (`/cop profile export`,
   * `/cop profile forget`). Absent: the feature keeps nothing personal.
   */
  readonly memberData?: MemberData;
  /**
   * The week's data of the feature's digest section (`FeatureDigest`), read with indexed queries
   * only; required of a feature that declared one (`featureStore` checks it).
   */
  readonly digestWeek?: N extends keyof FeatureDigest ? DigestWeekRead<N> : undefined;
}

/** A member as a feature's tables name them: the `members` row id and the platform's user id. */
export interface MemberRef {
  readonly memberId: number;
  readonly userId: string;
}

/** A feature's part in a member's export and erasure. */
export interface MemberData {
  /** Everything the feature keeps about the member in the community, labelled and JSON-able. */
  export(db: Db, communityId: number, member: MemberRef): Promise<Readonly<Record<string, unknown>>>;
  /**
   * The statements (run in one batch with every other feature's) that erase the member's personal
   * data in the feature's tables, and put `placeholder` (unique per forgotten member) wherever
   * others keep the member's identity (a kudos given, a turn hosted, a topic suggested).
   */
  forget(db: Db, communityId: number, member: MemberRef, placeholder: string, now: Date): CompiledQuery[];
}

/**
 * Declares a feature's store part; the second check refuses a part whose `effectTypes` leaves out
 * one of the feature's effect types (the batch would otherwise get nothing for it), the third a
 * part without `digestWeek` when the feature declared a digest section.
 */
export function featureStore<const N extends string, const T extends readonly EffectOf<N>["type"][]>(
  part: FeatureStore<N> & { readonly effectTypes: T } & (Exclude<EffectOf<N>["type"], T[number]> extends never
      ? unknown
      : { readonly missingEffectTypes: Exclude<EffectOf<N>["type"], T[number]> }) &
    (N extends keyof FeatureDigest ? { readonly digestWeek: DigestWeekRead<N> } : unknown),
): FeatureStore<N> {
  return part;
}
