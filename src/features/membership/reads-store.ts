import type { Db } from "../../db/client.ts";
import { activeMembersQuery } from "../../db/members.ts";
import type { MembershipReads } from "./ports.ts";

const DEFAULT_FOLLOWUP_DAYS = 7;

/** Core's membership reads over D1. */
export function createMembershipReads(db: Db): MembershipReads {
  return {
    async member(communityId, platformUserId) {
      const row = await db
        .selectFrom("members")
        .select(["status", "left_reason", "welcomed_at"])
        .where("community_id", "=", communityId)
        .where("platform_user_id", "=", platformUserId)
        .executeTakeFirst();
      if (!row) return null;
      return {
        status: row.status,
        leftReason: row.left_reason,
        welcomedAt: row.welcomed_at ? new Date(row.welcomed_at) : null,
      };
    },

    async onboarding(communityId) {
      const row = await db
        .selectFrom("communities as c")
        .leftJoin("member_sync as s", "s.community_id", "c.id")
        .select([
          "c.welcome_text",
          "c.conduct_text",
          "c.followup_days",
          "c.main_channel_id",
          "s.first_completed_at",
        ])
        .where("c.id", "=", communityId)
        .executeTakeFirst();
      return {
        welcomeText: row?.welcome_text ?? null,
        conductText: row?.conduct_text ?? null,
        followupDays: row?.followup_days ?? DEFAULT_FOLLOWUP_DAYS,
        mainChannelId: row?.main_channel_id ?? null,
        firstSyncCompleted: Boolean(row?.first_completed_at),
      };
    },

    async overview(communityId, newest) {
      const [counts, recent, sync] = await Promise.all([
        db
          .selectFrom("members")
          .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
          .where("community_id", "=", communityId)
          .groupBy("status")
          .execute(),
        activeMembersQuery(db, communityId)
          .select(["platform_user_id", "joined_at"])
          .orderBy("joined_at", "desc")
          .orderBy("id", "desc")
          .limit(newest)
          .execute(),
        db.selectFrom("member_sync").selectAll().where("community_id", "=", communityId).executeTakeFirst(),
      ]);
      const count = (status: string) => Number(counts.find((row) => row.status === status)?.n ?? 0);
      return {
        counts: { active: count("active"), paused: count("paused"), alumni: count("alumni") },
        newest: recent.map((row) => ({ userId: row.platform_user_id, joinedAt: new Date(row.joined_at) })),
        sync: {
          inProgress: Boolean(sync?.pass_started_at),
          seen: sync?.seen ?? 0,
          lastFinishedAt: sync?.last_finished_at ? new Date(sync.last_finished_at) : null,
          lastSeen: sync?.last_seen ?? null,
          lastJoined: sync?.last_joined ?? null,
          lastLeft: sync?.last_left ?? null,
          lastError: sync?.last_error ?? null,
        },
      };
    },
  };
}
