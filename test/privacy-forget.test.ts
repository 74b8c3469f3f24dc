import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createDb, runBatch } from "../src/db/client.ts";
import { exportMember, forgetQueries } from "../src/features/privacy/engine-store.ts";
import { FEATURE_STORES } from "../src/features/server.ts";
import { resetDb } from "./support/db.ts";
import { COMMUNITY_ROWS, OTHER_ROWS, SEED } from "./support/migration-seed.ts";

// Forgetting Ayu (member 1, `U1`, of community 1) must leave her id, name and what she wrote in
// no column of no table. The tables and columns are read from `sqlite_master` and
// `pragma_table_info`, so a table a later migration adds is searched without editing this test.
const T = "2027-03-01T09:00:00.000Z";
const NOW = new Date("2027-03-10T09:00:00.000Z");
const db = createDb(env.DB);
const AYU = { memberId: 1, userId: "U1" };

// Beyond the shared seed: what Ayu wrote or was told everywhere else a member's words can be.
const MORE = [
  `UPDATE profiles SET needs = 'Rahasia kebutuhan' WHERE member_id = 1`,
  `INSERT INTO kudos (community_id, from_user, to_user, reason, channel_id, given_on, post_key, created_at)
   VALUES (1, 'U2', 'U1', 'Pujian untuk Ayu', 'C0GENERAL', '2027-03-02', 'k3', '${T}')`,
  `INSERT INTO outbox (community_id, idempotency_key, kind, target, payload, status, created_at, updated_at)
   VALUES (1, 'nudge:U1', 'dm', 'U1', '{"text":"Pesan pribadi"}', 'pending', '${T}', '${T}'),
          (1, 'kudos:k1', 'post', 'C0GENERAL', '{"text":"<@U1> thanks <@U2>"}', 'sent', '${T}', '${T}')`,
  `INSERT INTO audit_log (community_id, actor_member_id, action, detail, created_at)
   VALUES (1, 2, 'moderators add', '{"user":"U1"}', '${T}')`,
  `INSERT INTO topic_votes VALUES (1, 1, 'U1', '${T}')`,
  `INSERT INTO swap_requests (community_id, meeting_day, from_user, to_user, status, created_at)
   VALUES (1, '2027-03-09', 'U2', 'U1', 'pending', '${T}')`,
  `INSERT INTO rotation_ledger (community_id, kind, meeting_day, member_id, other_member_id, reason, recorded_by, created_at)
   VALUES (1, 'swapped', '2027-03-09', 'U2', 'U1', 'swap', 'U1', '${T}')`,
  `INSERT INTO meeting_topics VALUES (1, '2027-03-09', 1, 'host', '[1]', 'U1', '${T}')`,
  `UPDATE members SET last_active_on = '2027-03-05' WHERE id = 1`,
  `INSERT INTO audit_log (community_id, actor_member_id, action, detail, created_at)
   VALUES (1, 2, 'audit note', '{"args":{"member":"U2","text":"spoke with <@U1> about it"}}', '${T}')`,
  `INSERT INTO reports (id, community_id, subject, reported_user, claimed_by, status, created_at)
   VALUES (1, 1, 'message:C0GENERAL:1.2', 'U1', 'U2', 'claimed', '${T}'),
          (2, 1, 'note:n-1', 'U2', 'U1', 'claimed', '${T}')`,
  `INSERT INTO form_drafts (community_id, user_id, form_id, answers, updated_at)
   VALUES (1, 'U2', 'report.why', '{"subject":"message:C0GENERAL:9.9","snapshot":"v1.sealed","author":"U1","name":"Ayu","link":""}', '${T}')`,
  // The meeting memory: a note Ayu wrote, an action she took on, a link she shared, her attendance
  // and one she confirmed. The texts are the community's and stay; her identity does not.
  `INSERT INTO meeting_entries (community_id, meeting_day, number, kind, body, url, assignee, author, created_at, updated_at)
   VALUES (1, '2027-03-02', 1, 'note', 'Catatan bersama', NULL, NULL, 'U1', '${T}', '${T}'),
          (1, '2027-03-02', 2, 'action', 'Tindakan bersama', NULL, 'U1', 'U2', '${T}', '${T}')`,
  `INSERT INTO topic_resources (community_id, topic_id, url, title, added_by, created_at)
   VALUES (1, 1, 'https://example.org/bersama', 'Tautan bersama', 'U1', '${T}')`,
  `INSERT INTO meeting_attendance VALUES (1, '2027-03-02', 'U1', 'self', 'U1', '${T}'),
          (1, '2027-03-09', 'U2', 'host', 'U1', '${T}')`,
  `INSERT INTO report_reporters (community_id, report_id, reporter, reason, reported_on, created_at)
   VALUES (1, 2, 'U1', 'Rahasia laporan', '2027-03-01', '${T}'), (1, 1, 'U3', 'rude', '2027-03-01', '${T}')`,
];
const NEEDLES = [
  "U1",
  "Ayu",
  "Mengajar",
  "fisika",
  "Eksperimen",
  "Terima kasih",
  "Hukum Newton",
  "Rahasia",
  "Pujian",
  "Pesan pribadi",
];

async function seed() {
  await resetDb();
  const all = [...COMMUNITY_ROWS, ...Object.values(SEED).flat(), ...OTHER_ROWS, ...MORE];
  await env.DB.batch(all.map((sql) => env.DB.prepare(sql)));
}

/** Every table and column of the schema, from SQLite's own catalog. */
async function columns(): Promise<{ table: string; column: string }[]> {
  const { results } = await env.DB.prepare(
    `SELECT m.name AS "table", c.name AS "column" FROM sqlite_master m, pragma_table_info(m.name) c
     WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_cf_%' AND m.name <> 'd1_migrations'`,
  ).all<{ table: string; column: string }>();
  return results;
}

