import { localDay } from "../../core/local-time.ts";
import type { StoredSeries } from "./reads.ts";
import { type Cadence, firstMeetingDay } from "./schedule.ts";

/** A meeting's length when the moderator names none. */
export const DEFAULT_MEETING_MINUTES = 60;

/** What a moderator chooses for a series: cadence, weekday (ISO, 1 Monday), local start, length, link. */
export interface SeriesChoice {
  readonly cadence: Cadence;
  readonly weekday: number;
  readonly startMinute: number;
  readonly minutes: number;
  readonly link: string | null;
}

/**
 * The series `/copmod meeting schedule` and `/copmod setup` store: its first day is the next chosen
 * weekday at that local time in `zone` (today if still ahead), so both paths start it alike.
 */
export function newSeries(now: Date, zone: string, choice: SeriesChoice): StoredSeries {
  const firstDay = firstMeetingDay(now, zone, localDay(now, zone), choice.weekday, choice.startMinute);
  const { cadence, startMinute, minutes, link } = choice;
  return { cadence, firstDay, startMinute, minutes, link };
}
