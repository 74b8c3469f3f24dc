import { type CompiledQuery, sql } from "kysely";
import { type MembershipEffect, NO_MAIN_CHANNEL } from "../core/membership/effects.ts";
import type { Db } from "./client.ts";
import { clearBlocksQueries } from "./delivery-blocks.ts";
import { syncPageQueries } from "./member-sync-page.ts";
import type { CommunityUpdate } from "./schema.ts";

/**
 * The one query every feature uses for "the community's members": active members only. Alumni
 * (left, stepped back, gone from the platform) and paused members stay in `members` for history
 * and are never counted, rotated, nudged or digested. Extend it with `.select(...)`.
 */
export function activeMembersQuery(db: Db, communityId: number) {
  return db.selectFrom("members").where("community_id", "=", communityId).where("status", "=", "active");
}

/**
 * Statements for one membership effect, run by `store.apply` in its batch. Only a new main
 * channel returns ids: the messages that waited for it, which the store then enqueues.
 */
export function membershipEffectQueries(
  db: Db,
  communityId: number,
  effect: MembershipEffect,
  now: Date,
): CompiledQuery[] {
  const at = now.toISOString();
  const setCommunity = (values: CommunityUpdate) =>
    db.updateTable("communities").set(values).where("id", "=", communityId).compile();
  switch (effect.type) {
    case "member.join":
      return [joinQuery(db, communityId, effect, at)];
    case "member.leave":
      return [
        db
          .updateTable("members")
          .set({ status: "alumni", left_at: at, left_reason: effect.reason, updated_at: at })
          .where("community_id", "=", communityId)
          .where("platform_user_id", "=", effect.userId)
          .where("status", "!=", "alumni")
          .compile(),
      ];
    case "member.followedUp":
      return [
        db
          .updateTable("members")
          .set({ followed_up_at: at, updated_at: at })
          .where("community_id", "=", communityId)
          .where("platform_user_id", "=", effect.userId)
          .where("followed_up_at", "is", null)
          .compile(),
      ];
    case "member.syncPage":
      return syncPageQueries(db, communityId, effect.page, at);
    case "member.syncRequest":
      return [
        db
          .insertInto("member_sync")
          .values({ community_id: communityId, next_run_at: at, updated_at: at })
          .onConflict((oc) => oc.column("community_id").doUpdateSet({ next_run_at: at, updated_at: at }))
          .compile(),
      ];
    case "onboarding.settings": {
      const values: CommunityUpdate = { updated_at: at };
      if (effect.welcomeText !== undefined) values.welcome_text = effect.welcomeText;
      if (effect.conductText !== undefined) values.conduct_text = effect.conductText;
      if (effect.followupDays !== undefined) values.followup_days = effect.followupDays;
      return [setCommunity(values)];
    }
    case "community.mainChannel":
      // Setting the channel again is how a moderator says "guyub is in it now" (a channel set
      // before the bot was invited): its block clears and what waited for it is queued.
      return [
        setCommunity({ main_channel_id: effect.channelId, updated_at: at }),
        db
          .deleteFrom("delivery_blocks")
          .where("community_id", "=", communityId)
          .where("scope", "=", NO_MAIN_CHANNEL)
          .compile(),
        ...clearBlocksQueries(db, communityId, [effect.channelId], now),
      ];
    case "onboarding.noMainChannel":
      return [
        db
          .insertInto("delivery_blocks")
          .values({
            community_id: communityId,
            scope: NO_MAIN_CHANNEL,
            reason: "no main channel is set",
            cause: "no_main_channel",
            created_at: at,
          })
          // Already noted (and perhaps already shown): moderators are told once, not per welcome.
          .onConflict((oc) => oc.columns(["community_id", "scope"]).doNothing())
          .compile(),
      ];
  }
}

/**
 * A new member row, or an existing one made active again if they had left (for any reason: a
 * join is deliberate). The welcome is recorded only once; the original join date is kept.
 */
function joinQuery(
  db: Db,
  communityId: number,
  effect: Extract<MembershipEffect, { type: "member.join" }>,
  at: string,
): CompiledQuery {
  const wasAlumni = sql<boolean>`members.status = 'alumni'`;
  return db
    .insertInto("members")
    .values({
      community_id: communityId,
      platform_user_id: effect.userId,
      display_name: effect.displayName,
      joined_at: at,
      welcomed_at: effect.welcome ? at : null,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) =>
      oc.columns(["community_id", "platform_user_id"]).doUpdateSet({
        status: sql`case when ${wasAlumni} then 'active' else members.status end`,
        left_at: sql`case when ${wasAlumni} then null else members.left_at end`,
        left_reason: sql`case when ${wasAlumni} then null else members.left_reason end`,
        welcomed_at: sql`coalesce(members.welcomed_at, excluded.welcomed_at)`,
        display_name: sql`coalesce(excluded.display_name, members.display_name)`,
        updated_at: at,
      }),
    )
    .compile();
}
