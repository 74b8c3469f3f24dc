/**
 * Calendar days as `YYYY-MM-DD` strings, with arithmetic on the proleptic Gregorian calendar
 * only: no timezone is involved until a day and a local time become an instant (zone.ts).
 */

import { DAY_MS } from "./durations.ts";

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day (`2027-02-30` is not), else null. */
export function parseDay(text: string): string | null {
  const match = ISO_DAY.exec(text.trim());
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return text.trim();
}

function toDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

function fromDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The day `n` days after (or before, for negative `n`) `day`. */
export function addDays(day: string, n: number): string {
  return fromDate(new Date(toDate(day).getTime() + n * DAY_MS));
}

/** ISO weekday of a day: 1 is Monday, 7 is Sunday. */
export function weekdayOf(day: string): number {
  return ((toDate(day).getUTCDay() + 6) % 7) + 1;
}

/** Which occurrence of its weekday in its month a day is (1 to 5). */
export function weekOfMonth(day: string): number {
  return Math.ceil(Number(day.slice(8, 10)) / 7);
}

/**
 * The `nth` `weekday` of the month `months` after `day`'s month; `nth` 5 means the last one,
 * as a "fifth Monday" meeting would otherwise skip most months.
 */
export function nthWeekdayOfMonth(day: string, months: number, weekday: number, nth: number): string {
  const start = toDate(day);
  const first = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 1));
  const offset = (weekday - weekdayOf(fromDate(first)) + 7) % 7;
  if (nth < 5) return fromDate(new Date(first.getTime() + (offset + (nth - 1) * 7) * DAY_MS));
  const next = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1));
  const last = new Date(next.getTime() - DAY_MS);
  const back = (weekdayOf(fromDate(last)) - weekday + 7) % 7;
  return fromDate(new Date(last.getTime() - back * DAY_MS));
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toDate(b).getTime() - toDate(a).getTime()) / DAY_MS);
}

/**
 * The ISO week (`2027-W09`) of a local day: the digest's period (one digest per community per
 * ISO week), and how long the digest's rested topics are kept.
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
