import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../src/db/client.ts";
import { createCommunityStore } from "../src/db/store.ts";
import { buildDigest } from "../src/features/digest/build.ts";
import { resetDb } from "./support/db.ts";
import { DIGEST_AT, seedWeek } from "./support/digest.ts";

const MEMBERS = 100_000;
let community: Awaited<ReturnType<typeof seedWeek>>;

/** 100,000 members in one statement: one in 50 alumni, one in 3 active this week, 100 newcomers. */
beforeAll(async () => {
  await resetDb();
  community = await seedWeek("slack", "en");
  await env.DB.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
     INSERT INTO members (community_id, platform_user_id, status, joined_at, welcomed_at, last_active_on, created_at, updated_at)
     SELECT ?, 'U' || printf('%07d', i), CASE WHEN i % 50 = 0 THEN 'alumni' ELSE 'active' END,
            '2026-01-01T00:00:00Z',
            CASE WHEN i % 1000 = 1 THEN '2027-03-0' || (2 + i % 5) || 'T05:00:00Z' END,
            CASE WHEN i % 3 = 0 THEN '2027-03-05' ELSE '2027-01-10' END,
            '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'
     FROM n`,
  )
    .bind(MEMBERS, community.id)
    .run();
}, 120_000);

const reads = () => createCommunityStore(createDb(env.DB), env.DB).digest;

describe("the digest of a 100,000-member community", () => {
  it("is built in under a second from indexed counts, never a load of the member list", async () => {
    await buildDigest(reads(), community, DIGEST_AT); // warm: statement and Intl caches
    const started = performance.now();
    const digest = await buildDigest(reads(), community, DIGEST_AT);
    const ms = performance.now() - started;
    console.log(`digest of ${MEMBERS} members: ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(1000);
    const text = JSON.stringify(digest.message);
    expect(text).toContain("and 92 more"); // 100 welcomed this week (alumni left out) + 2 seeded, 10 shown
  });

  it("each count is answered from an index", async () => {
    const plan = async (sql: string, ...binds: unknown[]) =>
      JSON.stringify(
        (
          await env.DB.prepare(`EXPLAIN QUERY PLAN ${sql}`)
            .bind(...binds)
            .all()
        ).results,
      );
    expect(
      await plan(
        "SELECT count(*) FROM members WHERE community_id = ? AND status = 'active' AND last_active_on >= ?",
        community.id,
        "2027-03-01",
      ),
    ).toContain("COVERING INDEX members_by_activity");
    expect(
      await plan(
        "SELECT count(*) FROM members WHERE community_id = ? AND welcomed_at >= ? AND welcomed_at < ? AND status = 'active'",
        community.id,
        "2027-03-01",
        "2027-03-08",
      ),
    ).toContain("INDEX members_by_welcome");
    expect(
      await plan(
        "SELECT count(*) FROM topics WHERE community_id = ? AND created_at >= ? AND created_at < ?",
        community.id,
        "2027-03-01",
        "2027-03-08",
      ),
    ).toContain("INDEX topics_by_created");
  });

  it("before the announcement it names the planned host, reading only the rotation's candidates", async () => {
    await env.DB.prepare("DELETE FROM rotation_ledger WHERE kind = 'assigned'").run();
    const started = performance.now();
    const digest = await buildDigest(reads(), community, DIGEST_AT);
    const ms = performance.now() - started;
    console.log(`digest of ${MEMBERS} members, no host assigned yet: ${ms.toFixed(0)} ms`);
    expect(JSON.stringify(digest.message)).toMatch(
      /"label":"Host","value":\[\{"user":"U\w+"\}," \(planned\)"\]/,
    );
    expect(ms).toBeLessThan(1000);
  });
});
