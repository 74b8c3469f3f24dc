import type { FeatureEffects } from "../core/model.ts";
import type { FeatureReads } from "../core/ports.ts";
import type { FeatureStore } from "../db/feature-store.ts";
import type { JobKind } from "../jobs/job-kind.ts";
import { kudosStore } from "./kudos/store.ts";
import { memberSync } from "./membership/member-sync-job.ts";
import { membershipStore } from "./membership/store.ts";
import { welcomeFollowup } from "./membership/welcome-followup-job.ts";
import { profilesStore } from "./profile/store.ts";

/** What a feature declared in core (reads, effects): the names a store part may have. */
type Declared = keyof FeatureReads | keyof FeatureEffects;

// Any one feature's store part. Not `FeatureStore<string>`: its members resolve to `undefined` for
// an undeclared name and its `effectQueries` takes its own name's effects, so once two parts are
// listed it accepts neither.
type AnyFeatureStore = { [N in Declared]: FeatureStore<N> }[Declared];

/** Every feature's store part, one line each (`src/db/store.ts` builds reads and effects from it). */
export const FEATURE_STORES = [
  kudosStore,
  profilesStore,
  membershipStore,
] as const satisfies readonly AnyFeatureStore[];

// A feature that declared reads or effects in core but whose store part is not listed here fails
// the typecheck on this line, naming it (the store would otherwise lack its reads at run time).
type Unlisted = Exclude<Declared, (typeof FEATURE_STORES)[number]["name"]>;
export const EVERY_FEATURE_STORE_LISTED: [Unlisted] extends [never] ? true : Unlisted = true;

/**
 * Every feature's scheduled jobs, in dispatch order (`JOB_KINDS`, src/jobs/registry.ts, runs them
 * after delivery and housekeeping, where they always ran).
 */
export const FEATURE_JOBS: readonly JobKind[] = [memberSync, welcomeFollowup];
