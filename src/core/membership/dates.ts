import type { Locale } from "../i18n/index.ts";

/** Intl locales per catalog locale: English as "2 March 2027", Indonesian as "2 Maret 2027". */
const INTL: Record<Locale, string> = { en: "en-GB", id: "id-ID" };

// Building an Intl.DateTimeFormat costs far more than using one: keep one per use.
const formats = new Map<string, Intl.DateTimeFormat>();

function format(locale: Locale, timezone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${locale} ${timezone} ${withTime}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(INTL[locale], {
      timeZone: timezone,
      day: "numeric",
      month: "long",
      year: "numeric",
      ...(withTime ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" } : {}),
    });
    formats.set(key, found);
  }
  return found;
}

/** A calendar day in the community's time zone and language. */
export function formatDay(at: Date, locale: Locale, timezone: string): string {
  return format(locale, timezone, false).format(at);
}

/** A moment in the community's time zone and language, e.g. "2 Maret 2027 pukul 09.00 WIB". */
export function formatMoment(at: Date, locale: Locale, timezone: string): string {
  return format(locale, timezone, true).format(at);
}
