import type { Locale } from "../i18n/index.ts";

// Building an Intl.DateTimeFormat costs far more than using one: one per locale and timezone.
const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A meeting's start in the community's language and zone, as people say it:
 * "Selasa, 2 Maret 2027 pukul 19.00 WIB", "Tuesday, 2 March 2027 at 19:00 CET".
 */
export function formatMeetingTime(at: Date, locale: Locale, timezone: string): string {
  const key = `${locale}\n${timezone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", {
      timeZone: timezone,
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZoneName: "short",
    });
    formats.set(key, format);
  }
  return format.format(at);
}
