import { sql } from "kysely";
import type { MemberData } from "../../db/feature-store.ts";

/** A member's answers to meetings; forgetting keeps the answers (a meeting's count) under the placeholder. */
export const meetingsMemberData: MemberData = {
  async export(db, communityId, { userId }) {
    const rsvps = await db
      .selectFrom("meeting_rsvps")
      .select(["meeting_day", "answer", "updated_at"])
      .where("community_id", "=", communityId)
      .where("user_id", "=", userId)
      .orderBy("meeting_day")
      .execute();
    return { rsvps: rsvps.map((r) => ({ day: r.meeting_day, answer: r.answer, at: r.updated_at })) };
  },
  forget(db, communityId, { userId }, placeholder) {
    return [
      sql`UPDATE meeting_rsvps SET user_id = ${placeholder}
          WHERE community_id = ${communityId} AND user_id = ${userId}`.compile(db),
    ];
  },
};
