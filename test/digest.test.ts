import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { buildDigest } from "../src/core/digest/build.ts";
import { createDb } from "../src/db/client.ts";
import { createDigestReads } from "../src/db/digest.ts";
import { resetDb } from "./support/db.ts";
import { DIGEST_AT, seedWeek, slackLines } from "./support/digest.ts";

const reads = () => createDigestReads(createDb(env.DB));

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
      • 2. Peer observation &lt;!here&gt; (1 supporting)
      [Support #1] [Support #2]
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
      *Selamat datang untuk anggota baru kita*
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
      • 2. Peer observation &lt;!here&gt; (1 dukungan)
      [Dukung #1] [Dukung #2]
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
});
