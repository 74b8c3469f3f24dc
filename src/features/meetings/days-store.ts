import type { CompiledQuery } from "kysely";
import type { Db } from "../../db/client.ts";
import type { LedgerEntry } from "../rotation/types.ts";
import { announcementKey } from "./announcement-key.ts";
import type { MeetingDayEffect, MeetingDayReads } from "./day-ports.ts";
import { NO_RSVPS, type RsvpAnswer } from "./rsvp.ts";

/** RSVP counts and the announcement's presence, by scheduled day (spread into `MeetingReads`). */
export function createMeetingDayReads(db: Db): MeetingDayReads {
  return {
    async rsvps(communityId, scheduledDay, userId) {
      const rows = await db
        .selectFrom("meeting_rsvps")
        .select(["answer", (eb) => eb.fn.countAll<number>().as("n")])
        .select((eb) =>
          eb.fn
            .max(
              eb
                .case()
                .when("user_id", "=", userId ?? "")
                .then(eb.ref("answer"))
                .end(),
            )
            .as("mine"),
        )
        .where("community_id", "=", communityId)
        .where("meeting_day", "=", scheduledDay)
        .groupBy("answer")
        .execute();
      const counts = { ...NO_RSVPS };
      let mine: RsvpAnswer | null = null;
      for (const row of rows) {
        counts[row.answer] = Number(row.n);
        if (row.mine) mine = row.mine as RsvpAnswer;
      }
      return { counts, mine };
    },
    async dayLedger(communityId, scheduledDay) {
      const rows = await db
        .selectFrom("rotation_ledger")
        .select(["kind", "meeting_day", "member_id", "other_member_id", "reason"])
        .where("community_id", "=", communityId)
        .where("meeting_day", "=", scheduledDay)
        .orderBy("id")
        .execute();
      return rows.map((e) => {
        const entry: LedgerEntry = { kind: e.kind, meetingDate: e.meeting_day, reason: e.reason };
        if (e.member_id !== null) entry.memberId = e.member_id;
        if (e.other_member_id !== null) entry.otherMemberId = e.other_member_id;
        return entry;
      });
    },
    async announced(communityId, scheduledDay) {
      const row = await db
        .selectFrom("outbox")
        .select("status")
        .where("community_id", "=", communityId)
        .where("idempotency_key", "=", announcementKey(scheduledDay))
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}

/** The statements of one meeting-day effect, for `store.apply`'s batch. */
export function meetingDayEffectQueries(
  db: Db,
  communityId: number,
  effect: MeetingDayEffect,
  now: Date,
): CompiledQuery[] {
  const at = now.toISOString();
  switch (effect.type) {
    case "meeting.rsvp":
      // The primary key (community, day, member) and this upsert: one answer per member, the newest.
      return [
        db
          .insertInto("meeting_rsvps")
          .values({
            community_id: communityId,
            meeting_day: effect.scheduledDay,
            user_id: effect.userId,
            answer: effect.answer,
            updated_at: at,
          })
          .onConflict((oc) =>
            oc
              .columns(["community_id", "meeting_day", "user_id"])
              .doUpdateSet({ answer: effect.answer, updated_at: at }),
          )
          .compile(),
      ];
    case "meeting.assignHost":
      // `rotation_ledger_assigned_once`: a second announcement run assigns nobody again.
      return [
        db
          .insertInto("rotation_ledger")
          .values({
            community_id: communityId,
            kind: "assigned",
            meeting_day: effect.scheduledDay,
            member_id: effect.memberId,
            reason: "announced",
            created_at: at,
          })
          .onConflict((oc) => oc.doNothing())
          .compile(),
      ];
    case "meeting.close": {
      const c = effect.close;
      // `rotation_ledger_closed_once`: held, skipped or cancelled, once; a second close changes nothing.
      return [
        db
          .insertInto("rotation_ledger")
          .values({
            community_id: communityId,
            kind: c.kind,
            meeting_day: effect.scheduledDay,
            member_id: c.kind === "hosted" ? c.memberId : null,
            reason: c.reason.slice(0, 40),
            notes: c.kind === "hosted" ? (c.notes ?? null) : null,
            recorded_by: c.kind === "hosted" ? (c.recordedBy ?? null) : null,
            created_at: at,
          })
          .onConflict((oc) => oc.doNothing())
          .compile(),
      ];
    }
    case "meeting.settings": {
      const values = {
        ...(effect.announceDays === undefined ? {} : { announce_days: effect.announceDays }),
        ...(effect.remindDay === undefined ? {} : { remind_day: effect.remindDay ? 1 : 0 }),
        ...(effect.remindHour === undefined ? {} : { remind_hour: effect.remindHour ? 1 : 0 }),
        updated_at: at,
      };
      return [db.updateTable("communities").set(values).where("id", "=", communityId).compile()];
    }
  }
}
