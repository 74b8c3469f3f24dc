/**
 * "What day and time is it there now", from the platform's Intl, which knows every timezone's
 * rules (daylight saving included). Building an Intl.DateTimeFormat costs far more than using
 * one, so each is built once per timezone and kind.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(timezone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${withTime ? "t" : "d"}:${timezone}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone: timezone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      ...(withTime ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } : {}),
    });
    formats.set(key, format);
  }
  return format;
}

/**
 * The last day computed per timezone, with the UTC minute it was computed for. Every zone's offset
 * today is a whole number of minutes, so a local midnight falls on a UTC minute boundary: within
 * one UTC minute the local day cannot change, and formatting it again (every command asks) is
 * skipped. A different minute, earlier or later, formats afresh.
 */
const lastDays = new Map<string, { minute: number; day: string }>();

/** The calendar day of `now` in a timezone (YYYY-MM-DD): the hot path's cheap form. */
export function localDay(now: Date, timezone: string): string {
  const minute = Math.floor(now.getTime() / 60_000);
  const last = lastDays.get(timezone);
  if (last?.minute === minute) return last.day;
  const day = formatter(timezone, false).format(now);
  // A few zones per isolate in practice; the bound only keeps a flood of odd zones in check.
  if (lastDays.size >= 1000) lastDays.clear();
  lastDays.set(timezone, { minute, day });
  return day;
}

/** The local date (YYYY-MM-DD) and minutes since local midnight of `at` in a timezone. */
export function localClock(at: Date, timezone: string): { day: string; minutes: number } {
  const parts = Object.fromEntries(
    formatter(timezone, true)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}
