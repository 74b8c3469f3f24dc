/**
 * The 15-minute cron for `npm start`. Cloudflare fires `*\/15 * * * *` in production, but
 * `wrangler dev` never does by itself, so a newcomer who schedules a meeting would wait forever
 * for its announcement. This fires the Worker's scheduled handler at every quarter hour of the
 * local clock, through Miniflare's `/cdn-cgi/local/scheduled`, with that quarter hour as the
 * event's `scheduledTime` (as Cloudflare does: jobs take their time from the event).
 *
 * Everything that touches time or the network is passed in, so the schedule is testable.
 */

export const CRON = "*/15 * * * *";
export const QUARTER_HOUR_MS = 15 * 60_000;

/** The next quarter hour strictly after `nowMs` (a moment exactly on one is already past). */
export function nextQuarterHour(nowMs: number): number {
  return (Math.floor(nowMs / QUARTER_HOUR_MS) + 1) * QUARTER_HOUR_MS;
}

/** The latest quarter hour at or before `nowMs`. */
export function lastQuarterHour(nowMs: number): number {
  return Math.floor(nowMs / QUARTER_HOUR_MS) * QUARTER_HOUR_MS;
}

/** The URL that fires the Worker's scheduled handler at `scheduledTime` (ms since the epoch). */
export function scheduledUrl(workerUrl: string, scheduledTime: number): string {
  const url = new URL("/cdn-cgi/local/scheduled", workerUrl);
  url.searchParams.set("cron", CRON);
  url.searchParams.set("time", String(scheduledTime));
  return url.toString();
}

export interface LocalCronDeps {
  /** The wall clock: only this script reads it, never the Worker's logic. */
  now: () => number;
  /** Runs `run` after `ms`; returns a way to cancel it. */
  setTimer: (run: () => void, ms: number) => () => void;
  /** Fires the scheduled handler for `scheduledTime`; rejects when the Worker did not take it. */
  fire: (scheduledTime: number) => Promise<void>;
  /** Told about each tick, e.g. to print one line. */
  onTick?: (scheduledTime: number, error?: unknown) => void;
}

/**
 * Fires at every quarter hour from now on until stopped. Each tick is scheduled from the clock
 * again, so a slow tick or a sleeping laptop never fires twice for one quarter hour nor drifts;
 * quarter hours missed while asleep are not made up (Cloudflare does not either).
 */
export function startLocalCron(deps: LocalCronDeps): { stop: () => void } {
  let cancel: (() => void) | undefined;
  let stopped = false;
  let last = Number.NEGATIVE_INFINITY;

  const arm = () => {
    if (stopped) return;
    const due = Math.max(nextQuarterHour(deps.now()), nextQuarterHour(last));
    cancel = deps.setTimer(() => void tick(due), Math.max(0, due - deps.now()));
  };

  const tick = async (due: number) => {
    if (stopped) return;
    // A timer may wake a little early: wait for the quarter hour rather than firing before it.
    if (deps.now() < due) {
      cancel = deps.setTimer(() => void tick(due), due - deps.now());
      return;
    }
    // Woken late (a sleeping laptop): fire for the latest quarter hour passed, once.
    const at = Math.max(due, lastQuarterHour(deps.now()));
    last = at;
    try {
      await deps.fire(at);
      deps.onTick?.(at);
    } catch (error) {
      deps.onTick?.(at, error);
    }
    arm();
  };

  arm();
  return {
    stop: () => {
      stopped = true;
      cancel?.();
    },
  };
}

/** `fire` for `startLocalCron`: a GET to Miniflare's scheduled endpoint, which must answer 2xx. */
export function fireOver(fetchFn: typeof fetch, workerUrl: string): (scheduledTime: number) => Promise<void> {
  return async (scheduledTime) => {
    const response = await fetchFn(scheduledUrl(workerUrl, scheduledTime));
    await response.text();
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  };
}
