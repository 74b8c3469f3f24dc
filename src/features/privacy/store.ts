import { sql } from "kysely";
import { featureStore } from "../../db/feature-store.ts";
import { exportMember, forgetQueries, type MemberDataOwners } from "./engine-store.ts";

/**
 * The privacy feature's store part, built over every other feature's store part (listed in
 * src/features/server.ts, which hands them in: importing that list from here would be a loop).
 * Its reads and its one effect go through the engine, which asks each part's `memberData` hook;
 * the forget batch also puts the person's salted hash on the forgotten list (migration 0019).
 */
export function privacyStore(owners: MemberDataOwners) {
  return featureStore({
    name: "privacy",
    reads: (db, _weeks, forgotten) => ({
      exportOf: (communityId, member) => exportMember(owners, db, communityId, member),
      async forgottenAmong(communityId, userIds) {
        if (userIds.length === 0) return new Set<string>();
        // Each id under every salt, matched in one read; the rows never name anybody.
        const pairs = userIds.flatMap((userId) => forgotten.all(userId).map((h) => ({ u: userId, h })));
        const rows = await sql<{ u: string }>`select distinct json_extract(p.value, '$.u') as u
          from json_each(${JSON.stringify(pairs)}) p
          join forgotten_members f on f.community_id = ${communityId}
            and f.user_hash = json_extract(p.value, '$.h')`.execute(db);
        return new Set(rows.rows.map((r) => r.u));
      },
    }),
    effectTypes: ["privacy.forget"],
    effectQueries(db, communityId, effect, now, forgotten) {
      const hash = forgotten.hash(effect.userId);
      // Without a salt the person could not be kept forgotten: refuse rather than half-forget.
      if (hash === null) throw new Error("forget needs FORGET_HASH_SALT or TOKEN_ENCRYPTION_KEYS");
      return [
        ...forgetQueries(owners, db, communityId, { memberId: effect.memberId, userId: effect.userId }, now),
        db
          .insertInto("forgotten_members")
          .values({ community_id: communityId, user_hash: hash, forgotten_at: now.toISOString() })
          .onConflict((oc) => oc.columns(["community_id", "user_hash"]).doNothing())
          .compile(),
      ];
    },
    communityTables: ["forgotten_members"],
  });
}
