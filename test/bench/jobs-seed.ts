import { env } from "cloudflare:workers";

/** What the bench seeds: one community of `members`, a fifth of them quiet. */
export interface JobsSeed {
  readonly communityId: number;
  readonly members: number;
  readonly quiet: number;
}

const CREATED = "2026-06-01T00:00:00.000Z";

/**
 * One Slack community (UTC) with a weekly meeting, 30 open topics, and `members` members: every
 * fifth quiet since a day between 2026-09-01 and 2027-01-31, the rest active this week; one in
 * ten has answered the intro with needs that may match a topic. Set-based SQL (a recursive
 * counter), so seeding 100,000 rows is a few statements.
 */
export async function seedJobsCommunity(members: number): Promise<JobsSeed> {
  const at = CREATED;
  const community = await env.DB.prepare(
    "INSERT INTO communities (platform, workspace_id, name, locale, timezone, main_channel_id, created_at, updated_at) VALUES ('slack', 'T0BENCH', 'Bench CoP', 'en', 'UTC', 'C0MAIN', ?, ?) RETURNING id",
  )
    .bind(at, at)
    .first<{ id: number }>();
  const id = community?.id ?? 0;
  await env.DB.batch([
    env.DB.prepare(
      "INSERT INTO meeting_series (community_id, cadence, first_day, start_minute, minutes, updated_at) VALUES (?, 'weekly', '2026-06-02', 1140, 90, ?)",
    ).bind(id, at),
    env.DB.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30)
       INSERT INTO topics (community_id, title, title_key, status, created_at, updated_at)
       SELECT ?, 'Topic ' || i || ' assessment rubrics ' || (i * 7 % 30), 'topic ' || i || ' assessment rubrics ' || (i * 7 % 30), 'open', ?, ? FROM n`,
    ).bind(id, at, at),
  ]);
  for (let start = 0; start < members; start += 25_000) {
    const end = Math.min(members, start + 25_000);
    await env.DB.prepare(
      `WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO members (community_id, platform_user_id, display_name, joined_at, last_active_on, created_at, updated_at)
       SELECT ?, printf('U%08d', i), 'Member ' || i, ?,
         CASE WHEN i % 5 = 0 THEN date('2026-09-01', '+' || (i % 150) || ' days') ELSE '2027-02-26' END, ?, ? FROM n`,
    )
      .bind(start + 1, end, id, at, at, at)
      .run();
  }
  await env.DB.prepare(
    `INSERT INTO profiles (community_id, member_id, does, shares, needs, frequency, intro_consent, findable, answered_at, updated_at)
     SELECT community_id, id, 'teach', 'notes', CASE WHEN id % 20 = 0 THEN 'help with assessment rubrics' ELSE 'time management' END,
       'monthly', 0, 0, ?, ? FROM members WHERE community_id = ? AND id % 10 = 0`,
  )
    .bind(at, at, id)
    .run();
  const quiet = await env.DB.prepare(
    "SELECT count(*) AS n FROM members WHERE community_id = ? AND last_active_on < '2027-02-01'",
  )
    .bind(id)
    .first<{ n: number }>();
  return { communityId: id, members, quiet: quiet?.n ?? 0 };
}
