import type { CompiledQuery } from "kysely";
import type { Db } from "./client.ts";

/** A channel the activity job reads, with its cursor. */
export interface ActivityChannel {
  readonly channelId: string;
  readonly lastMessageId: string | null;
}

/**
 * The channels whose messages count as activity: the community's main channel (added on first
 * sight, one statement) and any other row in `activity_channels`. Least recently read first, so
 * a run that runs out of pages leaves the others first in line next time.
 */
export async function activityChannels(db: Db, communityId: number): Promise<ActivityChannel[]> {
  await db
    .insertInto("activity_channels")
    .columns(["community_id", "channel_id", "updated_at"])
    .expression(
      db
        .selectFrom("communities")
        .select(["id", "main_channel_id", (eb) => eb.val(new Date(0).toISOString()).as("updated_at")])
        .where("id", "=", communityId)
        .where("main_channel_id", "is not", null),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();
  const rows = await db
    .selectFrom("activity_channels")
    .select(["channel_id", "last_message_id"])
    .where("community_id", "=", communityId)
    .orderBy("updated_at")
    .orderBy("channel_id")
    .execute();
  return rows.map((r) => ({ channelId: r.channel_id, lastMessageId: r.last_message_id }));
}

/** Saves a channel's cursor (in the batch that records the page's activity): a rerun resumes here. */
export function saveCursorQuery(
  db: Db,
  communityId: number,
  channelId: string,
  lastMessageId: string,
  error: string | null,
  now: Date,
): CompiledQuery {
  return db
    .updateTable("activity_channels")
    .set({ last_message_id: lastMessageId, last_error: error, updated_at: now.toISOString() })
    .where("community_id", "=", communityId)
    .where("channel_id", "=", channelId)
    .compile();
}

/** Why a channel could not be read (no access): shown to operators, tried again next run. */
export function recordChannelError(db: Db, communityId: number, channelId: string, error: string, now: Date) {
  return db
    .updateTable("activity_channels")
    .set({ last_error: error, updated_at: now.toISOString() })
    .where("community_id", "=", communityId)
    .where("channel_id", "=", channelId)
    .execute();
}

/** Discord communities with a channel to read (a main channel or a listed one). */
export async function discordActivityCommunities(db: Db): Promise<number[]> {
  const rows = await db
    .selectFrom("communities as c")
    .select("c.id")
    .where("c.platform", "=", "discord")
    .where((eb) =>
      eb.or([
        eb("c.main_channel_id", "is not", null),
        eb.exists(
          eb
            .selectFrom("activity_channels as a")
            .select("a.channel_id")
            .whereRef("a.community_id", "=", "c.id"),
        ),
      ]),
    )
    .execute();
  return rows.map((r) => r.id);
}
