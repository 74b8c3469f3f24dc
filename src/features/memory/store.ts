import { type CompiledQuery, sql } from "kysely";
import type { Db } from "../../db/client.ts";
import { featureStore } from "../../db/feature-store.ts";
import { memoryMemberData } from "./member-data-store.ts";
import type { MeetingEntry, MemoryEffect, MemoryReads } from "./ports.ts";
import type { MeetingEntriesTable } from "./schema.ts";

/** The meeting memory's store part (listed in src/features/server.ts). */
export const memoryStore = featureStore({
  name: "memory",
  reads: createMemoryReads,
  effectTypes: ["memory.add", "memory.edit", "memory.remove"],
  effectQueries: memoryEffectQueries,
  communityTables: ["meeting_entries", "topic_resources", "meeting_attendance"],
  memberData: memoryMemberData,
});

type EntryRow = Pick<
  MeetingEntriesTable,
  "number" | "meeting_day" | "kind" | "body" | "url" | "assignee" | "author" | "created_at"
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
  };
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
      ];
    case "memory.edit":
      return [
        db
          .updateTable("meeting_entries")
          .set({ body: effect.body, url: effect.url, assignee: effect.assignee, updated_at: at })
          .where("community_id", "=", communityId)
          .where("number", "=", effect.number)
          .compile(),
      ];
    case "memory.remove":
      return [
        db
          .deleteFrom("meeting_entries")
          .where("community_id", "=", communityId)
          .where("number", "=", effect.number)
          .compile(),
      ];
  }
}
