import type { FeatureDigest, FeatureWeeks, ReadFeatureWeeks } from "../core/digest/section.ts";
import type { FeatureEffects } from "../core/model.ts";
import type { FeatureReads } from "../core/ports.ts";
import type { Db } from "../db/client.ts";
import type { FeatureStore } from "../db/feature-store.ts";
import { auditStore } from "./audit/store.ts";
import { formConversationStore } from "./conversation/store.ts";
import { dashboardStore } from "./dashboard/store.ts";
import { digestStore } from "./digest/store.ts";
import { kudosStore } from "./kudos/store.ts";
import { meetingsStore } from "./meetings/store.ts";
import { membershipStore } from "./membership/store.ts";
import { attendanceStore } from "./memory/attendance-store.ts";
import { memoryStore } from "./memory/store.ts";
import { nudgesStore } from "./nudges/store.ts";
import { privacyStore } from "./privacy/store.ts";
import { profilesStore } from "./profile/store.ts";
import { reportsStore } from "./reports/store.ts";
import { rotationStore } from "./rotation/store.ts";
import { searchStore } from "./search/store.ts";
import { topicRefreshStore } from "./topics/refresh-store.ts";
import { topicsStore } from "./topics/store.ts";

/** A name a feature declared its reads, effects or digest section under. */
type FeatureName = keyof FeatureReads | keyof FeatureEffects | keyof FeatureDigest;
/**
 * The store part of any one of them. Not `FeatureStore<string>`: `FeatureStore` is invariant in its
 * name (its members resolve to `undefined` for an undeclared name and its `effectQueries` takes its
 * own name's effects), so once two parts are listed that type accepts neither.
 */
type AnyFeatureStore = { [N in FeatureName]: FeatureStore<N> }[FeatureName];

/**
 * Every feature's store part, one line each (`src/db/store.ts` builds reads and effects from it).
 * Community erasure deletes their tables in this order: a part whose rows point at another's
 * comes first (digest and topic refresh before the topics their rows name).
 */
const STORES_BUT_PRIVACY = [
  kudosStore,
  profilesStore,
  membershipStore,
  meetingsStore,
  attendanceStore,
  memoryStore,
  rotationStore,
  digestStore,
  topicRefreshStore,
  topicsStore,
  searchStore,
  nudgesStore,
  auditStore,
  reportsStore,
  dashboardStore,
  formConversationStore,
] as const satisfies readonly AnyFeatureStore[];
/** Privacy last: its export and erasure ask every part above for what it keeps about a member. */
export const FEATURE_STORES = [
  ...STORES_BUT_PRIVACY,
  privacyStore(STORES_BUT_PRIVACY),
] as const satisfies readonly AnyFeatureStore[];

// A feature that declared reads or effects in core but whose store part is not listed here fails
// the typecheck on this line, naming it (the store would otherwise lack its reads at run time).
type Unlisted = Exclude<FeatureName, (typeof FEATURE_STORES)[number]["name"]>;
export const EVERY_FEATURE_STORE_LISTED: [Unlisted] extends [never] ? true : Unlisted = true;

/**
 * Every contributing feature's digest week (`digestWeek`), read concurrently, by feature name (the
 * digest's reads get it: src/db/store.ts). Complete: `featureStore` refuses a part without
 * `digestWeek` whose feature declared a section, and every such part is listed above.
 */
export function readFeatureWeeks(db: Db): ReadFeatureWeeks {
  return async (communityId, window) => {
    const parts: readonly AnyFeatureStore[] = FEATURE_STORES;
    const weeks = await Promise.all(
      parts.flatMap((part) =>
        part.digestWeek
          ? [part.digestWeek(db, communityId, window).then((week) => [part.name, week] as const)]
          : [],
      ),
    );
    return Object.fromEntries(weeks) as unknown as FeatureWeeks;
  };
}
