import { addDays } from "../core/calendar.ts";
import { DAY_MS, QUARTER_HOUR_MS as QUARTER_MS } from "../core/durations.ts";
import { localClock } from "../core/local-time.ts";
import type { Db } from "../db/client.ts";

/** The quarter-hour containing `at`, as a period key (`2027-03-02T09:15Z`). */
export function quarterHour(at: Date): string {
  const start = new Date(Math.floor(at.getTime() / QUARTER_MS) * QUARTER_MS);
  return `${start.toISOString().slice(0, 16)}Z`;
}

/** The start of the next quarter-hour after `at`. */
export function nextQuarterHour(at: Date): Date {
  return new Date(Math.floor(at.getTime() / QUARTER_MS) * QUARTER_MS + QUARTER_MS);
}

/** The quarter-hours the cron runs at after `from`, soonest first, up to (not including) `untilMs`. */
export function* quarterHoursAfter(from: Date, untilMs: number): Generator<Date> {
  for (let at = nextQuarterHour(from); at.getTime() < untilMs; at = nextQuarterHour(at)) yield at;
}

/**
 * The next quarter-hour after `now` that reads `minuteOfDay` on a timezone's clock, within two
 * days (null: none, as on a day a daylight-saving change skips that time). Walking the cron's own
 * steps keeps it right across the changes.
 */
export function nextAtLocalMinute(now: Date, timezone: string, minuteOfDay: number): Date | null {
  for (const at of quarterHoursAfter(now, now.getTime() + 2 * DAY_MS))
    if (localClock(at, timezone).minutes === minuteOfDay) return at;
  return null;
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
