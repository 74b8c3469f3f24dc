/**
 * Lengths of time in milliseconds, for arithmetic on instants (a UTC day has no daylight-saving
 * change; a local day may, so local days go through `local-time.ts` and calendar days through
 * `calendar.ts`).
 */
export const MINUTE_MS = 60 * 1000;
/** The cron's step: scheduled work happens on the quarter-hours. */
export const QUARTER_HOUR_MS = 15 * MINUTE_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
