import { type CompiledQuery, sql } from "kysely";
import type { Db } from "../../db/client.ts";

/** A report due for escalation, with what its DM needs from its community. */
export interface EscalationCandidate {
  readonly id: number;
  readonly communityId: number;
  readonly locale: "en" | "id";
  readonly timezone: string;
  readonly count: number;
  readonly createdAt: string;
  readonly cardChannelId: string | null;
  readonly messageLink: string | null;
}

/** One report's DM, built by the job (escalation.ts): the outbox payload every moderator gets. */
export interface EscalationDm {
  readonly reportId: number;
  readonly payload: string;
}

/**
 * Someone who can act on report `r`: on guyub's moderator list or a cached platform admin, active,
 * and not the member it is about (a moderator can be reported: the card never reaches them either).
 */
const REACHABLE = sql`m.status = 'active' AND (m.is_moderator = 1 OR m.platform_admin = 1)
  AND m.platform_user_id IS NOT r.reported_user`;

/**
 * Reports open (neither claimed nor closed), never escalated, made at or before `cutoff`, in a
 * community still installed with at least one moderator to tell: ONE statement for every
 * community, oldest first. A community where nobody can be reached is left out, its reports stay
 * unescalated (so a moderator added later still hears of them) and never hold up the others.
 * Where the card is: the channel it went to, else the moderators' channel; neither: by DM.
 */
export async function escalationCandidates(
  db: Db,
  cutoff: string,
  limit: number,
): Promise<EscalationCandidate[]> {
  const { rows } = await sql<EscalationCandidate>`
    SELECT r.id, r.community_id AS communityId, c.locale, c.timezone, r.report_count AS count,
      r.created_at AS createdAt, coalesce(r.card_channel_id, s.channel_id) AS cardChannelId,
      r.message_link AS messageLink
    FROM reports r
    JOIN communities c ON c.id = r.community_id AND c.deactivated_at IS NULL
    LEFT JOIN report_settings s ON s.community_id = r.community_id
    WHERE r.status = 'open' AND r.escalated_at IS NULL AND r.created_at <= ${cutoff}
      AND EXISTS (SELECT 1 FROM members m WHERE m.community_id = r.community_id AND ${REACHABLE})
    ORDER BY r.created_at, r.id
    LIMIT ${limit}`.execute(db);
  return rows;
}

/**
 * The escalation as two statements for ONE batch: a DM to every moderator of each report's
 * community (keyed `report-escalation:<report>:<user>`, returning the new outbox ids), then
 * `escalated_at` on those reports. Both check again, inside the batch's transaction, that the
 * report is still open and not yet escalated: a moderator who claimed it since the read, or a
 * retry or second tick that already escalated it, makes them write nothing. `at` is the run's
 * period, never the wall clock.
 */
export function escalationQueries(db: Db, dms: readonly EscalationDm[], at: string): CompiledQuery[] {
  const items = JSON.stringify(dms.map((dm) => ({ id: dm.reportId, payload: dm.payload })));
  const insert = sql`INSERT INTO outbox (community_id, idempotency_key, kind, target, payload, created_at, updated_at)
    SELECT r.community_id, 'report-escalation:' || r.id || ':' || m.platform_user_id, 'dm',
      m.platform_user_id, json_extract(j.value, '$.payload'), ${at}, ${at}
    FROM json_each(${items}) j
    JOIN reports r ON r.id = json_extract(j.value, '$.id')
    JOIN members m ON m.community_id = r.community_id AND ${REACHABLE}
    WHERE r.status = 'open' AND r.escalated_at IS NULL
    ORDER BY r.id, m.id
    ON CONFLICT (community_id, idempotency_key) DO NOTHING
    RETURNING id`;
  const mark = sql`UPDATE reports SET escalated_at = ${at}
    WHERE id IN (SELECT json_extract(value, '$.id') FROM json_each(${items}))
      AND escalated_at IS NULL AND status = 'open'`;
  return [insert.compile(db), mark.compile(db)];
}

/** When a community's oldest open, unescalated report was made (null: none waits). */
export async function oldestWaiting(db: Db, communityId: number): Promise<string | null> {
  const row = await db
    .selectFrom("reports")
    .select((eb) => eb.fn.min("created_at").as("at"))
    .where("community_id", "=", communityId)
    .where("status", "=", "open")
    .where("escalated_at", "is", null)
    .executeTakeFirst();
  return row?.at ?? null;
}
