import { env } from "cloudflare:workers";
import { addDays, isoWeek } from "../../src/core/calendar.ts";

const AT = "2026-03-01T00:00:00.000Z";
/** Share of members active in a given week, in percent (a busy community of practice). */
const WEEKLY_ACTIVE = 15;

/**
 * One Slack community of `members` members with a year of history before `today`: members joined
 * over the year (a tenth are founders), most welcomed, half of the newer ones introduced; 15 % of
 * members active each week (`member_activity_weeks`, about 780,000 rows at 100,000 members); a
 * weekly meeting with a host, about 40 attended and 60 RSVPs each; 300 topics and 6,000 votes;
 * 5,000 kudos; 200 reports. Set-based SQL over a recursive counter, one statement per table and
 * per week of history.
 */
export async function seedDashboardBench(members: number, today: string): Promise<number> {
  const row = await env.DB.prepare(
    "INSERT INTO communities (platform, workspace_id, name, locale, timezone, created_at, updated_at) VALUES ('slack', 'T0DASH', 'Bench CoP', 'en', 'UTC', ?, ?) RETURNING id",
  )
    .bind(AT, AT)
    .first<{ id: number }>();
  const c = row?.id ?? 0;
  const start = addDays(today, -364);
  const run = (sql: string, ...values: unknown[]) =>
    env.DB.prepare(sql)
      .bind(...values)
      .run();
  for (let from = 1; from <= members; from += 25_000) {
    const to = Math.min(members, from + 24_999);
    await run(
      `WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO members (community_id, platform_user_id, display_name, joined_at, welcomed_at, founder, created_at, updated_at)
       SELECT ?, printf('U%08d', i), 'Member ' || i, date(?, '+' || (i % 364) || ' days') || 'T09:00:00.000Z',
         CASE WHEN i % 10 = 0 THEN NULL ELSE date(?, '+' || (i % 364) || ' days') || 'T09:05:00.000Z' END,
         i % 10 = 1, ?, ? FROM n`,
      from,
      to,
      c,
      start,
      start,
      AT,
      AT,
    );
  }
  await run(
    `INSERT INTO profiles (community_id, member_id, does, shares, frequency, intro_consent, findable, answered_at, updated_at)
     SELECT community_id, id, 'teach', 'notes', 'monthly', 0, 0, date(joined_at, '+' || (id % 20) || ' days'), ?
     FROM members WHERE community_id = ? AND id % 2 = 0`,
    AT,
    c,
  );
  for (let w = 0; w < 53; w++) {
    const monday = addDays(start, 7 * w - ((new Date(`${start}T00:00:00Z`).getUTCDay() + 6) % 7));
    if (monday > today) break;
    await run(
      `INSERT INTO member_activity_weeks (community_id, member_id, week, active_days, last_day)
       SELECT community_id, id, ?, 1 + (id + ?) % 5, date(?, '+' || ((id + ?) % 5) || ' days')
       FROM members WHERE community_id = ? AND (id * 7 + ? * 13) % 100 < ? AND substr(joined_at, 1, 10) <= ?`,
      isoWeek(monday),
      w,
      monday,
      w,
      c,
      w,
      WEEKLY_ACTIVE,
      addDays(monday, 6),
    );
  }
  // The activity write keeps `members.last_active_on` in the same batch as the weeks: the latest.
  await run(
    `UPDATE members SET last_active_on = (SELECT max(last_day) FROM member_activity_weeks w
       WHERE w.community_id = members.community_id AND w.member_id = members.id) WHERE community_id = ?`,
    c,
  );
  await run(
    `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 51)
     INSERT INTO rotation_ledger (community_id, kind, meeting_day, member_id, reason, created_at)
     SELECT ?, 'hosted', date(?, '+' || (7 * i) || ' days'), printf('U%08d', 2 + (i % 9) * 11), 'turn', ? FROM n`,
    c,
    start,
    AT,
  );
  await run(
    `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 51)
     INSERT INTO rotation_ledger (community_id, kind, meeting_day, member_id, reason, created_at)
     SELECT ?, CASE WHEN i % 3 = 0 THEN 'swapped' ELSE 'passed' END, date(?, '+' || (7 * i) || ' days'),
       printf('U%08d', 5 + i), 'turn', ? FROM n WHERE i % 2 = 0`,
    c,
    start,
    AT,
  );
  await run(
    `INSERT INTO meeting_attendance (community_id, meeting_day, user_id, source, recorded_by, recorded_at)
     SELECT l.community_id, l.meeting_day, m.platform_user_id, 'self', m.platform_user_id, ?
     FROM rotation_ledger l JOIN members m ON m.community_id = l.community_id AND m.id % 2500 = (julianday(l.meeting_day) % 7)
     WHERE l.community_id = ? AND l.kind = 'hosted'`,
    AT,
    c,
  );
  await run(
    `INSERT INTO meeting_rsvps (community_id, meeting_day, user_id, answer, updated_at)
     SELECT l.community_id, l.meeting_day, m.platform_user_id, CASE WHEN m.id % 3 = 0 THEN 'maybe' ELSE 'yes' END, ?
     FROM rotation_ledger l JOIN members m ON m.community_id = l.community_id AND m.id % 1600 = (julianday(l.meeting_day) % 5)
     WHERE l.community_id = ? AND l.kind = 'hosted'`,
    AT,
    c,
  );
  await run(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300)
     INSERT INTO topics (community_id, title, title_key, source, status, created_at, updated_at)
     SELECT ?, 'Topic ' || i, 'topic ' || i, CASE WHEN i % 4 = 0 THEN 'intro' ELSE 'member' END,
       CASE WHEN i % 5 = 0 THEN 'archived' ELSE 'open' END, date(?, '+' || i || ' days') || 'T10:00:00.000Z', ? FROM n`,
    c,
    start,
    AT,
  );
  await run(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 6000)
     INSERT OR IGNORE INTO topic_votes (community_id, topic_id, user_id, voted_at)
     SELECT ?, (SELECT min(id) FROM topics WHERE community_id = ?) + i % 300, printf('U%08d', i * 13 % ?),
       date(?, '+' || (i % 364) || ' days') || 'T11:00:00.000Z' FROM n`,
    c,
    c,
    members,
    start,
  );
  await run(
    `INSERT INTO meeting_topics (community_id, meeting_day, topic_id, source, decided_at)
     SELECT l.community_id, l.meeting_day, (SELECT min(id) FROM topics WHERE community_id = ?) + l.id % 300, 'rule', ?
     FROM rotation_ledger l WHERE l.community_id = ? AND l.kind = 'hosted'`,
    c,
    AT,
    c,
  );
  await run(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
     INSERT INTO kudos (community_id, from_user, to_user, reason, channel_id, given_on, post_key, created_at)
     SELECT ?, printf('U%08d', i * 7 % ?), printf('U%08d', i * 11 % ?), 'thanks', 'C1', date(?, '+' || (i % 364) || ' days'),
       'k' || i, ? FROM n`,
    c,
    members,
    members,
    start,
    AT,
  );
  await run(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
     INSERT INTO reports (community_id, subject, status, created_at, closed_at)
     SELECT ?, 'message ' || i, CASE WHEN i % 20 = 0 THEN 'open' WHEN i % 3 = 0 THEN 'dismissed' ELSE 'resolved' END,
       date(?, '+' || (i * 364 / 200) || ' days') || 'T08:00:00.000Z',
       CASE WHEN i % 20 = 0 THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%fZ', date(?, '+' || (i * 364 / 200) || ' days'), '+' || (2 + i % 40) || ' hours') END
     FROM n`,
    c,
    start,
    start,
  );
  return c;
}
