import { DAY_MS } from "../../src/core/durations.ts";
/**
 * The demo's simulated time: a moment the driver moves forward and puts on every request, and
 * the day-and-hour arithmetic of the scenario, in the community's zone (Asia/Jakarta has no
 * daylight saving, so local hours are a fixed seven hours ahead of UTC).
 */
export const DEMO_ZONE = "Asia/Jakarta";
const OFFSET_MS = 7 * 60 * 60 * 1000;

export class Clock {
  private ms: number;

  /** `startDay` is the first local day, `YYYY-MM-DD`. */
  constructor(readonly startDay: string) {
    this.ms = this.at(0, 0);
  }

  now(): Date {
    return new Date(this.ms);
  }

  set(ms: number): void {
    if (ms < this.ms) throw new Error("the demo clock only moves forward");
    this.ms = ms;
  }

  /** UTC milliseconds of local `minute` on day `day` (0 = the start day). */
  at(day: number, minute: number): number {
    return Date.parse(`${this.startDay}T00:00:00Z`) + day * DAY_MS + minute * 60_000 - OFFSET_MS;
  }

  /** Local day index and minute of a moment. */
  local(ms = this.ms): { day: number; minute: number } {
    const sinceStart = ms + OFFSET_MS - Date.parse(`${this.startDay}T00:00:00Z`);
    const day = Math.floor(sinceStart / DAY_MS);
    return { day, minute: Math.round((sinceStart - day * DAY_MS) / 60_000) };
  }

  /** `YYYY-MM-DD` of local day `day`. */
  dayName(day: number): string {
    return new Date(Date.parse(`${this.startDay}T00:00:00Z`) + day * DAY_MS).toISOString().slice(0, 10);
  }
}

/** `"19:00"` → 1140. */
export function minuteOf(time: string): number {
  const [h = "0", m = "0"] = time.split(":");
  return Number(h) * 60 + Number(m);
}
