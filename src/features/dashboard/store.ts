import { featureStore } from "../../db/feature-store.ts";
import { dashboardMemberData } from "./member-data-store.ts";

/**
 * The dashboard's store part (listed in src/features/server.ts): the one-time link a
 * `/copmod dashboard` writes, the tables erased with a community, and the member's share of them.
 * The activity weeks are written with the activity day (activity-weeks-store.ts); the link is
 * redeemed and the session read by the web routes (session-store.ts).
 */
export const dashboardStore = featureStore({
  name: "dashboard",
  reads: undefined,
  effectTypes: ["dashboard.link"],
  effectQueries: (db, communityId, effect, now) => [
    db
      .insertInto("dashboard_links")
      .values({
        token_hash: effect.tokenHash,
        community_id: communityId,
        user_id: effect.userId,
        expires_at: effect.expiresAt,
        used_at: null,
        created_at: now.toISOString(),
      })
      .compile(),
  ],
  communityTables: [
    "member_activity_weeks",
    "dashboard_links",
    "dashboard_sessions",
    "dashboard_week_rollup",
  ],
  memberData: dashboardMemberData,
});
