/**
 * The ISO 8601 week of a local day (`YYYY-MM-DD`), as `YYYY-Www`: weeks start on Monday, and
 * week 1 is the one holding the year's first Thursday, so 2027-01-01 (a Friday) is `2026-W53`.
 * Computed here rather than with SQLite's `strftime('%V')`, which D1 does not promise, so every
 * writer and reader of `member_activity_weeks` agrees on the same week.
 */
export function isoWeek(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  // Monday 1 … Sunday 7; the Thursday of this week decides the year.
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const year = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, "0")}`;
}
