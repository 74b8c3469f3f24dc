import { type CompiledQuery, sql } from "kysely";
import type { ActivityEffect } from "../core/activity/effect.ts";
import { latestDays } from "../core/activity/effects.ts";
import { activityWeeksQuery } from "../features/dashboard/activity-weeks-store.ts";
import type { Db } from "./client.ts";

/**
 * "Active on this day" for many members in one statement (one JSON parameter, so a page of a
 * hundred authors stays within D1's 100 bound parameters). Only stored members, and only when
 * the day is later than what is stored: a repeated or older sighting writes nothing. The same
 * batch writes the member's ISO week (the dashboard's activity history).
 */
export function activityEffectQueries(
  db: Db,
  communityId: number,
  effect: ActivityEffect,
  now: Date,
): CompiledQuery[] {
  const seen = latestDays(effect.seen);
  if (seen.length === 0) return [];
  const entries = JSON.stringify(seen.map((s) => [s.userId, s.day]));
  return [
    activityWeeksQuery(db, communityId, seen),
    sql`UPDATE members SET last_active_on = seen.day, updated_at = ${now.toISOString()}
        FROM (SELECT value ->> 0 AS user_id, value ->> 1 AS day FROM json_each(${entries})) AS seen
        WHERE members.community_id = ${communityId}
          AND members.platform_user_id = seen.user_id
          AND (members.last_active_on IS NULL OR members.last_active_on < seen.day)`.compile(db),
  ];
}
