import { isoWeek } from "../../core/calendar.ts";
import { DAY_MS } from "../../core/durations.ts";
import { localDay } from "../../core/local-time.ts";

export { isoWeek };

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
