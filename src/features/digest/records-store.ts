import type { Db } from "../../db/client.ts";
import type { HeldRecord } from "./records.ts";

/** A meeting held this week, as the ledger has it. */
interface HeldRow {
  readonly meeting_day: string;
  readonly member_id: string | null;
  readonly notes: string | null;
}

/** Entries of one meeting the digest reads at most (its tightest level shows far fewer). */
const ENTRIES_MAX = 50;

/**
 * Each held meeting's record (issue 24), read from the tables directly: its topic, how many
 * attended (the confirmed rows; else how many said yes), and its notes, resources and actions.
 * Indexed reads of the week's few days: `meeting_topics`' and `meeting_rsvps`' primary keys,
 * `meeting_attendance`'s and `meeting_entries_by_meeting`.
 */
export async function readHeldRecords(
  db: Db,
  communityId: number,
  held: readonly HeldRow[],
): Promise<HeldRecord[]> {
  const days = [...new Set(held.map((h) => h.meeting_day))];
  if (days.length === 0) return [];
  const [topics, attended, yes, entries] = await Promise.all([
    db
      .selectFrom("meeting_topics as mt")
      .innerJoin("topics as t", "t.id", "mt.topic_id")
      .select(["mt.meeting_day", "t.title"])
      .where("mt.community_id", "=", communityId)
      .where("mt.meeting_day", "in", days)
      .execute(),
    db
      .selectFrom("meeting_attendance")
      .select(["meeting_day", (eb) => eb.fn.countAll<number>().as("n")])
      .where("community_id", "=", communityId)
      .where("meeting_day", "in", days)
      .groupBy("meeting_day")
      .execute(),
    db
      .selectFrom("meeting_rsvps")
      .select(["meeting_day", (eb) => eb.fn.countAll<number>().as("n")])
      .where("community_id", "=", communityId)
      .where("meeting_day", "in", days)
      .where("answer", "=", "yes")
      .groupBy("meeting_day")
      .execute(),
    db
      .selectFrom("meeting_entries")
      .select(["meeting_day", "number", "kind", "body", "url", "assignee"])
      .where("community_id", "=", communityId)
      .where("meeting_day", "in", days)
      .orderBy("meeting_day")
      .orderBy("number")
      .limit(ENTRIES_MAX * days.length)
      .execute(),
  ]);
  const count = (rows: readonly { meeting_day: string; n: number | string | bigint }[], day: string) =>
    Number(rows.find((r) => r.meeting_day === day)?.n ?? 0);
  return held.map((h) => ({
    day: h.meeting_day,
    host: h.member_id,
    notes: h.notes,
    topic: topics.find((t) => t.meeting_day === h.meeting_day)?.title ?? null,
    attended: count(attended, h.meeting_day),
    rsvpYes: count(yes, h.meeting_day),
    entries: entries
      .filter((e) => e.meeting_day === h.meeting_day)
      .slice(0, ENTRIES_MAX)
      .map((e) => ({ number: e.number, kind: e.kind, body: e.body, url: e.url, assignee: e.assignee })),
  }));
}
