import { type RawBuilder, sql } from "kysely";

/**
 * 1 while the community's first full member sync has not completed, else 0: the `founder` value of
 * a member row inserted now (migration 0011). Until that sync, guyub cannot tell a newcomer from
 * someone who was here before it, so whoever it meets is taken as here before it. Evaluated in
 * the inserting statement itself, so a sync completing at the same moment cannot split the two.
 */
export function founderNow(communityId: number | RawBuilder<number>): RawBuilder<number> {
  return sql<number>`(NOT EXISTS (SELECT 1 FROM member_sync fs
    WHERE fs.community_id = ${communityId} AND fs.first_completed_at IS NOT NULL))`;
}
