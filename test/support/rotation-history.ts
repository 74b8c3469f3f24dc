import { env } from "cloudflare:workers";

/**
 * `weeks` weekly meetings in the ledger from `first` (a Tuesday), held in turn by the members
 * `U00000001`… `U<hosts>` (as test/bench/jobs-seed.ts names them), with a pass every fourth week
 * (recorded first, so later turns repay the debts). Set-based SQL: two statements whatever the size.
 */
export async function seedRotationHistory(
  communityId: number,
  options: { first?: string; weeks?: number; hosts?: number } = {},
): Promise<void> {
  const { first = "2026-06-02", weeks = 38, hosts = 40 } = options;
  const at = "2026-06-01T00:00:00.000Z";
  const days = `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${weeks - 1})`;
  await env.DB.batch([
    env.DB.prepare(
      `${days} INSERT INTO rotation_ledger (community_id, kind, meeting_day, member_id, reason, created_at)
       SELECT ?, 'passed', date(?, '+' || (i * 7) || ' days'), printf('U%08d', 1 + (i * 3) % ?), 'passed', ?
       FROM n WHERE i % 4 = 0`,
    ).bind(communityId, first, hosts, at),
    env.DB.prepare(
      `${days} INSERT INTO rotation_ledger (community_id, kind, meeting_day, member_id, reason, created_at)
       SELECT ?, 'hosted', date(?, '+' || (i * 7) || ' days'), printf('U%08d', 1 + (i * 7) % ?), 'default', ?
       FROM n`,
    ).bind(communityId, first, hosts, at),
  ]);
}
