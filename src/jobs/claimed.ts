import { QUARTER_HOUR_MS } from "../core/durations.ts";
import type { Db } from "../db/client.ts";
import { nextQuarterHour } from "./periods.ts";

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
  const ceil = new Date(Math.ceil(at.getTime() / QUARTER_HOUR_MS) * QUARTER_HOUR_MS);
  const next = nextQuarterHour(now);
  return ceil > next ? ceil : next;
}
