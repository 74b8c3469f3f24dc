import { type CompiledQuery, sql } from "kysely";
import type { Db } from "../../db/client.ts";
import { featureStore } from "../../db/feature-store.ts";
import { isMeetingDayEffect } from "./day-ports.ts";
import { createMeetingDayReads, meetingDayEffectQueries } from "./days-store.ts";
import { meetingsMemberData } from "./member-data-store.ts";
import type { MeetingEffect } from "./ports.ts";
import type { MeetingCalendar, MeetingReads } from "./reads.ts";
import type { Holiday, MeetingOverride } from "./schedule.ts";
import type { HolidaysTable, MeetingOverridesTable } from "./schema.ts";

/** The meetings' store part (listed in src/features/server.ts). */
export const meetingsStore = featureStore({
  name: "meetings",
  reads: createMeetingReads,
  effectTypes: [
    "community.timezone",
    "meeting.schedule",
    "meeting.link",
    "meeting.override",
    "holiday.add",
    "holiday.remove",
    "meeting.rsvp",
    "meeting.assignHost",
    "meeting.close",
    "meeting.settings",
  ],
  effectQueries: meetingEffectQueries,
  communityTables: ["meeting_rsvps", "holidays", "meeting_overrides", "meeting_series"],
  memberData: meetingsMemberData,
});

/** Reads the series, its changed days and the holidays of a community (three reads, one batch). */
export function createMeetingReads(db: Db): MeetingReads {
  return {
    ...createMeetingDayReads(db),
    async calendar(communityId): Promise<MeetingCalendar> {
      const [series, overrides, holidays] = await Promise.all([
        db
          .selectFrom("meeting_series")
          .selectAll()
          .where("community_id", "=", communityId)
          .executeTakeFirst(),
        db.selectFrom("meeting_overrides").selectAll().where("community_id", "=", communityId).execute(),
        db
          .selectFrom("holidays")
          .selectAll()
          .where("community_id", "=", communityId)
          .orderBy("start_day")
          .execute(),
      ]);
      return {
        series: series
          ? {
              cadence: series.cadence,
              firstDay: series.first_day,
              startMinute: series.start_minute,
              minutes: series.minutes,
              link: series.link,
            }
          : null,
        overrides: overrides.map(overrideFromRow),
        holidays: holidays.map(holidayFromRow),
      };
    },
  };
}

/** A changed day as core sees it (a row without a new day and time is a cancellation). */
export function overrideFromRow(
  o: Pick<MeetingOverridesTable, "day" | "cancelled" | "to_day" | "to_minute">,
): MeetingOverride {
  return o.cancelled === 1 || o.to_day === null || o.to_minute === null
    ? { day: o.day, cancelled: true }
    : { day: o.day, cancelled: false, toDay: o.to_day, toMinute: o.to_minute };
}

export function holidayFromRow(h: Pick<HolidaysTable, "start_day" | "end_day" | "name">): Holiday {
  return { startDay: h.start_day, endDay: h.end_day, name: h.name };
}

/** The statements of one meeting effect, for `store.apply`'s batch. */
export function meetingEffectQueries(
  db: Db,
  communityId: number,
  effect: MeetingEffect,
  now: Date,
): CompiledQuery[] {
  if (isMeetingDayEffect(effect)) return meetingDayEffectQueries(db, communityId, effect, now);
  const at = now.toISOString();
  switch (effect.type) {
    case "community.timezone":
      // Chosen (or taken from the scheduling moderator's Slack zone): later schedules keep it.
      return [
        db
          .updateTable("communities")
          .set({ timezone: effect.timezone, timezone_set: 1, updated_at: at })
          .where("id", "=", communityId)
          .compile(),
      ];
    case "meeting.schedule": {
      const s = effect.series;
      const values = {
        cadence: s.cadence,
        first_day: s.firstDay,
        start_minute: s.startMinute,
        minutes: s.minutes,
        link: s.link,
        updated_at: at,
      };
      return [
        db.deleteFrom("meeting_overrides").where("community_id", "=", communityId).compile(),
        db
          .insertInto("meeting_series")
          .values({ community_id: communityId, ...values })
          .onConflict((oc) => oc.column("community_id").doUpdateSet(values))
          .compile(),
      ];
    }
    case "meeting.link":
      return [
        db
          .updateTable("meeting_series")
          .set({ link: effect.link, updated_at: at })
          .where("community_id", "=", communityId)
          .compile(),
      ];
    case "meeting.override": {
      const o = effect.override;
      const values = {
        cancelled: o.cancelled ? 1 : 0,
        to_day: o.cancelled ? null : o.toDay,
        to_minute: o.cancelled ? null : o.toMinute,
        updated_at: at,
      };
      return [
        db
          .insertInto("meeting_overrides")
          .values({ community_id: communityId, day: o.day, ...values })
          .onConflict((oc) => oc.columns(["community_id", "day"]).doUpdateSet(values))
          .compile(),
      ];
    }
    case "holiday.add":
      if (effect.holidays.length === 0) return [];
      // One JSON parameter for the whole list: D1 allows 100 bound parameters per statement.
      return [
        sql`INSERT INTO holidays (community_id, start_day, end_day, name, created_at)
          SELECT ${communityId}, j.value ->> 'startDay', j.value ->> 'endDay', j.value ->> 'name', ${at}
          FROM json_each(${JSON.stringify(effect.holidays)}) AS j
          WHERE true
          ON CONFLICT (community_id, start_day) DO UPDATE SET end_day = excluded.end_day, name = excluded.name`.compile(
          db,
        ),
      ];
    case "holiday.remove":
      return [
        db
          .deleteFrom("holidays")
          .where("community_id", "=", communityId)
          .where("start_day", "=", effect.startDay)
          .compile(),
      ];
  }
}