/**
 * Where a needle is found, byte for byte (FTS segments are blobs; their words are lower case):
 * one statement per column, all in one batch, each crossing the needles with the column.
 */
async function findings(needles: readonly string[]): Promise<string[]> {
  const words = [...new Set(needles.flatMap((n) => [n, n.toLowerCase()]))];
  const values = words.map((_, i) => `(?${i + 1})`).join(", ");
  const statements = (await columns()).map(({ table, column }) =>
    env.DB.prepare(
      `WITH n(x) AS (VALUES ${values})
       SELECT DISTINCT '${table}.${column}: ' || n.x AS hit FROM n, "${table}" t
       WHERE instr(CAST(t."${column}" AS BLOB), CAST(n.x AS BLOB)) > 0`,
    ).bind(...words),
  );
  const results = await env.DB.batch<{ hit: string }>(statements);
  return results.flatMap((r) => r.results.map((row) => row.hit)).sort();
}

describe("profile forget: the erasure batch", () => {
  beforeAll(seed);

  it("finds the member everywhere before (the search can see)", async () => {
    const before = await findings(NEEDLES);
    for (const table of [
      "members",
      "profiles",
      "kudos",
      "outbox",
      "audit_log",
      "rotation_ledger",
      "topic_votes",
      "reports",
      "report_reporters",
      "meeting_entries",
      "topic_resources",
      "meeting_attendance",
    ]) {
      expect(before.some((f) => f.startsWith(`${table}.`))).toBe(true);
    }
    expect(before.some((f) => f.startsWith("profiles_fts_data."))).toBe(true);
  });

  it("leaves their id, name and words in no column of any table", async () => {
    await runBatch(env.DB, forgetQueries(FEATURE_STORES, db, 1, AYU, NOW));
    expect(await findings(NEEDLES)).toEqual([]);
  });

  it("keeps what others keep, under a placeholder unique to the member, and makes them alumni", async () => {
    const member = await env.DB.prepare(
      "SELECT platform_user_id, display_name, status FROM members WHERE id = 1",
    ).first();
    expect(member).toEqual({ platform_user_id: "former:1", display_name: null, status: "alumni" });
    const kudos = await env.DB.prepare("SELECT count(*) AS n FROM kudos WHERE community_id = 1").first<{
      n: number;
    }>();
    expect(kudos?.n).toBe(2);
    const tally = await env.DB.prepare(
      "SELECT hosted, in_pool FROM rotation_tally WHERE user_id = 'former:1'",
    ).first();
    expect(tally).toEqual({ hosted: 1, in_pool: 0 });
    const votes = await env.DB.prepare(
      "SELECT user_id FROM topic_votes WHERE topic_id = 1 ORDER BY user_id",
    ).all();
    expect(votes.results).toEqual([{ user_id: "U2" }, { user_id: "former:1" }]);
    // The meeting memory keeps the community's learning, attributed to "a former member".
    const memory = await env.DB.prepare(
      `SELECT (SELECT group_concat(number || ':' || author || ':' || coalesce(assignee, '-'), ' ') FROM meeting_entries) AS entries,
              (SELECT group_concat(added_by) FROM topic_resources) AS resources,
              (SELECT group_concat(meeting_day || ':' || user_id || ':' || recorded_by, ' ') FROM meeting_attendance) AS attended`,
    ).first();
    expect(memory).toEqual({
      entries: "1:former:1:- 2:U2:former:1",
      resources: "former:1",
      attended: "2027-03-02:former:1:former:1 2027-03-09:U2:former:1",
    });
    // Others are untouched: Budi in community 1, Dan in community 2.
    const others = await findings(["Budi", "D1", "Rust"]);
    expect(others).toEqual(expect.arrayContaining(["members.display_name: Budi", "profiles.does: Rust"]));
  });
});

describe("profile export", () => {
  beforeAll(seed);

  it("gathers every part's data about the member", async () => {
    const data = await exportMember(FEATURE_STORES, db, 1, AYU);
    expect(Object.keys(data)).toEqual(
      expect.arrayContaining([
        "kudos",
        "profiles",
        "membership",
        "meetings",
        "rotation",
        "topics",
        "nudges",
        "memory",
        "core",
      ]),
    );
    expect(data.profiles?.profile).toMatchObject({ does: "Mengajar fisika", needs: "Rahasia kebutuhan" });
    expect(data.kudos).toEqual({
      given: [{ to: "U2", reason: "Terima kasih!", day: "2027-03-01" }],
      received: [{ from: "U2", reason: "Pujian untuk Ayu", day: "2027-03-02" }],
    });
    expect(data.membership?.member).toMatchObject({ displayName: "Ayu", lastActiveOn: "2027-03-05" });
    expect(data.topics?.suggested).toMatchObject([{ title: "Kelas besar" }]);
    expect(data.meetings).toEqual({ rsvps: [{ day: "2027-03-02", answer: "yes", at: T }] });
    expect(data.memory).toMatchObject({
      meetingEntries: [
        {
          number: 1,
          meeting: "2027-03-02",
          kind: "note",
          text: "Catatan bersama",
          wrote: true,
          takenOn: false,
        },
        { number: 2, kind: "action", text: "Tindakan bersama", wrote: false, takenOn: true },
      ],
      topicResources: [{ topic: 1, link: "https://example.org/bersama", title: "Tautan bersama" }],
      attended: [{ meeting: "2027-03-02", confirmedBy: "self" }],
    });
    expect(data.nudges).toMatchObject({ snoozedUntil: "2027-04-01" });
    expect(data.core?.formDrafts).toEqual([{ form: "setup", answers: { language: "id" }, at: T }]);
  });
});
