import { daysBetween, parseDay } from "../../core/calendar.ts";
import type { Locale } from "../../core/i18n/index.ts";
import type { Holiday } from "./schedule.ts";

/** How long a holiday's name may be (the `holidays.name` CHECK backs it up). */
export const HOLIDAY_NAME_MAX = 100;
/**
 * The longest holiday, in days (both ends counted): a month's break fits; a typo such as
 * `2027-01-01 2028-12-31` that would remove two years of meetings does not.
 */
export const HOLIDAY_MAX_DAYS = 31;

// Date-shaped words start a new entry, even when they are not real days (they are then refused).
const DATE_SHAPED = /^\d{4}-\d{1,2}-\d{1,2}$/;
// Written as YYYY-MM-DD but not in the calendar: "no such date" rather than "write a date".
const ISO_SHAPED = /^\d{4}-\d{2}-\d{2}$/;

export type HolidayParse =
  | { readonly ok: true; readonly holidays: Holiday[] }
  | { readonly ok: false; readonly entry: string; readonly reason: "date" | "order" | "name" }
  /** Shaped like a date, but not one in the calendar (`2027-02-30`). */
  | { readonly ok: false; readonly entry: string; readonly reason: "noSuchDate"; readonly value: string }
  /** Longer than {@link HOLIDAY_MAX_DAYS}. */
  | { readonly ok: false; readonly entry: string; readonly reason: "long"; readonly days: number };

/**
 * One holiday from its parts: a real start, an optional real end not before it and at most
 * {@link HOLIDAY_MAX_DAYS} days on, a short name. Whether it is in the past is the caller's
 * question (it needs the community's today).
 */
export function holidayFrom(start: string, end: string | undefined, name: string | undefined): HolidayParse {
  const entry = [start, end, name].filter(Boolean).join(" ");
  const startDay = parseDay(start);
  const endDay = end === undefined ? startDay : parseDay(end);
  for (const [text, day] of [
    [start, startDay],
    [end, endDay],
  ] as const) {
    if (text !== undefined && !day && ISO_SHAPED.test(text.trim()))
      return { ok: false, entry, reason: "noSuchDate", value: text.trim() };
  }
  if (!startDay || !endDay) return { ok: false, entry, reason: "date" };
  if (endDay < startDay) return { ok: false, entry, reason: "order" };
  const days = daysBetween(startDay, endDay) + 1;
  if (days > HOLIDAY_MAX_DAYS) return { ok: false, entry, reason: "long", days };
  const trimmed = name?.trim() || null;
  if (trimmed && trimmed.length > HOLIDAY_NAME_MAX) return { ok: false, entry, reason: "name" };
  return { ok: true, holidays: [{ startDay, endDay, name: trimmed }] };
}

/**
 * A pasted list, `YYYY-MM-DD[ YYYY-MM-DD] name` per entry. Slack joins a command's lines and
 * Discord options have none, so entries are split where a date starts (newlines and `;` work
 * too). All or nothing: the first bad entry is named and nothing is kept.
 */
export function parseHolidayList(text: string): HolidayParse {
  const words = text.split(/[\s;]+/).filter(Boolean);
  const entries: string[][] = [];
  for (const word of words) {
    const last = entries.at(-1);
    const continuesRange = last?.length === 1 && DATE_SHAPED.test(last[0] ?? "");
    if (DATE_SHAPED.test(word) && !continuesRange) entries.push([word]);
    else if (last) last.push(word);
    else return { ok: false, entry: word, reason: "date" };
  }
  const holidays: Holiday[] = [];
  for (const [start = "", ...more] of entries) {
    const end = more[0] && DATE_SHAPED.test(more[0]) ? more.shift() : undefined;
    const one = holidayFrom(start, end, more.join(" ") || undefined);
    if (!one.ok) return one;
    holidays.push(...one.holidays);
  }
  return holidays.length === 0 ? { ok: false, entry: text.trim(), reason: "date" } : { ok: true, holidays };
}

// One formatter per locale: days are formatted as calendar days, so in UTC.
const formats = new Map<string, Intl.DateTimeFormat>();

/** A local day as people write it, its weekday in full: "Tuesday 2 March 2027", "Selasa, 2 Maret 2027". */
export function formatDayName(day: string, locale: Locale): string {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", {
      timeZone: "UTC",
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
    });
    formats.set(locale, format);
  }
  return format.format(new Date(`${day}T00:00:00Z`));
}
