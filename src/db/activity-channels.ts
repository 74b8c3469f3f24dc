import type { CompiledQuery } from "kysely";
import type { ReadProblem, UnreadChannel } from "../core/activity/history.ts";
import type { PlatformId } from "../core/platform.ts";
import type { Db } from "./client.ts";

/** A channel the activity job reads, with its cursor and why its last read failed (null: it did not). */
export interface ActivityChannel {
  readonly channelId: string;
  readonly lastMessageId: string | null;
  readonly lastError: string | null;
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
    .select(["channel_id", "last_message_id", "last_error"])
    .where("community_id", "=", communityId)
    .orderBy("updated_at")
    .orderBy("channel_id")
    .execute();
  return rows.map((r) => ({
    channelId: r.channel_id,
    lastMessageId: r.last_message_id,
    lastError: r.last_error,
  }));
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

/**
 * Why a channel could not be read (a `ReadProblem`), or null once it could be again. Shown to
 * moderators in `/copmod nudges quiet`; while any is set the community gets no nudges. Tried again
 * next run.
 */
export function recordChannelError(
  db: Db,
  communityId: number,
  channelId: string,
  problem: ReadProblem | null,
  now: Date,
) {
  return db
    .updateTable("activity_channels")
    .set({ last_error: problem, updated_at: now.toISOString() })
    .where("community_id", "=", communityId)
    .where("channel_id", "=", channelId)
    .execute();
}

/**
 * Whether guyub sees every message in a place that is the community itself (a Telegram group):
 * the row is upserted with `problem` (null: visible again). Written when the platform tells that
 * guyub's standing there changed, not by a read, so no cursor is kept.
 */
export function activityVisibilityQuery(
  db: Db,
  communityId: number,
  channelId: string,
  problem: ReadProblem | null,
  now: Date,
): CompiledQuery {
  const at = now.toISOString();
  return db
    .insertInto("activity_channels")
    .values({ community_id: communityId, channel_id: channelId, last_error: problem, updated_at: at })
    .onConflict((oc) =>
      oc.columns(["community_id", "channel_id"]).doUpdateSet({ last_error: problem, updated_at: at }),
    )
    .compile();
}

/** A channel that no longer exists holds no activity to miss: it leaves the reading list. */
export function dropActivityChannel(db: Db, communityId: number, channelId: string) {
  return db
    .deleteFrom("activity_channels")
    .where("community_id", "=", communityId)
    .where("channel_id", "=", channelId)
    .execute();
}

const PROBLEMS: ReadonlySet<string> = new Set<ReadProblem>([
  "cannot_view",
  "cannot_read_history",
  "no_access",
  "messages_hidden",
]);

/** The channels guyub could not read at its last try (an older free-text error reads as `no_access`). */
export async function unreadActivityChannels(db: Db, communityId: number): Promise<UnreadChannel[]> {
  const rows = await db
    .selectFrom("activity_channels")
    .select(["channel_id", "last_error"])
    .where("community_id", "=", communityId)
    .where("last_error", "is not", null)
    .orderBy("channel_id")
    .execute();
  return rows.map((r) => ({
    channelId: r.channel_id,
    problem: PROBLEMS.has(r.last_error ?? "") ? (r.last_error as ReadProblem) : "no_access",
  }));
}

/**
 * The communities of `platform` with a channel to read (a main channel or a listed one). The
 * platform is the caller's: only a platform whose history is read (Discord) asks.
 */
export async function activityReadCommunities(db: Db, platform: PlatformId): Promise<number[]> {
  const rows = await db
    .selectFrom("communities as c")
    .select("c.id")
    .where("c.platform", "=", platform)
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
