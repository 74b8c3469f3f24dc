import { type CompiledQuery, sql } from "kysely";
import type { Db } from "../../db/client.ts";
import { featureStore } from "../../db/feature-store.ts";
import type { AttendanceConfirmEffect, AttendanceReads } from "./attendance-ports.ts";

/**
 * The attendance confirmation's store part (listed in src/features/server.ts). Its table is
 * erased with the community (listed by the memory store part); a member's rows are exported and forgotten by the memory store part.
 */
export const attendanceStore = featureStore({
  name: "attendance",
  reads: createAttendanceReads,
  effectTypes: ["attendance.confirm"],
  effectQueries: attendanceEffectQueries,
  // `meeting_attendance` is erased with the community through the memory store part, which lists it.
  communityTables: [],
});

export function createAttendanceReads(db: Db): AttendanceReads {
  return {
    async rsvpYes(communityId, meetingDay) {
      const rows = await db
        .selectFrom("meeting_rsvps")
        .select("user_id")
        .where("community_id", "=", communityId)
        .where("meeting_day", "=", meetingDay)
        .where("answer", "=", "yes")
        .orderBy("updated_at")
        .orderBy("user_id")
        .execute();
      return rows.map((r) => r.user_id);
    },
    async members(communityId, userIds) {
      if (userIds.length === 0) return [];
      const rows = await db
        .selectFrom("members")
        .select("platform_user_id")
        .where("community_id", "=", communityId)
        .where("platform_user_id", "in", [...userIds])
        .where("status", "!=", "alumni")
        .execute();
      const found = new Set(rows.map((r) => r.platform_user_id));
      return userIds.filter((id) => found.has(id));
    },
  };
}

/**
 * Replaces the meeting's `host` rows with the confirmed people, in the batch that marks it held.
 * Both statements hold only if this batch wrote the `hosted` ledger row (same instant, same
 * recorder), so a second submission that raced past the "already marked" check changes nothing.
 * `ON CONFLICT DO NOTHING` keeps a member's own `self` row as it is.
 */
export function attendanceEffectQueries(
  db: Db,
  communityId: number,
  effect: AttendanceConfirmEffect,
  now: Date,
): CompiledQuery[] {
  const at = now.toISOString();
  const closedHere = sql`EXISTS (SELECT 1 FROM rotation_ledger WHERE community_id = ${communityId}
    AND meeting_day = ${effect.meetingDay} AND kind = 'hosted' AND created_at = ${at}
    AND recorded_by = ${effect.recordedBy})`;
  return [
    sql`DELETE FROM meeting_attendance WHERE community_id = ${communityId}
        AND meeting_day = ${effect.meetingDay} AND source = 'host' AND ${closedHere}`.compile(db),
    sql`INSERT INTO meeting_attendance (community_id, meeting_day, user_id, source, recorded_by, recorded_at)
        SELECT ${communityId}, ${effect.meetingDay}, j.value, 'host', ${effect.recordedBy}, ${at}
        FROM json_each(${JSON.stringify(effect.userIds)}) j
        WHERE ${closedHere} AND EXISTS (SELECT 1 FROM members m WHERE m.community_id = ${communityId}
          AND m.platform_user_id = j.value AND m.status != 'alumni')
        ON CONFLICT (community_id, meeting_day, user_id) DO NOTHING`.compile(db),
  ];
}
