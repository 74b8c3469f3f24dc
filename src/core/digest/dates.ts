import { DAY_MS } from "../durations.ts";
import type { Translator } from "../i18n/index.ts";

const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(t: Translator, withWeekday: boolean): Intl.DateTimeFormat {
  const key = `${t.locale}:${withWeekday}`;
  let format = dayFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(t.locale === "id" ? "id-ID" : "en-GB", {
      timeZone: "UTC",
      day: "numeric",
      month: "long",
      ...(withWeekday ? { weekday: "long" } : { year: "numeric" }),
    });
    dayFormats.set(key, format);
  }
  return format;
}

const utcDay = (day: string) => new Date(`${day}T00:00:00Z`);

/** "Tuesday 2 March" / "Selasa, 2 Maret": a local day, read as a plain calendar day. */
export function shortDay(t: Translator, day: string): string {
  return dayFormat(t, true).format(utcDay(day));
}

/** "1–7 March 2027" / "1–7 Maret 2027": the seven local days the digest covers. */
export function weekRange(
  t: Translator,
  window: { readonly fromDay: string; readonly toDay: string },
): string {
  const last = new Date(utcDay(window.toDay).getTime() - DAY_MS);
  return dayFormat(t, false).formatRange(utcDay(window.fromDay), last);
}

/**
 * "1–7 March 2027" / "1–7 Maret 2027": the Monday-to-Sunday week of a local day, the week a digest
 * is counted in (its ISO week, which people never write as `2027-W09`).
 */
export function calendarWeek(t: Translator, day: string): string {
  const date = utcDay(day);
  const monday = new Date(date.getTime() - ((date.getUTCDay() || 7) - 1) * DAY_MS);
  const sunday = new Date(monday.getTime() + 6 * DAY_MS);
  return dayFormat(t, false).formatRange(monday, sunday);
}
