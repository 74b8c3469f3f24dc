import { type CompiledQuery, type RawBuilder, sql } from "kysely";
import type { Db } from "../../db/client.ts";
import { writeDraftQueries } from "../../db/outbox.ts";
import type { RecordDraft } from "./ports.ts";

type SqlValue<T> = T | RawBuilder<T>;

/**
 * The meeting's state as `recordFingerprint` (record-key.ts) writes it, in SQL: evaluated inside
 * the batch, after the change's own statement. The community and day may be columns of an outer
 * query (the catch-up compares every record at once).
 */
export function fingerprintSql(communityId: SqlValue<number>, meetingDay: SqlValue<string>) {
  return sql<string>`(SELECT count(*) || '/' || coalesce(max(updated_at), '') || '/'
      || coalesce(sum(length(body) + length(coalesce(url, '')) + length(coalesce(assignee, ''))), 0) || '/'
      || coalesce(sum(number), 0) || '/'
      || (SELECT count(*) FROM meeting_attendance WHERE community_id = ${communityId} AND meeting_day = ${meetingDay})
    FROM meeting_entries WHERE community_id = ${communityId} AND meeting_day = ${meetingDay})`;
}

/** The record's post or edit, written only while the meeting shows what it was rendered for. */
export function recordQueries(
  db: Db,
  communityId: number,
  record: RecordDraft | undefined,
  now: Date,
): CompiledQuery[] {
  if (!record) return [];
  const holds = sql<boolean>`${fingerprintSql(communityId, record.meetingDay)} = ${record.fingerprint}`;
  return writeDraftQueries(db, communityId, { ...record.draft, drawn: record.fingerprint }, now, holds);
}

/** A record whose newest draft shows a state its meeting has moved past. */
export interface StaleRecord {
  readonly communityId: number;
  readonly meetingDay: string;
}

/**
 * Records of meetings on or after `sinceDay`, in every community, whose newest post or edit drew
 * another state than the meeting's entries and attendance now show: ONE statement for the whole
 * tick. A draft from before drawn states were kept (no `drawn`) counts as stale once.
 */
export async function staleRecords(
  db: Db,
  sinceDay: string,
  limit: number,
  communityId?: number,
): Promise<StaleRecord[]> {
  const one = communityId === undefined ? sql`1` : sql`o.community_id = ${communityId}`;
  const day = sql<string>`substr(o.idempotency_key, 8)`;
  const { rows } = await sql<{ community_id: number; meeting_day: string }>`
    SELECT o.community_id, ${day} AS meeting_day
    FROM outbox o
    WHERE ${one} AND o.kind = 'post' AND o.idempotency_key >= ${`record:${sinceDay}`} AND o.idempotency_key < 'record;'
      AND coalesce((SELECT json_extract(l.payload, '$.drawn') FROM outbox l
            WHERE l.community_id = o.community_id
              AND (l.id = o.id OR (l.kind = 'edit' AND l.target = o.idempotency_key))
            ORDER BY l.id DESC LIMIT 1), '')
        != ${fingerprintSql(sql.ref("o.community_id"), day)}
    ORDER BY o.id
    LIMIT ${limit}`.execute(db);
  return rows.map((r) => ({ communityId: Number(r.community_id), meetingDay: String(r.meeting_day) }));
}
