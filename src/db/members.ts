import { sql } from "kysely";
import type { Db } from "./client.ts";
import { type ForgetHasher, isForgottenSql } from "./forgotten.ts";
import { founderNow } from "./founders.ts";

/**
 * The one query every feature uses for "the community's members": active members only. Alumni
 * (left, stepped back, gone from the platform) and paused members stay in `members` for history
 * and are never counted, rotated, nudged or digested. Extend it with `.select(...)`.
 */
export function activeMembersQuery(db: Db, communityId: number) {
  return db.selectFrom("members").where("community_id", "=", communityId).where("status", "=", "active");
}

/** Members on a community's own moderator list. */
export function listModeratorRows(db: Db, communityId: number) {
  return db
    .selectFrom("members")
    .selectAll()
    .where("community_id", "=", communityId)
    .where("is_moderator", "=", 1)
    .orderBy("id")
    .execute();
}

/** Caches the platform's answer to "is this member an admin?" with the time it was asked. */
export function cachePlatformAdminQuery(db: Db, memberId: number, isAdmin: boolean, now: Date) {
  return db
    .updateTable("members")
    .set({ platform_admin: isAdmin ? 1 : 0, platform_admin_checked_at: now.toISOString() })
    .where("id", "=", memberId);
}

/**
 * Puts a member on (or off) the moderator list, creating the member row if guyub never saw them,
 * unless they asked guyub to forget them (then nothing is created).
 */
export function setModeratorQuery(
  db: Db,
  communityId: number,
  userId: string,
  isModerator: boolean,
  now: Date,
  forgotten: ForgetHasher,
) {
  const at = now.toISOString();
  const flag = isModerator ? 1 : 0;
  return db
    .insertInto("members")
    .columns([
      "community_id",
      "platform_user_id",
      "display_name",
      "is_moderator",
      "joined_at",
      "founder",
      "created_at",
      "updated_at",
    ])
    .expression((eb) =>
      eb
        .selectFrom("communities")
        .select([
          "id",
          sql.val(userId).as("platform_user_id"),
          sql.val(null).as("display_name"),
          sql.val(flag).as("is_moderator"),
          sql.val(at).as("joined_at"),
          // Named by a moderator before the first full sync: here before guyub, like the sync's finds.
          founderNow(communityId).as("founder"),
          sql.val(at).as("created_at"),
          sql.val(at).as("updated_at"),
        ])
        .where("id", "=", communityId)
        .where(sql<boolean>`not ${isForgottenSql(forgotten, communityId, userId)}`),
    )
    .onConflict((oc) =>
      oc.columns(["community_id", "platform_user_id"]).doUpdateSet({ is_moderator: flag, updated_at: at }),
    );
}
