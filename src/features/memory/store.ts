import { type CompiledQuery, sql } from "kysely";
import type { Db } from "../../db/client.ts";
import { featureStore } from "../../db/feature-store.ts";
import { memoryMemberData } from "./member-data-store.ts";
import type { MeetingEntry, MemoryEffect, MemoryReads } from "./ports.ts";
import { recordKey } from "./record-key.ts";
import { recordQueries } from "./record-store.ts";
import type { MeetingEntriesTable } from "./schema.ts";

/** The meeting memory's store part (listed in src/features/server.ts). */
export const memoryStore = featureStore({
  name: "memory",
  reads: createMemoryReads,
  effectTypes: [
    "memory.add",
    "memory.edit",
    "memory.remove",
    "memory.attend",
    "memory.topicResource",
    "memory.refresh",
  ],
  effectQueries: memoryEffectQueries,
  communityTables: ["meeting_entries", "topic_resources", "meeting_attendance"],
  memberData: memoryMemberData,
});

type EntryRow = Pick<
  MeetingEntriesTable,
  "number" | "meeting_day" | "kind" | "body" | "url" | "assignee" | "author" | "created_at" | "updated_at"
>;
const ENTRY_COLUMNS = [
  "number",
  "meeting_day",
  "kind",
  "body",
  "url",
  "assignee",
  "author",
  "created_at",
  "updated_at",
] as const;

function entryFrom(row: EntryRow): MeetingEntry {
  return {
    number: row.number,
    meetingDay: row.meeting_day,
    kind: row.kind,
    body: row.body,
    url: row.url,
    assignee: row.assignee,
    author: row.author,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The memory's reads over D1 (each on an index of migration 0020). */
export function createMemoryReads(db: Db): MemoryReads {
  const entries = (communityId: number) =>
    db.selectFrom("meeting_entries").select(ENTRY_COLUMNS).where("community_id", "=", communityId);
  return {
    async entries(communityId, meetingDay) {
      const rows = await entries(communityId)
        .where("meeting_day", "=", meetingDay)
        .orderBy("number")
        .execute();
      return rows.map(entryFrom);
    },
    async entry(communityId, number) {
      const row = await entries(communityId).where("number", "=", number).executeTakeFirst();
      return row ? entryFrom(row) : null;
    },
    async addedAt(communityId, author, at) {
      const row = await entries(communityId)
        .where("author", "=", author)
        .where("created_at", "=", at.toISOString())
        .orderBy("number", "desc")
        .executeTakeFirst();
      return row ? entryFrom(row) : null;
    },
    async record(communityId, meetingDay) {
      const [rows, attendance, outbox, last] = await Promise.all([
        entries(communityId).where("meeting_day", "=", meetingDay).orderBy("number").execute(),
        attendedCount(db, communityId, meetingDay),
        db
          .selectFrom("outbox")
          .select(["idempotency_key", "target"])
          .where("community_id", "=", communityId)
          .where("idempotency_key", "in", [recordKey(meetingDay), `announce:${meetingDay}`])
          .execute(),
        db
          .selectFrom("meeting_entries")
          .select((eb) => eb.fn.max("number").as("n"))
          .where("community_id", "=", communityId)
          .executeTakeFirst(),
      ]);
      return {
        entries: rows.map(entryFrom),
        attended: attendance,
        posted: outbox.some((o) => o.idempotency_key === recordKey(meetingDay)),
        announcementChannel: outbox.find((o) => o.idempotency_key !== recordKey(meetingDay))?.target ?? null,
        lastNumber: Number(last?.n ?? 0),
      };
    },
    async attendance(communityId, meetingDay, userId) {
      const [attended, mine] = await Promise.all([
        attendedCount(db, communityId, meetingDay),
        db
          .selectFrom("meeting_attendance")
          .select("user_id")
          .where("community_id", "=", communityId)
          .where("meeting_day", "=", meetingDay)
          .where("user_id", "=", userId)
          .executeTakeFirst(),
      ]);
      return { attended, mine: mine !== undefined };
    },
    async selfAttendees(communityId, meetingDay) {
      const rows = await db
        .selectFrom("meeting_attendance")
        .select("user_id")
        .where("community_id", "=", communityId)
        .where("meeting_day", "=", meetingDay)
        .where("source", "=", "self")
        .execute();
      return rows.map((r) => r.user_id);
    },
    async topicResourceBy(communityId, topicId, url) {
      const row = await db
        .selectFrom("topic_resources")
        .select("added_by")
        .where("community_id", "=", communityId)
        .where("topic_id", "=", topicId)
        .where("url", "=", url)
        .executeTakeFirst();
      return row?.added_by ?? null;
    },
  };
}

async function attendedCount(db: Db, communityId: number, meetingDay: string): Promise<number> {
  const row = await db
    .selectFrom("meeting_attendance")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("community_id", "=", communityId)
    .where("meeting_day", "=", meetingDay)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/**
 * An entry's statements. An add takes the next number inside its INSERT; an edit or a removal
 * names the number (who may was checked in core on what was read; an entry removed meanwhile
 * is simply not found).
 */
export function memoryEffectQueries(
  db: Db,
  communityId: number,
  effect: MemoryEffect,
  now: Date,
): CompiledQuery[] {
  const at = now.toISOString();
  switch (effect.type) {
    case "memory.add":
      return [
        sql`INSERT INTO meeting_entries
              (community_id, meeting_day, number, kind, body, url, assignee, author, created_at, updated_at)
            SELECT ${communityId}, ${effect.meetingDay},
                   coalesce((SELECT max(number) FROM meeting_entries WHERE community_id = ${communityId}), 0) + 1,
                   ${effect.kind}, ${effect.body}, ${effect.url}, ${effect.assignee}, ${effect.author}, ${at}, ${at}`.compile(
          db,
        ),
        ...recordQueries(db, communityId, effect.record, now),
      ];
    case "memory.edit":
      return [
        db
          .updateTable("meeting_entries")
          .set({ body: effect.body, url: effect.url, assignee: effect.assignee, updated_at: at })
          .where("community_id", "=", communityId)
          .where("number", "=", effect.number)
          .compile(),
        ...recordQueries(db, communityId, effect.record, now),
      ];
    case "memory.remove":
      return [
        db
          .deleteFrom("meeting_entries")
          .where("community_id", "=", communityId)
          .where("number", "=", effect.number)
          .compile(),
        ...recordQueries(db, communityId, effect.record, now),
      ];
    case "memory.refresh":
      // A record drawn again (its start, a catch-up, the host's confirmation): the draft alone.
      return recordQueries(db, communityId, effect.record, now);
    case "memory.topicResource":
      // Only a topic of this community; the same link on the same topic twice stores it once.
      return [
        sql`INSERT INTO topic_resources (community_id, topic_id, url, title, added_by, created_at)
            SELECT ${communityId}, id, ${effect.url}, ${effect.title}, ${effect.addedBy}, ${at}
            FROM topics WHERE id = ${effect.topicId} AND community_id = ${communityId}
            ON CONFLICT (topic_id, url) DO NOTHING`.compile(db),
      ];
    case "memory.attend":
      // A member's own press: never replaces a row the host wrote for them, nor counts twice.
      return [
        db
          .insertInto("meeting_attendance")
          .values({
            community_id: communityId,
            meeting_day: effect.meetingDay,
            user_id: effect.userId,
            source: "self",
            recorded_by: effect.userId,
            recorded_at: at,
          })
          .onConflict((oc) => oc.columns(["community_id", "meeting_day", "user_id"]).doNothing())
          .compile(),
        ...recordQueries(db, communityId, effect.record, now),
      ];
  }
}
