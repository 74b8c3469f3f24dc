import { localClock } from "../core/local-time.ts";
import type { Db } from "../db/client.ts";

const QUARTER_MS = 15 * 60 * 1000;

/** The quarter-hour containing `at`, as a period key (`2027-03-02T09:15Z`). */
export function quarterHour(at: Date): string {
  const start = new Date(Math.floor(at.getTime() / QUARTER_MS) * QUARTER_MS);
  return `${start.toISOString().slice(0, 16)}Z`;
}

/** The start of the next quarter-hour after `at`. */
export function nextQuarterHour(at: Date): Date {
  return new Date(Math.floor(at.getTime() / QUARTER_MS) * QUARTER_MS + QUARTER_MS);
}

/** The latest period each community has claimed for a job (one statement, grouped). */
export async function lastClaims(db: Db, job: string): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom("job_runs")
    .select(["community_id", (eb) => eb.fn.max("period").as("period")])
    .where("job", "=", job)
    .groupBy("community_id")
    .execute();
  return new Map(rows.map((row) => [row.community_id, String(row.period)]));
}

export { localClock } from "../core/local-time.ts";

/** The calendar day before or after a YYYY-MM-DD day (calendar arithmetic only, no timezone). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Local days on which a daily job at `minuteOfDay` (local) is due as of `now`: today once its
 * time has come, and any missed days back to `catchUpDays`, newer than the last claimed day.
 * Due-ness needs only "what time is it there now", which the platform's Intl answers
 * correctly across daylight-saving changes.
 */
export function dueDays(
  now: Date,
  timezone: string,
  minuteOfDay: number,
  lastClaimed: string | undefined,
  catchUpDays: number,
): string[] {
  const { day, minutes } = localClock(now, timezone);
  const newest = minutes >= minuteOfDay ? day : addDays(day, -1);
  const days: string[] = [];
  for (let i = catchUpDays; i >= 0; i--) {
    const candidate = addDays(newest, -i);
    if (!lastClaimed || candidate > lastClaimed) days.push(candidate);
  }
  return days;
}
