import { TZDateMini } from "@date-fns/tz/date/mini";

/**
 * A local day and time in a timezone as an instant. @date-fns/tz applies the zone's rules
 * (daylight saving included) from the platform's Intl data, so a 19:00 meeting stays at 19:00
 * local when the clocks change; no offset arithmetic by hand. TZDateMini: the constructor
 * without the formatting methods guyub does not use (smaller bundle).
 */
export function localToInstant(day: string, minutes: number, timezone: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const local = new TZDateMini(y, m - 1, d, Math.floor(minutes / 60), minutes % 60, timezone);
  return new Date(local.getTime());
}
