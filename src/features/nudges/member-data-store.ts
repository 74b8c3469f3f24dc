import { sql } from "kysely";
import type { MemberData } from "../../db/feature-store.ts";

/** A member's nudge state (snoozed, last nudged) and their choice to take none (on `members`). */
export const nudgesMemberData: MemberData = {
  async export(db, communityId, { memberId }) {
    const state = await db
      .selectFrom("member_nudges")
      .select(["snoozed_until", "last_nudged_at"])
      .where("community_id", "=", communityId)
      .where("member_id", "=", memberId)
      .executeTakeFirst();
    const member = await db
      .selectFrom("members")
      .select("nudges_opt_out")
      .where("community_id", "=", communityId)
      .where("id", "=", memberId)
      .executeTakeFirst();
    return {
      optedOut: member?.nudges_opt_out === 1,
      snoozedUntil: state?.snoozed_until ?? null,
      lastNudgedAt: state?.last_nudged_at ?? null,
    };
  },
  forget(db, communityId, { memberId }) {
    return [
      sql`DELETE FROM member_nudges WHERE community_id = ${communityId} AND member_id = ${memberId}`.compile(
        db,
      ),
    ];
  },
};
