import { TZDateMini } from "@date-fns/tz/date/mini";

/**
 * Conversions already made, by zone, day and minute. A conversion asks Intl for the zone's offset
 * several times (about 40 µs in workerd), and the scheduler converts the same meeting times for
 * every job kind, tick after tick, across a thousand communities. Bounded: emptied when full.
 */
const converted = new Map<string, number>();
const MAX_CONVERTED = 50_000;

/**
 * A local day and time in a timezone as an instant. @date-fns/tz applies the zone's rules
 * (daylight saving included) from the platform's Intl data, so a 19:00 meeting stays at 19:00
 * local when the clocks change; no offset arithmetic by hand. TZDateMini: the constructor
 * without the formatting methods guyub does not use (smaller bundle).
 */
export function localToInstant(day: string, minutes: number, timezone: string): Date {
  const key = `${timezone} ${day} ${minutes}`;
  const known = converted.get(key);
  if (known !== undefined) return new Date(known);
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const local = new TZDateMini(y, m - 1, d, Math.floor(minutes / 60), minutes % 60, timezone);
  if (converted.size >= MAX_CONVERTED) converted.clear();
  converted.set(key, local.getTime());
  return new Date(local.getTime());
}
