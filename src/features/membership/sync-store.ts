import { sql } from "kysely";
import type { Db } from "../../db/client.ts";
import type { LeaveReason } from "./effects.ts";
import { MEMBER_SYNC_JOB } from "./ports.ts";

/** The sync of one community as the job resumes it. */
export interface SyncState {
  /** The pass in progress (ISO), or null when idle. */
  readonly pass: string | null;
  readonly cursor: string | null;
  readonly pages: number;
  readonly seen: number;
  readonly lastFinishedAt: string | null;
  readonly firstCompleted: boolean;
}

export async function readSyncState(db: Db, communityId: number): Promise<SyncState> {
  const row = await db
    .selectFrom("member_sync")
    .selectAll()
    .where("community_id", "=", communityId)
    .executeTakeFirst();
  return {
    pass: row?.pass_started_at ?? null,
    cursor: row?.cursor ?? null,
    pages: row?.pages ?? 0,
    seen: row?.seen ?? 0,
    lastFinishedAt: row?.last_finished_at ?? null,
    firstCompleted: Boolean(row?.first_completed_at),
  };
}

/** Stored status of the given users (one page of the platform's list), in one read. */
export async function storedStates(
  db: Db,
  communityId: number,
  userIds: readonly string[],
): Promise<Map<string, { status: string; leftReason: LeaveReason | null }>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("members")
    .select(["platform_user_id", "status", "left_reason"])
    .where("community_id", "=", communityId)
    .where("platform_user_id", "in", sql<string>`(select value from json_each(${JSON.stringify(userIds)}))`)
    .execute();
  return new Map(rows.map((r) => [r.platform_user_id, { status: r.status, leftReason: r.left_reason }]));
}

/** Why the last run could not read the list, and when to try again. */
export async function recordSyncError(
  db: Db,
  communityId: number,
  error: string,
  nextRunAt: Date,
  now: Date,
) {
  const values = {
    last_error: error.slice(0, 300),
    next_run_at: nextRunAt.toISOString(),
    updated_at: now.toISOString(),
  };
  await db
    .insertInto("member_sync")
    .values({ community_id: communityId, ...values })
    .onConflict((oc) => oc.column("community_id").doUpdateSet(values))
    .execute();
}

/**
 * A run claimed or started this recently and not finished still counts: its queue message is on
 * its way (a claim that was never picked up is sent again every 30 minutes, which moves its
 * `claimed_at`). A run left `running` longer than this died with its invocation.
 */
export const UNFINISHED_SYNC_MS = 2 * 60 * 60 * 1000;

/**
 * Communities whose sync is due (never run, a pass to carry on, an hour since the last, or asked
 * for) and not already claimed: `next_run_at` moves only once the queued run has run, so while
 * the jobs queue lags behind the cron, every tick would otherwise claim the sync again.
 */
export async function dueSyncCommunities(db: Db, now: Date): Promise<number[]> {
  const recent = new Date(now.getTime() - UNFINISHED_SYNC_MS).toISOString();
  const rows = await db
    .selectFrom("communities as c")
    .leftJoin("member_sync as s", "s.community_id", "c.id")
    .select("c.id")
    .where((eb) => eb.or([eb("s.next_run_at", "is", null), eb("s.next_run_at", "<=", now.toISOString())]))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("job_runs as r")
            .select("r.id")
            .where("r.job", "=", MEMBER_SYNC_JOB)
            .whereRef("r.community_id", "=", "c.id")
            .where("r.status", "in", ["claimed", "running"])
            .where("r.claimed_at", ">", recent),
        ),
      ),
    )
    .execute();
  return rows.map((row) => row.id);
}

/** When the sync of a community is next due (null: at the next quarter-hour). */
export async function nextSyncRun(db: Db, communityId: number): Promise<string | null> {
  const row = await db
    .selectFrom("member_sync")
    .select("next_run_at")
    .where("community_id", "=", communityId)
    .executeTakeFirst();
  return row?.next_run_at ?? null;
}
