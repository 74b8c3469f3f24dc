import { sql } from "kysely";
import type { MemberData } from "../../db/feature-store.ts";

/**
 * The member's activity weeks, and the dashboard links and sessions a moderator opened (when,
 * not the hashes, which open nothing). Forgetting erases all three: a week row is about the
 * member alone, and the links and sessions end with them.
 */
export const dashboardMemberData: MemberData = {
  async export(db, communityId, { memberId, userId }) {
    const [weeks, links, sessions] = await Promise.all([
      db
        .selectFrom("member_activity_weeks")
        .select(["week", "active_days", "last_day"])
        .where("community_id", "=", communityId)
        .where("member_id", "=", memberId)
        .orderBy("week")
        .execute(),
      db
        .selectFrom("dashboard_links")
        .select(["created_at", "expires_at", "used_at"])
        .where("community_id", "=", communityId)
        .where("user_id", "=", userId)
        .orderBy("created_at")
        .execute(),
      db
        .selectFrom("dashboard_sessions")
        .select(["created_at", "expires_at"])
        .where("community_id", "=", communityId)
        .where("user_id", "=", userId)
        .orderBy("created_at")
        .execute(),
    ]);
    return {
      activityWeeks: weeks.map((w) => ({ week: w.week, activeDays: w.active_days, lastDay: w.last_day })),
      dashboardLinks: links.map((l) => ({
        createdAt: l.created_at,
        expiresAt: l.expires_at,
        usedAt: l.used_at,
      })),
      dashboardSessions: sessions.map((s) => ({ createdAt: s.created_at, expiresAt: s.expires_at })),
    };
  },
  forget(db, communityId, { memberId, userId }) {
    return [
      sql`DELETE FROM member_activity_weeks WHERE community_id = ${communityId} AND member_id = ${memberId}`.compile(
        db,
      ),
      sql`DELETE FROM dashboard_links WHERE community_id = ${communityId} AND user_id = ${userId}`.compile(
        db,
      ),
      sql`DELETE FROM dashboard_sessions WHERE community_id = ${communityId} AND user_id = ${userId}`.compile(
        db,
      ),
    ];
  },
};
