import type { FeatureEffects } from "../core/model.ts";
import type { FeatureReads } from "../core/ports.ts";
import type { FeatureStore } from "../db/feature-store.ts";
import type { JobKind } from "../jobs/job-kind.ts";
import { kudosStore } from "./kudos/store.ts";
import { meetingAnnounce } from "./meetings/announce-job.ts";
import { meetingClose } from "./meetings/close-job.ts";
import { meetingHoliday } from "./meetings/holiday-job.ts";
import { meetingRemind } from "./meetings/remind-job.ts";
import { meetingsStore } from "./meetings/store.ts";
import { memberSync } from "./membership/member-sync-job.ts";
import { membershipStore } from "./membership/store.ts";
import { welcomeFollowup } from "./membership/welcome-followup-job.ts";
import { profilesStore } from "./profile/store.ts";
import { rotationStore } from "./rotation/store.ts";

/** A name a feature declared its reads or effects under. */
type FeatureName = keyof FeatureReads | keyof FeatureEffects;
/**
 * The store part of any one of them. Not `FeatureStore<string>`: `FeatureStore` is invariant in its
 * name (its members resolve to `undefined` for an undeclared name and its `effectQueries` takes its
 * own name's effects), so once two parts are listed that type accepts neither.
 */
type AnyFeatureStore = { [N in FeatureName]: FeatureStore<N> }[FeatureName];

/** Every feature's store part, one line each (`src/db/store.ts` builds reads and effects from it). */
export const FEATURE_STORES = [
  kudosStore,
  profilesStore,
  membershipStore,
  meetingsStore,
  rotationStore,
] as const satisfies readonly AnyFeatureStore[];

// A feature that declared reads or effects in core but whose store part is not listed here fails
// the typecheck on this line, naming it (the store would otherwise lack its reads at run time).
type Unlisted = Exclude<FeatureName, (typeof FEATURE_STORES)[number]["name"]>;
export const EVERY_FEATURE_STORE_LISTED: [Unlisted] extends [never] ? true : Unlisted = true;

/**
 * Every feature's jobs, in dispatch order (`JOB_KINDS`, src/jobs/registry.ts, runs them after
 * delivery and housekeeping; kinds due at the same quarter-hour are claimed in this order).
 */
export const FEATURE_JOBS: readonly JobKind[] = [
  memberSync,
  welcomeFollowup,
  meetingAnnounce,
  meetingHoliday,
  meetingRemind,
  meetingClose,
];
