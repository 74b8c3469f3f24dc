import type { Db } from "../../db/client.ts";

/** Communities (with their time zone) that have welcomed members not yet followed up. */
export async function communitiesAwaitingFollowup(db: Db): Promise<{ id: number; timezone: string }[]> {
  return db
    .selectFrom("communities as c")
    .select(["c.id", "c.timezone"])
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom("members as m")
          .select("m.id")
          .whereRef("m.community_id", "=", "c.id")
          .where("m.status", "=", "active")
          .where("m.welcomed_at", "is not", null)
          .where("m.followed_up_at", "is", null),
      ),
    )
    .execute();
}

/**
 * Active members welcomed between `from` and `to` who were not followed up and have not answered
 * the intro (no row in `profiles`). Whether they used a command since is decided by the caller
 * from `last_active_on`, a day in the community's time zone.
 */
export async function followupCandidates(db: Db, communityId: number, from: Date, to: Date, limit: number) {
  return db
    .selectFrom("members as m")
    .select(["m.platform_user_id", "m.welcomed_at", "m.last_active_on"])
    .where("m.community_id", "=", communityId)
    .where("m.status", "=", "active")
    .where("m.followed_up_at", "is", null)
    .where("m.welcomed_at", ">", from.toISOString())
    .where("m.welcomed_at", "<=", to.toISOString())
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom("profiles as p").select("p.id").whereRef("p.member_id", "=", "m.id"))),
    )
    .orderBy("m.welcomed_at")
    .limit(limit)
    .execute();
}
