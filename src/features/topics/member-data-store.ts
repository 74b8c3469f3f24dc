import { sql } from "kysely";
import type { MemberData } from "../../db/feature-store.ts";

/**
 * Topics a member suggested, voted for or chose for a meeting. The topics and votes stay (the
 * community's backlog and its ranking) under the placeholder, unique per member so the votes'
 * key (topic, user) still holds.
 */
export const topicsMemberData: MemberData = {
  async export(db, communityId, { userId }) {
    const suggested = await db
      .selectFrom("topics")
      .select(["id", "title", "details", "status", "created_at"])
      .where("community_id", "=", communityId)
      .where("suggested_by", "=", userId)
      .orderBy("id")
      .execute();
    const voted = await db
      .selectFrom("topic_votes as v")
      .innerJoin("topics as t", "t.id", "v.topic_id")
      .select(["t.id", "t.title", "v.voted_at"])
      .where("v.community_id", "=", communityId)
      .where("v.user_id", "=", userId)
      .orderBy("v.voted_at")
      .execute();
    const chosen = await db
      .selectFrom("meeting_topics")
      .select(["meeting_day", "topic_id"])
      .where("community_id", "=", communityId)
      .where("chosen_by", "=", userId)
      .orderBy("meeting_day")
      .execute();
    return {
      suggested: suggested.map((t) => ({
        id: t.id,
        title: t.title,
        details: t.details,
        status: t.status,
        at: t.created_at,
      })),
      voted: voted.map((v) => ({ id: v.id, title: v.title, at: v.voted_at })),
      chosenForMeetings: chosen.map((c) => ({ day: c.meeting_day, topic: c.topic_id })),
    };
  },
  forget(db, communityId, { userId }, placeholder) {
    return [
      sql`UPDATE topics SET suggested_by = ${placeholder} WHERE community_id = ${communityId} AND suggested_by = ${userId}`.compile(
        db,
      ),
      sql`UPDATE topic_votes SET user_id = ${placeholder} WHERE community_id = ${communityId} AND user_id = ${userId}`.compile(
        db,
      ),
      sql`UPDATE meeting_topics SET chosen_by = ${placeholder} WHERE community_id = ${communityId} AND chosen_by = ${userId}`.compile(
        db,
      ),
    ];
  },
};
