import type { Db } from "../db/client.ts";

/** A run the dispatcher will claim: the quarter-hour and the period (which meeting, which week). */
export interface PlannedClaim {
  readonly at: Date;
  readonly period: string;
}

/** The periods of one job a community has claimed from `since` on (one indexed read). */
export async function claimedPeriods(
  db: Db,
  job: string,
  communityId: number,
  since: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom("job_runs")
    .select("period")
    .where("job", "=", job)
    .where("community_id", "=", communityId)
    .where("period", ">=", since)
    .execute();
  return new Set(rows.map((row) => row.period));
}

/** The first quarter-hour the cron runs at or after `at` (never before the next one after `now`). */
export function firstCronAt(at: Date, now: Date): Date {
  const QUARTER_MS = 15 * 60 * 1000;
  const ceil = new Date(Math.ceil(at.getTime() / QUARTER_MS) * QUARTER_MS);
  const next = new Date(Math.floor(now.getTime() / QUARTER_MS) * QUARTER_MS + QUARTER_MS);
  return ceil > next ? ceil : next;
}
