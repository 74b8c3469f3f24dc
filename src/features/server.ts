import type { FeatureEffects } from "../core/model.ts";
import type { FeatureReads } from "../core/ports.ts";
import type { FeatureStore } from "../db/feature-store.ts";
import { kudosStore } from "./kudos/store.ts";

/** Every feature's store part, one line each (`src/db/store.ts` builds reads and effects from it). */
export const FEATURE_STORES = [kudosStore] as const satisfies readonly FeatureStore[];

// A feature that declared reads or effects in core but whose store part is not listed here fails
// the typecheck on this line, naming it (the store would otherwise lack its reads at run time).
type Unlisted = Exclude<keyof FeatureReads | keyof FeatureEffects, (typeof FEATURE_STORES)[number]["name"]>;
export const EVERY_FEATURE_STORE_LISTED: [Unlisted] extends [never] ? true : Unlisted = true;
