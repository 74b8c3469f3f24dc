import { type CompiledQuery, type RawBuilder, sql } from "kysely";
import type { Db } from "../../db/client.ts";
import type { NudgeTemplate } from "./message.ts";
import { TOPIC_SLOT } from "./message.ts";
import type { QuietReport, ScanWindow } from "./ports.ts";

/**
 * The day a member's quiet time started: the later of their last active day and the day guyub
 * first stored them. The same expression as the `members_quiet` index (migration 0009), so
 * SQLite reads the index in this order and stops at the day's cap.
 */
const QUIET_SINCE = sql`max(coalesce(m.last_active_on, ''), substr(m.created_at, 1, 10))`;

/**
 * Members to nudge, longest-quiet first: active (alumni and paused never), taking nudges (not
 * "just reading"), quiet long enough, past their first week, not snoozed, out of the cooldown.
 * One indexed statement; `limit` may be an SQL expression (what is left of the day's cap).
 */
function candidates(w: ScanWindow, limit: RawBuilder<number> | number) {
  return sql`SELECT m.id AS member_id, m.platform_user_id AS user_id, ${QUIET_SINCE} AS since
    FROM members AS m
    LEFT JOIN member_nudges AS n ON n.member_id = m.id
    WHERE m.community_id = ${w.communityId} AND m.status = 'active' AND m.nudges_opt_out = 0
      AND ${QUIET_SINCE} <= ${w.quietBefore}
      AND m.joined_at <= ${w.joinedBefore}
      AND (n.snoozed_until IS NULL OR n.snoozed_until <= ${w.today})
      AND (n.last_nudged_at IS NULL OR n.last_nudged_at <= ${w.nudgedBefore})
    ORDER BY ${QUIET_SINCE}, m.id
    LIMIT ${limit}`;
}

/** The bare scan the fan-out rests on (for the benchmark and the quiet list): ids only. */
export function bareScanQuery(db: Db, w: ScanWindow, limit: number): CompiledQuery {
  return candidates(w, limit).compile(db);
}

/** Today's nudge keys of a community sort together: `nudge:<day>:<user>` is an index range. */
function todaysKeys(w: ScanWindow) {
  return sql`o.community_id = ${w.communityId}
    AND o.idempotency_key >= ${`nudge:${w.today}:`} AND o.idempotency_key < ${`nudge:${w.today};`}`;
}

/** Open topics (at most a hundred) with the words a member's needs are matched against. */
export interface TopicWords {
  readonly id: number;
  readonly title: string;
  readonly words: readonly string[];
}

/**
 * One day's nudges as two statements for one batch: the outbox rows (`INSERT … SELECT`, the
 * message filled in per member with `json_set`) and `last_nudged_at` for exactly those rows.
 * The day's cap counts what today's earlier runs wrote, so a second run the same day adds
 * nobody beyond it; the outbox key makes a member's nudge of the day unique. Returns new ids.
 */
export function fanOutQueries(
  db: Db,
  w: ScanWindow,
  perDay: number,
  template: NudgeTemplate,
  topics: readonly TopicWords[],
  now: Date,
  expiresAt: Date,
): CompiledQuery[] {
  const at = now.toISOString();
  const { withRows, rows } = composed(w, perDay, template, topics, now, expiresAt);
  const insert = sql`${withRows}
    INSERT INTO outbox (community_id, idempotency_key, kind, target, payload, expires_at, created_at, updated_at)
    ${rows}
    ON CONFLICT (community_id, idempotency_key) DO NOTHING
    RETURNING id`;
  const mark = sql`INSERT INTO member_nudges (member_id, community_id, last_nudged_at, updated_at)
    SELECT m.id, m.community_id, ${at}, ${at}
    FROM outbox AS o JOIN members AS m ON m.community_id = o.community_id AND m.platform_user_id = o.target
    WHERE ${todaysKeys(w)} AND o.created_at = ${at}
    ON CONFLICT (member_id) DO UPDATE SET last_nudged_at = excluded.last_nudged_at, updated_at = excluded.updated_at`;
  return [insert.compile(db), mark.compile(db)];
}

/** The rows the fan-out would write, read only (the benchmark compares its cost with the bare scan). */
export function fanOutPreviewQuery(
  db: Db,
  w: ScanWindow,
  perDay: number,
  template: NudgeTemplate,
  topics: readonly TopicWords[],
  now: Date,
): CompiledQuery {
  const { withRows, rows } = composed(w, perDay, template, topics, now, now);
  return sql`${withRows} ${rows}`.compile(db);
}

