/**
 * What the health page concludes from what it read: pure, so each verdict is tested without D1.
 */

/** The cron runs every 15 minutes: a tick older than two periods means ticks are being missed. */
export const TICK_LATE_AFTER_MS = 30 * 60 * 1000;
/** A heartbeat not back this long after it left: the queue's consumer is not running. */
export const HEARTBEAT_LOST_AFTER_MS = 5 * 60 * 1000;

export type SchemaState =
  | { readonly state: "current"; readonly newest: string }
  | { readonly state: "behind"; readonly missing: readonly string[] }
  | { readonly state: "ahead"; readonly applied: string; readonly newest: string }
  | { readonly state: "unknown" };

const numberOf = (name: string) => Number.parseInt(name, 10);

/**
 * The database's newest applied migration against the code's list. A name the code does not know
 * is compared by its number: higher means the database was migrated by newer code ("ahead").
 */
export function schemaState(applied: string | null | undefined, code: readonly string[]): SchemaState {
  const newest = code[code.length - 1];
  if (applied === undefined || newest === undefined) return { state: "unknown" };
  if (applied === null) return { state: "behind", missing: [...code] };
  const at = code.indexOf(applied);
  if (at === code.length - 1) return { state: "current", newest };
  if (at >= 0) return { state: "behind", missing: code.slice(at + 1) };
  if (numberOf(applied) > numberOf(newest)) return { state: "ahead", applied, newest };
  return { state: "behind", missing: code.filter((name) => numberOf(name) > numberOf(applied)) };
}

export type TickState =
  | { readonly state: "none" }
  | { readonly state: "ok" | "failed"; readonly late: boolean; readonly failed: readonly string[] };

export function tickState(
  tick: { scheduledAt: Date; ok: boolean; failed: readonly string[] } | null,
  now: Date,
): TickState {
  if (!tick) return { state: "none" };
  const late = now.getTime() - tick.scheduledAt.getTime() > TICK_LATE_AFTER_MS;
  return { state: tick.ok ? "ok" : "failed", late, failed: tick.failed };
}

export type HeartbeatState =
  | { readonly state: "none" }
  | { readonly state: "back"; readonly roundTripMs: number; readonly backAt: Date }
  | { readonly state: "waiting" | "lost"; readonly sentAt: Date };

/**
 * A queue's last heartbeat: back (with its round trip) when the newest one sent has returned;
 * waiting while it may still come; lost once it is overdue.
 */
export function heartbeatState(
  beat: { sentAt: Date | null; backSentAt: Date | null; backAt: Date | null; roundTripMs: number | null },
  now: Date,
): HeartbeatState {
  const { sentAt, backSentAt, backAt, roundTripMs } = beat;
  const backIsNewest = backSentAt !== null && (sentAt === null || backSentAt >= sentAt);
  if (backIsNewest && backAt !== null && roundTripMs !== null)
    return { state: "back", roundTripMs: Math.max(0, roundTripMs), backAt };
  if (sentAt === null) return { state: "none" };
  const overdue = now.getTime() - sentAt.getTime() > HEARTBEAT_LOST_AFTER_MS;
  return { state: overdue ? "lost" : "waiting", sentAt };
}
