import { sql } from "kysely";
import type { MemberData } from "../../db/feature-store.ts";

/**
 * The member's place in the community (status, joins, welcome) and the sync pass's pages that saw
 * them. The `members` row itself is anonymised last by the privacy engine (privacy/engine-store.ts) (its triggers read the
 * rotation tally, renamed before it).
 */
export const membershipMemberData: MemberData = {
  async export(db, communityId, { memberId }) {
    const row = await db
      .selectFrom("members")
      .select([
        "display_name",
        "status",
        "is_moderator",
        "joined_at",
        "left_at",
        "left_reason",
        "founder",
        "welcomed_at",
        "followed_up_at",
        "last_active_on",
      ])
      .where("community_id", "=", communityId)
      .where("id", "=", memberId)
      .executeTakeFirst();
    if (!row) return { member: null };
    return {
      member: {
        displayName: row.display_name,
        status: row.status,
        moderator: row.is_moderator === 1,
        founder: row.founder === 1,
        joinedAt: row.joined_at,
        leftAt: row.left_at,
        leftReason: row.left_reason,
        welcomedAt: row.welcomed_at,
        followedUpAt: row.followed_up_at,
        lastActiveOn: row.last_active_on,
      },
    };
  },
  forget(db, communityId, { userId }, placeholder) {
    // The page's JSON array of user ids: the quoted id, so one id inside another is left alone.
    return [
      sql`UPDATE member_sync_pages SET user_ids = replace(user_ids, ${JSON.stringify(userId)}, ${JSON.stringify(placeholder)})
          WHERE community_id = ${communityId} AND instr(user_ids, ${JSON.stringify(userId)}) > 0`.compile(db),
    ];
  },
};
