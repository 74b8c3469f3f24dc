import { addDays } from "../core/calendar.ts";
import { DAY_MS } from "../core/durations.ts";
import type { JobKind } from "./job-kind.ts";
import { dueDays, lastClaims } from "./periods.ts";

/** 03:00 UTC: a quiet hour for most communities guyub serves. */
const AT_MINUTE = 3 * 60;

/**
 * Daily pruning so tables stay small: ingress ids after a day (platforms retry within minutes,
 * signatures expire after five), form drafts after a day, finished job runs after 90 days,
 * finished outbox rows after 30.
 */
export const housekeeping: JobKind = {
  name: "housekeeping",
  async due(deps) {
    const last = (await lastClaims(deps.db, "housekeeping")).get(0);
    return dueDays(deps.now, "UTC", AT_MINUTE, last, 0).map((period) => ({ communityId: 0, period }));
  },
  async run(deps) {
    const ago = (days: number) => new Date(deps.now.getTime() - days * DAY_MS).toISOString();
    await deps.d1.batch([
      deps.d1.prepare("DELETE FROM processed_events WHERE received_at < ?").bind(ago(1)),
      // Form answers kept between steps or after errors are worth a day, not forever.
      deps.d1.prepare("DELETE FROM form_drafts WHERE updated_at < ?").bind(ago(1)),
      deps.d1.prepare("DELETE FROM profile_drafts WHERE updated_at < ?").bind(ago(1)),
      deps.d1
        .prepare("DELETE FROM job_runs WHERE claimed_at < ? AND status IN ('done', 'skipped')")
        .bind(ago(90)),
      deps.d1
        .prepare("DELETE FROM outbox WHERE updated_at < ? AND status IN ('sent', 'superseded', 'skipped')")
        .bind(ago(30)),
      deps.d1
        .prepare("DELETE FROM delivery_pace WHERE next_at < ? AND strikes = 0")
        .bind(deps.now.getTime() - DAY_MS),
    ]);
    return { status: "done" };
  },
  async nextRun(deps) {
    const today = deps.now.toISOString().slice(0, 10);
    const todayAt = new Date(`${today}T03:00:00Z`);
    return todayAt > deps.now ? todayAt : new Date(`${addDays(today, 1)}T03:00:00Z`);
  },
};
