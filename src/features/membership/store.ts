import { type CompiledQuery, sql } from "kysely";
import { NO_MAIN_CHANNEL } from "../../core/delivery.ts";
import { DIGEST_LIST_MAX, type DigestWindow } from "../../core/digest/section.ts";
import type { Db } from "../../db/client.ts";
import { clearBlocksQueries } from "../../db/delivery-blocks.ts";
import { featureStore } from "../../db/feature-store.ts";
import { type ForgetHasher, isForgottenSql } from "../../db/forgotten.ts";
import type { CommunityUpdate } from "../../db/schema.ts";
import type { MembershipEffect } from "./effects.ts";
import { membershipMemberData } from "./member-data-store.ts";
import type { NewcomersWeek } from "./ports.ts";
import { createMembershipReads } from "./reads-store.ts";
import { syncPageQueries } from "./sync-page-store.ts";

/**
 * Membership's store part (listed in src/features/server.ts): the reads under `ctx.store.membership`
 * (member state, the onboarding settings, the overview), the effects of joins, leaves, the sync and
 * onboarding, and the sync's tables (the `members` rows themselves are core's, erased last).
 */
export const membershipStore = featureStore({
  name: "membership",
  reads: createMembershipReads,
  effectTypes: [
    "member.join",
    "member.leave",
    "member.followedUp",
    "member.syncPage",
    "member.syncRequest",
    "onboarding.settings",
    "community.mainChannel",
    "onboarding.noMainChannel",
  ],
  effectQueries: membershipEffectQueries,
  communityTables: ["member_sync_pages", "member_sync"],
  digestWeek: readNewcomersWeek,
  memberData: membershipMemberData,
});

/** The week's newcomers for the digest: members welcomed in the window still active, over `members_by_welcome`. */
async function readNewcomersWeek(db: Db, communityId: number, w: DigestWindow): Promise<NewcomersWeek> {
  const welcomed = db
    .selectFrom("members")
    .where("community_id", "=", communityId)
    .where("welcomed_at", ">=", w.from.toISOString())
    .where("welcomed_at", "<", w.to.toISOString())
    .where("status", "=", "active");
  const [items, count] = await Promise.all([
    welcomed.select("platform_user_id").orderBy("welcomed_at").limit(DIGEST_LIST_MAX).execute(),
    welcomed.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirst(),
  ]);
  return { items: items.map((m) => m.platform_user_id), total: Number(count?.n ?? 0) };
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
  forgotten: ForgetHasher,
): CompiledQuery[] {
  const at = now.toISOString();
  const setCommunity = (values: CommunityUpdate) =>
    db.updateTable("communities").set(values).where("id", "=", communityId).compile();
  switch (effect.type) {
    case "member.join":
      return [joinQuery(db, communityId, effect, at, forgotten)];
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
 * Nobody on the forgotten list gets a row (an event racing the check before it, for one).
 */
function joinQuery(
  db: Db,
  communityId: number,
  effect: Extract<MembershipEffect, { type: "member.join" }>,
  at: string,
  forgotten: ForgetHasher,
): CompiledQuery {
  const wasAlumni = sql<boolean>`members.status = 'alumni'`;
  return db
    .insertInto("members")
    .columns([
      "community_id",
      "platform_user_id",
      "display_name",
      "joined_at",
      "welcomed_at",
      "created_at",
      "updated_at",
    ])
    .expression((eb) =>
      eb
        .selectFrom("communities")
        .select([
          "id",
          sql.val(effect.userId).as("platform_user_id"),
          sql.val(effect.displayName).as("display_name"),
          sql.val(at).as("joined_at"),
          sql.val(effect.welcome ? at : null).as("welcomed_at"),
          sql.val(at).as("created_at"),
          sql.val(at).as("updated_at"),
        ])
        .where("id", "=", communityId)
        .where(sql<boolean>`not ${isForgottenSql(forgotten, communityId, effect.userId)}`),
    )
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
