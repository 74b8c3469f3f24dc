import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { renderDiscordMessage } from "../src/adapters/discord/render.ts";
import { createDb } from "../src/db/client.ts";
import { createCommunityStore } from "../src/db/store.ts";
import { buildDigest } from "../src/features/digest/build.ts";
import { resetDb } from "./support/db.ts";
import { seedCommunity } from "./support/delivery.ts";
import { DIGEST_AT, seedMember, seedWeek, slackLines } from "./support/digest.ts";

const reads = () => createCommunityStore(createDb(env.DB), env.DB).digest;

beforeEach(resetDb);

describe("the weekly digest", () => {
  it("for a seeded week, in English", async () => {
    const community = await seedWeek("slack", "en");
    const digest = await buildDigest(reads(), community, DIGEST_AT);
    expect(digest.key).toBe("digest:2027-W10");
    expect(slackLines(digest.message)).toMatchInlineSnapshot(`
      "# Weekly digest · 1 – 7 March 2027
      *Welcome to our newcomers*
      <@U0AYU>, <@U0BUDI>
      *Next meeting*
        *When* Tuesday, 9 March 2027 at 19:00 GMT+7
        *Host* <@U0AYU>
        *Topic* Peer observation &lt;!here&gt;
        *Link* https://meet.example/cop
        *Coming so far* 2 yes · 1 maybe · 0 no
      *Meetings this week*
      • Tuesday 2 March, hosted by <@U0OLD>: We compared rubrics &lt;!channel&gt; @everyone
      *Topics with the most support*
      • 1. Rubrics for group work (3 supporting)
      [Support #1]
      *Kudos of the week*
      • <@U0AYU>, thanked by <@U0OLD>: for the rubric template &lt;@U0QUIET&gt;
      *The week in numbers*
        *Active members* 2
        *Meetings held* 1
        *New topics* 1
      *Topics archived*
      • Exit tickets"
    `);
  });

  it("for a seeded week, in Bahasa Indonesia", async () => {
    const community = await seedWeek("slack", "id");
    const digest = await buildDigest(reads(), community, DIGEST_AT);
    expect(slackLines(digest.message)).toMatchInlineSnapshot(`
      "# Ringkasan mingguan · 1–7 Maret 2027
      *Selamat datang, anggota baru kita*
      <@U0AYU>, <@U0BUDI>
      *Pertemuan berikutnya*
        *Waktu* Selasa, 9 Maret 2027 pukul 19.00 WIB
        *Fasilitator* <@U0AYU>
        *Topik* Peer observation &lt;!here&gt;
        *Tautan* https://meet.example/cop
        *Konfirmasi kehadiran sejauh ini* 2 Hadir · 1 Mungkin · 0 Tidak hadir
      *Pertemuan minggu ini*
      • Selasa, 2 Maret, difasilitasi oleh <@U0OLD>: We compared rubrics &lt;!channel&gt; @everyone
      *Topik dengan dukungan terbanyak*
      • 1. Rubrics for group work (3 dukungan)
      [Dukung #1]
      *Apresiasi minggu ini*
      • <@U0AYU>, terima kasih dari <@U0OLD>: for the rubric template &lt;@U0QUIET&gt;
      *Minggu ini dalam angka*
        *Anggota aktif* 2
        *Pertemuan terlaksana* 1
        *Topik baru* 1
      *Topik yang diarsipkan*
      • Exit tickets"
    `);
  });
  it("names the host the ledger committed: after a pass, the member it went to", async () => {
    const community = await seedWeek("slack", "en");
    await env.DB.prepare(
      "INSERT INTO rotation_ledger (community_id, kind, meeting_day, member_id, other_member_id, reason, created_at) VALUES (?, 'passed', '2027-03-09', 'U0AYU', 'U0BUDI', 'pass', '2027-03-07T00:00:00Z')",
    )
      .bind(community.id)
      .run();
    const digest = await buildDigest(reads(), community, DIGEST_AT);
    expect(slackLines(digest.message)).toContain("*Host* <@U0BUDI>");
  });

  it("a week whose only news is a kudos is not a quiet one: the feature's section is shown", async () => {
    const community = await seedCommunity("slack");
    await env.DB.prepare(
      `INSERT INTO kudos (community_id, from_user, to_user, reason, channel_id, given_on, post_key, created_at)
       VALUES (?, 'U0AYU', 'U0BUDI', 'for the slides', 'C0GENERAL', '2027-03-05', 'k1', '2027-03-05T04:00:00Z')`,
    )
      .bind(community.id)
      .run();
    const digest = await buildDigest(reads(), community, DIGEST_AT);
    expect(digest.quiet).toBe(false);
    expect(slackLines(digest.message)).toContain("• <@U0BUDI>, thanked by <@U0AYU>: for the slides");
  });

  it("a busy week stays within one Discord message: lists shorten, with “and N more”, rather than being cut", async () => {
    const community = await seedWeek("discord", "en");
    const c = community.id;
    const noisy = (n: number) => "(<#>) ".repeat(n);
    for (let i = 0; i < 30; i++) {
      await seedMember(community, `4000000000000000${String(i).padStart(2, "0")}`, {
        welcomed: "2027-03-03T05:00:00Z",
      });
    }
    for (let i = 0; i < 20; i++) {
      await env.DB.prepare(
        `INSERT INTO kudos (community_id, from_user, to_user, reason, channel_id, given_on, post_key, created_at)
         VALUES (?, '300000000000000001', '300000000000000002', ?, '600', '2027-03-05', ?, '2027-03-05T04:00:00Z')`,
      )
        .bind(c, noisy(50), `k${i}`)
        .run();
    }
    for (let i = 0; i < 15; i++) {
      await env.DB.prepare(
        `INSERT INTO topics (community_id, title, title_key, status, archived_at, created_at, updated_at)
         VALUES (?, ?, ?, 'archived', '2027-03-04T00:00:00Z', '2027-01-01T00:00:00Z', '2027-03-04T00:00:00Z')`,
      )
        .bind(c, `Archived ${i} ${noisy(20)}`, `archived ${i}`)
        .run();
    }
    await env.DB.prepare("UPDATE rotation_ledger SET notes = ? WHERE kind = 'hosted'").bind(noisy(160)).run();
    const digest = await buildDigest(reads(), community, DIGEST_AT);
    const content = renderDiscordMessage(digest.message).content;
    expect(content.length).toBeLessThan(2000);
    expect(content).toMatch(/and \d+ more/);
    // Only the archived topics the post names are marked reported; the others wait for next week.
    expect(digest.archivedTopicIds.length).toBeGreaterThan(0);
    expect(digest.archivedTopicIds.length).toBeLessThan(16);
    expect(content).toContain("Exit tickets"); // archived first, in January
    expect((content.match(/Archived \d/g) ?? []).length + 1).toBe(digest.archivedTopicIds.length);
  });
});
