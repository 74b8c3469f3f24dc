import { featureStore } from "../../db/feature-store.ts";
import { exportMember, forgetQueries, type MemberDataOwners } from "./engine-store.ts";

/**
 * The privacy feature's store part, built over every other feature's store part (listed in
 * src/features/server.ts, which hands them in: importing that list from here would be a loop).
 * Its reads and its one effect go through the engine, which asks each part's `memberData` hook.
 */
export function privacyStore(owners: MemberDataOwners) {
  return featureStore({
    name: "privacy",
    reads: (db) => ({ exportOf: (communityId, member) => exportMember(owners, db, communityId, member) }),
    effectTypes: ["privacy.forget"],
    effectQueries: (db, communityId, effect, now) =>
      forgetQueries(owners, db, communityId, { memberId: effect.memberId, userId: effect.userId }, now),
    communityTables: [],
  });
}
