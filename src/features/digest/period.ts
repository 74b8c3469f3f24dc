import { DAY_MS } from "../../core/durations.ts";
import { localDay } from "../../core/local-time.ts";

/**
 * The ISO week (`2027-W09`) of a local day: the digest's period. One digest per community per
 * ISO week, whatever the weekday it is set to and however often the cron or a moderator asks.
 */
export function isoWeek(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = date.getUTCDay() || 7;
  // The Thursday of this week decides the ISO year.
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const year = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(year, 0, 1)) / DAY_MS + 1) / 7);
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** The digest's week for a community at `now`: its ISO week and the outbox key of its post. */
export function digestPeriod(now: Date, timezone: string): { period: string; key: string } {
  const period = isoWeek(localDay(now, timezone));
  return { period, key: `digest:${period}` };
}

/** The 7 days before `now`: what "this week" means in a digest posted at `now`. */
export function digestWindow(now: Date, timezone: string) {
  const from = new Date(now.getTime() - 7 * DAY_MS);
  return { from, to: now, fromDay: localDay(from, timezone), toDay: localDay(now, timezone) };
}
