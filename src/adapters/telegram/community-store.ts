import type { Db } from "../../db/client.ts";
import { TELEGRAM_TRAITS } from "./traits.ts";

/**
 * A group upgraded to a supergroup gets a new chat id (`migrate_to_chat_id`): its community follows
 * it, with every setting and member. Telegram sends the notice in the old group and a twin in the
 * new one; the second finds no row under the old id and changes nothing. A community that already
 * exists under the new id (someone spoke there first) is left alone: two communities are never
 * merged blindly. Returns whether the community moved.
 */
export async function followChatMigration(db: Db, fromId: string, toId: string, now: Date): Promise<boolean> {
  const taken = await db
    .selectFrom("communities")
    .select("id")
    .where("platform", "=", TELEGRAM_TRAITS.id)
    .where("workspace_id", "=", toId)
    .executeTakeFirst();
  if (taken) return false;
  const moved = await db
    .updateTable("communities")
    .set({ workspace_id: toId, updated_at: now.toISOString() })
    .where("platform", "=", TELEGRAM_TRAITS.id)
    .where("workspace_id", "=", fromId)
    .returning("id")
    .executeTakeFirst();
  if (!moved) return false;
  // The group was its own main channel: it still is, under its new id.
  await db
    .updateTable("communities")
    .set({ main_channel_id: toId })
    .where("id", "=", moved.id)
    .where("main_channel_id", "=", fromId)
    .execute();
  // The group's own activity row (privacy mode: whether the bot sees every message) follows it too.
  await db
    .updateTable("activity_channels")
    .set({ channel_id: toId })
    .where("community_id", "=", moved.id)
    .where("channel_id", "=", fromId)
    .execute();
  return true;
}

/**
 * A group has no channels: it is itself where guyub posts. The bot added to a group makes the
 * group its community's main channel, unless one is set already (a moderator's choice stays).
 */
export async function groupIsMainChannel(db: Db, workspaceId: string, now: Date): Promise<void> {
  await db
    .updateTable("communities")
    .set({ main_channel_id: workspaceId, updated_at: now.toISOString() })
    .where("platform", "=", TELEGRAM_TRAITS.id)
    .where("workspace_id", "=", workspaceId)
    .where("main_channel_id", "is", null)
    .execute();
}

/** The id of a group's community, if guyub knows it. */
export async function communityIdOf(db: Db, workspaceId: string): Promise<number | null> {
  const row = await db
    .selectFrom("communities")
    .select("id")
    .where("platform", "=", TELEGRAM_TRAITS.id)
    .where("workspace_id", "=", workspaceId)
    .executeTakeFirst();
  return row?.id ?? null;
}