/** The candidates with each one's matched topic, and the outbox row of each, message filled in. */
function composed(
  w: ScanWindow,
  perDay: number,
  template: NudgeTemplate,
  topics: readonly TopicWords[],
  now: Date,
  expiresAt: Date,
) {
  const at = now.toISOString();
  const left = sql<number>`max(0, ${perDay} - (SELECT count(*) FROM outbox AS o WHERE ${todaysKeys(w)}))`;
  const topicJson = JSON.stringify(topics.map((topic) => [topic.title, topic.words, topic.id]));
  // The open topic sharing most words with the member's needs (ties: the earlier in the list).
  // Never one she supports: her own suggestion or intro need (her vote) would be her own words
  // quoted back to her as "a topic close to what you need".
  const matched = sql`(SELECT tp.value ->> 0 FROM json_each(${topicJson}) AS tp
      WHERE p.needs <> ''
        AND NOT EXISTS (SELECT 1 FROM topic_votes AS tv
          WHERE tv.topic_id = tp.value ->> 2 AND tv.user_id = c.user_id)
        AND EXISTS (SELECT 1 FROM json_each(tp.value -> 1) AS w WHERE instr(lower(p.needs), w.value) > 0)
      ORDER BY (SELECT count(*) FROM json_each(tp.value -> 1) AS w WHERE instr(lower(p.needs), w.value) > 0) DESC, tp.key
      LIMIT 1)`;
  const withRows = sql`WITH c AS (${candidates(w, left)}),
    picked AS (SELECT c.member_id, c.user_id, c.since, ${matched} AS topic
      FROM c LEFT JOIN profiles AS p ON p.community_id = ${w.communityId} AND p.member_id = c.member_id)`;
  const rows = sql`SELECT ${w.communityId}, 'nudge:' || ${w.today} || ':' || user_id, 'dm', user_id,
      CASE WHEN topic IS NULL THEN json_set(${template.plain}, ${template.userPath}, user_id)
        ELSE json_set(${template.matched}, ${template.userPath}, user_id, ${template.topicPath},
          replace(json_extract(${template.matched}, ${template.topicPath}), ${TOPIC_SLOT}, topic)) END,
      ${expiresAt.toISOString()}, ${at}, ${at}
    FROM picked WHERE true ORDER BY since, member_id`;
  return { withRows, rows };
}

/** For moderators: quiet members by why they would or would not get a nudge, and the longest quiet. */
export async function quietReport(db: Db, w: ScanWindow, limit: number): Promise<QuietReport> {
  const counts = await sql<{ quiet: number; opted_out: number; snoozed: number; cooldown: number }>`
    SELECT
      coalesce(sum(m.nudges_opt_out = 0 AND m.joined_at <= ${w.joinedBefore}
        AND (n.snoozed_until IS NULL OR n.snoozed_until <= ${w.today})
        AND (n.last_nudged_at IS NULL OR n.last_nudged_at <= ${w.nudgedBefore})), 0) AS quiet,
      coalesce(sum(m.nudges_opt_out = 1), 0) AS opted_out,
      coalesce(sum(m.nudges_opt_out = 0 AND n.snoozed_until > ${w.today}), 0) AS snoozed,
      coalesce(sum(m.nudges_opt_out = 0 AND (n.snoozed_until IS NULL OR n.snoozed_until <= ${w.today})
        AND n.last_nudged_at > ${w.nudgedBefore}), 0) AS cooldown
    FROM members AS m LEFT JOIN member_nudges AS n ON n.member_id = m.id
    WHERE m.community_id = ${w.communityId} AND m.status = 'active' AND ${QUIET_SINCE} <= ${w.quietBefore}`.execute(
    db,
  );
  const longest = await sql<{ user_id: string; since: string }>`${candidates(w, limit)}`.execute(db);
  const row = counts.rows[0];
  return {
    quiet: Number(row?.quiet ?? 0),
    optedOut: Number(row?.opted_out ?? 0),
    snoozed: Number(row?.snoozed ?? 0),
    inCooldown: Number(row?.cooldown ?? 0),
    longest: longest.rows.map((r) => ({ userId: r.user_id, since: r.since })),
  };
}
