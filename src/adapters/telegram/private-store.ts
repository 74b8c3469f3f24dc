import type { Kysely } from "kysely";
import { createDb, runBatch } from "../../db/client.ts";
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
 * The groups a person belongs to with guyub, and which one their private chat is about. The
 * choice is kept as the person's `dm_channels` row for that community: on Telegram a private
 * chat's id is the person's own id, so the row is true (their DM channel there) and one row among
 * their Telegram communities marks the chosen one. Telegram's sender never writes these rows.
 */
export async function privateChatCommunities(
  db: Kysely<Database>,
  userId: string,
): Promise<{ all: PrivateChatCommunity[]; chosen: number | null }> {
  const rows = await db
    .selectFrom("members as m")
    .innerJoin("communities as c", "c.id", "m.community_id")
    .leftJoin("dm_channels as d", (join) =>
      join.onRef("d.community_id", "=", "c.id").onRef("d.user_id", "=", "m.platform_user_id"),
    )
    .select(["c.id", "c.workspace_id", "c.name", "c.locale", "d.channel_id"])
    .where("c.platform", "=", TELEGRAM_TRAITS.id)
    .where("c.deactivated_at", "is", null)
    .where("m.platform_user_id", "=", userId)
    .where("m.status", "!=", "alumni")
    .orderBy("c.id")
    .execute();
  const all = rows.map((r) => ({ id: r.id, workspaceId: r.workspace_id, name: r.name, locale: r.locale }));
  const chosen = rows.find((r) => r.channel_id !== null)?.id ?? null;
  return { all, chosen };
}

/** Makes `communityId` the one this person's private chat is about (and no other). */
export async function choosePrivateChatCommunity(
  d1: D1Database,
  userId: string,
  communityId: number,
  others: readonly number[],
): Promise<void> {
  const db = createDb(d1);
  const drop = others.filter((id) => id !== communityId);
  // One batch: one transaction on D1, so the chat is never about two communities or none.
  await runBatch(d1, [
    ...(drop.length > 0
      ? [
          db
            .deleteFrom("dm_channels")
            .where("user_id", "=", userId)
            .where("community_id", "in", drop)
            .compile(),
        ]
      : []),
    db
      .insertInto("dm_channels")
      .values({ community_id: communityId, user_id: userId, channel_id: userId })
      .onConflict((oc) => oc.columns(["community_id", "user_id"]).doUpdateSet({ channel_id: userId }))
      .compile(),
  ]);
}
