import { type CompiledQuery, sql } from "kysely";
import type { ActivitySeen } from "../../core/activity/effect.ts";
import { isoWeek } from "../../core/calendar.ts";
import type { Contact } from "../../core/model.ts";
import type { Db } from "../../db/client.ts";

// The activity history (member × ISO week) the dashboard measures trends from. Each statement
// here joins the batch that moves `members.last_active_on`, so the two never disagree. A later
// day in a week adds one to `active_days`; the same or an older day writes nothing, so a
// repeated sighting (a retried event, a second press) changes no row.
const UPSERT = sql`ON CONFLICT (community_id, week, member_id) DO UPDATE SET
    active_days = min(7, member_activity_weeks.active_days + 1),
    last_day = excluded.last_day
  WHERE excluded.last_day > member_activity_weeks.last_day`;

/** The weeks of many members seen active (one JSON parameter, as `activity.seen` is written). */
export function activityWeeksQuery(
  db: Db,
  communityId: number,
  seen: readonly ActivitySeen[],
): CompiledQuery {
  const entries = JSON.stringify(seen.map((s) => [s.userId, s.day, isoWeek(s.day)]));
  // `WHERE true`: SQLite's upsert after a SELECT with a join needs a WHERE to parse.
  return sql`INSERT INTO member_activity_weeks (community_id, member_id, week, active_days, last_day)
    SELECT m.community_id, m.id, seen.week, 1, seen.day
    FROM (SELECT value ->> 0 AS user_id, value ->> 1 AS day, value ->> 2 AS week FROM json_each(${entries})) AS seen
    JOIN members m ON m.community_id = ${communityId} AND m.platform_user_id = seen.user_id
    WHERE true
    ${UPSERT}`.compile(db);
}

/**
 * The speaker's week, after `register`'s member upsert in the same batch: only a row that upsert
 * left active today (none for someone on the forgotten list, whose upsert wrote nothing).
 */
export function speakerWeekQuery(db: Db, contact: Contact, today: string): CompiledQuery {
  return sql`INSERT INTO member_activity_weeks (community_id, member_id, week, active_days, last_day)
    SELECT m.community_id, m.id, ${isoWeek(today)}, 1, ${today}
    FROM communities c JOIN members m ON m.community_id = c.id AND m.platform_user_id = ${contact.userId}
    WHERE c.platform = ${contact.platform} AND c.workspace_id = ${contact.workspaceId}
      AND m.last_active_on = ${today}
    ${UPSERT}`.compile(db);
}
