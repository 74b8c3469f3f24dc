import type { Locale } from "../../core/i18n/index.ts";
import { localDay } from "../../core/local-time.ts";
import { localToInstant } from "./zone.ts";

// Building an Intl.DateTimeFormat costs far more than using one: one per locale, timezone and use.
const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: Locale, timezone: string, withDay: boolean): Intl.DateTimeFormat {
  const key = `${locale}\n${timezone}\n${withDay}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", {
      timeZone: timezone,
      ...(withDay ? { weekday: "long", day: "numeric", month: "long", year: "numeric" } : {}),
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZoneName: "short",
    });
    formats.set(key, found);
  }
  return found;
}

/**
 * A meeting's start in the community's language and zone, as people say it:
 * "Selasa, 2 Maret 2027 pukul 19.00 WIB", "Tuesday, 2 March 2027 at 19:00 CET".
 */
export function formatMeetingTime(at: Date, locale: Locale, timezone: string): string {
  return format(locale, timezone, true).format(at);
}

/**
 * Whether the zone's short name at `at` is a bare offset ("GMT+7"): it then says nothing about
 * where, so messages add the zone's IANA name. "WIB", "CET" or "UTC" already say it, and a
 * reader would find "WIB (Asia/Jakarta)" repeated.
 */
export function zoneNameIsOffset(at: Date, locale: Locale, timezone: string): boolean {
  const zone = format(locale, timezone, false)
    .formatToParts(at)
    .find((part) => part.type === "timeZoneName")?.value;
  return zone !== undefined && /^(GMT|UTC)[+\-−]/.test(zone);
}

/**
 * A local time of day as people write it, with its zone: "08.00 WIB", "08:00 CET", and
 * "08:00 GMT+7 (Asia/Jakarta)" where the zone's short name is only an offset. The zone's name
 * is read on today's local day (`now`), so it follows daylight saving.
 */
export function formatClock(minute: number, locale: Locale, timezone: string, now: Date): string {
  const at = localToInstant(localDay(now, timezone), minute, timezone);
  const text = format(locale, timezone, false).format(at);
  return zoneNameIsOffset(at, locale, timezone) ? `${text} (${timezone})` : text;
}
