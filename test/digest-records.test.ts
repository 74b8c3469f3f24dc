import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { renderDiscordMessage } from "../src/adapters/discord/render.ts";
import { createDb } from "../src/db/client.ts";
import { createCommunityStore } from "../src/db/store.ts";
import { buildDigest } from "../src/features/digest/build.ts";
import { resetDb } from "./support/db.ts";
import { DIGEST_AT, seedWeek, slackLines } from "./support/digest.ts";

// The seeded week holds one meeting, on Tuesday 2 March, hosted by U0OLD with notes.
const DAY = "2027-03-02";
const reads = () => createCommunityStore(createDb(env.DB), env.DB).digest;
const run = (sql: string, ...binds: unknown[]) =>
  env.DB.prepare(sql)
    .bind(...binds)
    .run();
/** The "Meetings this week" section (in either language), without its heading. */
const held = (lines: string) =>
  lines.split(/\*(?:Meetings this week|Pertemuan minggu ini)\*\n/)[1]?.split("\n*")[0];

async function withTopic(community: number) {
  const topic = await env.DB.prepare(
    `INSERT INTO topics (community_id, title, title_key, suggested_by, status, created_at, updated_at)
     VALUES (?, 'Rubrics for <b>group</b> work', 'rubrics', 'U0OLD', 'retired', '2027-02-01', '2027-02-01') RETURNING id`,
  )
    .bind(community)
    .first<{ id: number }>();
  await run(
    "INSERT INTO meeting_topics (community_id, meeting_day, topic_id, source, decided_at) VALUES (?, ?, ?, 'rule', '2027-02-27')",
    community,
    DAY,
    topic?.id,
  );
}

async function entry(
  community: number,
  number: number,
  kind: string,
  body: string,
  url = null as string | null,
  assignee = null as string | null,
) {
  await run(
    `INSERT INTO meeting_entries (community_id, meeting_day, number, kind, body, url, assignee, author, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'U0AYU', '2027-03-02T13:00:00Z', '2027-03-02T13:00:00Z')`,
    community,
    DAY,
    number,
    kind,
    body,
    url,
    assignee,
  );
}

beforeEach(resetDb);

describe("the digest carries each meeting held as its record", () => {
  it("topic, attendance, the host's notes and the entries, member text escaped", async () => {
    const community = await seedWeek("slack", "en");
    await withTopic(community.id);
    for (const user of ["U0AYU", "U0BUDI", "U0OLD"])
      await run(
        "INSERT INTO meeting_attendance VALUES (?, ?, ?, 'host', 'U0OLD', '2027-03-02T14:00:00Z')",
        community.id,
        DAY,
        user,
      );
    await run(
      "INSERT INTO meeting_rsvps VALUES (?, ?, 'U0QUIET', 'yes', '2027-03-01T00:00:00Z')",
      community.id,
      DAY,
    );
    await entry(community.id, 3, "note", "Single-point rubrics are quicker <!here>");
    await entry(community.id, 4, "resource", "Rubric bank", "https://example.org/rubrics");
    await entry(community.id, 5, "action", "Try one in class", null, "U0BUDI");
    const lines = slackLines((await buildDigest(reads(), community, DIGEST_AT)).message);
    expect(held(lines)).toBe(
      [
        "• Tuesday 2 March, hosted by <@U0OLD>: “Rubrics for &lt;b&gt;group&lt;/b&gt; work” · 3 attended. We compared rubrics &lt;!channel&gt; @everyone",
        "    ◦ Note #3: Single-point rubrics are quicker &lt;!here&gt;",
        "    ◦ Resource #4: Rubric bank https://example.org/rubrics",
        "    ◦ Action #5: Try one in class (<@U0BUDI>)",
      ].join("\n"),
    );
  }, 30_000);

  it("counts the yes answers where nobody's attendance was recorded; Bahasa Indonesia", async () => {
    const community = await seedWeek("slack", "id");
    for (const user of ["U0AYU", "U0BUDI"])
      await run(
        "INSERT INTO meeting_rsvps VALUES (?, ?, ?, 'yes', '2027-03-01T00:00:00Z')",
        community.id,
        DAY,
        user,
      );
    await entry(community.id, 1, "action", "Kirim templat rubrik");
    const lines = slackLines((await buildDigest(reads(), community, DIGEST_AT)).message);
    expect(held(lines)).toBe(
      [
        "• Selasa, 2 Maret, difasilitasi oleh <@U0OLD>: 2 orang menjawab hadir. We compared rubrics &lt;!channel&gt; @everyone",
        "    ◦ Tindak lanjut #1: Kirim templat rubrik",
      ].join("\n"),
    );
  }, 30_000);

  it("a busy record still fits one Discord message: entries shortened, then fewer, links left out", async () => {
    const community = await seedWeek("discord", "en");
    for (let n = 1; n <= 40; n++)
      await entry(
        community.id,
        n,
        n % 3 === 0 ? "resource" : "note",
        `${"long words ".repeat(80)}${n}`,
        n % 3 === 0 ? `https://example.org/${"x".repeat(400)}` : null,
      );
    const digest = await buildDigest(reads(), community, DIGEST_AT);
    const content = String(renderDiscordMessage(digest.message).content);
    expect(content.length).toBeLessThanOrEqual(2000);
    expect(content).toContain("◦ Note \\#1: long words");
    expect(content).toContain("◦ and 37 more");
    expect(content).not.toContain("https://example.org/x"); // half a link is no link
  }, 30_000);
});
