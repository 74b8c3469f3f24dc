import { DAY_MS } from "../../core/durations.ts";
import { localDay } from "../../core/local-time.ts";
import type { NudgeSettings, ScanWindow } from "./ports.ts";

/** A newcomer's first week is theirs: no nudge, whatever their activity. */
export const FIRST_WEEK_DAYS = 7;

/** The calendar day `days` after (or before) a YYYY-MM-DD day. */
export function shiftDay(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * The scan's moments for a community at `now`, in its zone: who counts as quiet (by local day,
 * like activity), past their first week, and out of the cooldown.
 */
export function scanWindow(
  communityId: number,
  timezone: string,
  settings: Pick<NudgeSettings, "quietDays" | "cooldownDays">,
  now: Date,
): ScanWindow {
  const today = localDay(now, timezone);
  return {
    communityId,
    today,
    quietBefore: shiftDay(today, -settings.quietDays),
    joinedBefore: new Date(now.getTime() - FIRST_WEEK_DAYS * DAY_MS).toISOString(),
    nudgedBefore: new Date(now.getTime() - settings.cooldownDays * DAY_MS).toISOString(),
  };
}
