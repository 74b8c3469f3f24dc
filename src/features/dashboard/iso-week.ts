/**
 * The ISO 8601 week of a local day, as `member_activity_weeks.week` holds it (`YYYY-Www`, weeks from
 * Monday; 2027-01-01, a Friday, is `2026-W53`). Computed in TypeScript rather than with SQLite's
 * `strftime('%V')`, which D1 does not promise, so every writer and reader agrees; the one rule
 * lives in core's calendar (the digest's period uses it too).
 */
export { isoWeek } from "../../core/calendar.ts";
