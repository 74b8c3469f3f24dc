import type { Kysely } from "kysely";
import { createDb } from "../../db/client.ts";
import type { Database } from "../../db/schema.ts";
import { TELEGRAM_TRAITS } from "./traits.ts";

/** A Telegram community a person is an active member of. */
export interface PrivateChatCommunity {
  readonly id: number;
  readonly workspaceId: string;
  readonly name: string | null;
  readonly locale: "en" | "id";
}

/**
 * The groups a person belongs to with guyub, and which one their private chat is about (their
 * `private_chat_choices` row on Telegram, when it names a group they are still active in).
 */
export async function privateChatCommunities(
  db: Kysely<Database>,
  userId: string,
): Promise<{ all: PrivateChatCommunity[]; chosen: number | null }> {
  const rows = await privateChatCommunitiesQuery(db, userId).execute();
  const all = rows.map((r) => ({ id: r.id, workspaceId: r.workspace_id, name: r.name, locale: r.locale }));
  const chosen = rows.find((r) => r.chosen_at !== null)?.id ?? null;
  return { all, chosen };
}

/**
 * Makes `communityId` the one this person's private chat is about: one row per person on
 * Telegram (the primary key), so choosing another replaces it in one statement.
 */
export async function choosePrivateChatCommunity(
  d1: D1Database,
  userId: string,
  communityId: number,
  now: Date,
): Promise<void> {
  await createDb(d1)
    .insertInto("private_chat_choices")
    .values({
      platform: TELEGRAM_TRAITS.id,
      user_id: userId,
      community_id: communityId,
      chosen_at: now.toISOString(),
    })
    .onConflict((oc) =>
      oc
        .columns(["platform", "user_id"])
        .doUpdateSet({ community_id: communityId, chosen_at: now.toISOString() }),
    )
    .execute();
}

/**
 * The read behind `privateChatCommunities`: the person's memberships first (index
 * `members_by_user`, migration 0027), each joined to its community, so the work is theirs, not
 * the number of groups guyub is in.
 */
export function privateChatCommunitiesQuery(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom("members as m")
    .innerJoin("communities as c", "c.id", "m.community_id")
    .leftJoin("private_chat_choices as p", (join) =>
      join
        .onRef("p.community_id", "=", "c.id")
        .onRef("p.user_id", "=", "m.platform_user_id")
        .on("p.platform", "=", TELEGRAM_TRAITS.id),
    )
    .select(["c.id", "c.workspace_id", "c.name", "c.locale", "p.chosen_at"])
    .where("c.platform", "=", TELEGRAM_TRAITS.id)
    .where("c.deactivated_at", "is", null)
    .where("m.platform_user_id", "=", userId)
    .where("m.status", "!=", "alumni")
    .orderBy("c.id");
}
