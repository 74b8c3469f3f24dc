import { sql } from "kysely";
import type { MemberData } from "../../db/feature-store.ts";

/**
 * Kudos a member gave and received. Forgetting keeps the rows (the counts are the community's)
 * but replaces every reason they wrote or were given by "…" (the column must not be empty), and puts the placeholder for their identity.
 */
export const kudosMemberData: MemberData = {
  async export(db, communityId, { userId }) {
    const rows = await db
      .selectFrom("kudos")
      .select(["from_user", "to_user", "reason", "given_on"])
      .where("community_id", "=", communityId)
      .where((eb) => eb.or([eb("from_user", "=", userId), eb("to_user", "=", userId)]))
      .orderBy("id")
      .execute();
    return {
      given: rows
        .filter((r) => r.from_user === userId)
        .map((r) => ({ to: r.to_user, reason: r.reason, day: r.given_on })),
      received: rows
        .filter((r) => r.to_user === userId)
        .map((r) => ({ from: r.from_user, reason: r.reason, day: r.given_on })),
    };
  },
  forget(db, communityId, { userId }, placeholder) {
    return [
      sql`UPDATE kudos SET reason = '…', from_user = ${placeholder}
          WHERE community_id = ${communityId} AND from_user = ${userId}`.compile(db),
      sql`UPDATE kudos SET reason = '…', to_user = ${placeholder}
          WHERE community_id = ${communityId} AND to_user = ${userId}`.compile(db),
    ];
  },
};
