import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import createSql from "../scripts/sql/fts-create.sql?raw";
import dropSql from "../scripts/sql/fts-drop.sql?raw";
import type { ProfileAnswers } from "../src/features/profile/answers.ts";
import { ftsQuery } from "../src/features/profile/search.ts";
import { resetDb } from "./support/db.ts";
import { seedEntry, seedTopic, seedTopicResource } from "./support/knowledge.ts";
import { memberContext, realStore } from "./support/profiles.ts";
import { runSqlFile } from "./support/sql-file.ts";

/**
 * README "Backups": `wrangler d1 export` refuses virtual tables, so the four FTS5 indexes (whoknows'
 * and /cop search's three) are dropped for the export and recreated after, as migrated, rebuilt
 * from their tables with what was written in between.
 */
const FTS = ["profiles_fts", "meeting_entries_fts", "topics_fts", "topic_resources_fts"];

const ftsSchema = async () =>
  (
    await env.DB.prepare(
      `SELECT type, name, tbl_name, sql FROM sqlite_master
       WHERE name LIKE '%\\_fts%' ESCAPE '\\' AND sql IS NOT NULL ORDER BY name`,
    ).all()
  ).results;

const profile: ProfileAnswers = {
  does: "Teacher",
  shares: "Rubrik penilaian",
  needs: "",
  benefits: [],
  frequency: "monthly",
  introConsent: false,
  findable: true,
};

async function seedAll(communityId: number, word: string, n: number) {
  await seedEntry(communityId, { day: "2027-03-02", number: n, kind: "note", body: `${word} note` });
  const topic = await seedTopic(communityId, { title: `${word} topic`, details: `${word} details` });
  await seedTopicResource(communityId, topic, `https://example.org/${word}`, `${word} resource`);
}

async function found(communityId: number, word: string): Promise<string[]> {
  const query = ftsQuery(word);
  const hits = await realStore().search.find(communityId, query?.match ?? "", 10);
  return hits.map((h) => h.kind).sort();
}

beforeEach(resetDb);

describe("backups: the indexes can be dropped for `wrangler d1 export` and rebuilt", () => {
  it("drop → every table still takes writes → create + rebuild → everything is found, schema as migrated", async () => {
    const migrated = await ftsSchema();
    // Every index and its three triggers are covered, as the migrations made them.
    for (const name of FTS) {
      expect(migrated.map((row) => row.name)).toContain(name);
      expect(
        migrated.filter((row) => row.type === "trigger" && row.tbl_name === name.replace("_fts", "")),
      ).toHaveLength(3);
    }
    const ctx = await memberContext("slack", "U0BEFORE");
    const c = ctx.community.id;
    const store = realStore();
    await store.apply(
      ctx.community,
      [{ type: "profile.save", memberId: ctx.member.id, answers: profile }],
      null,
      ctx.now,
    );
    await seedAll(c, "sebelum", 1);

    await runSqlFile(dropSql);
    expect(await ftsSchema()).toEqual([]);
    // While the indexes are gone (during the export), every table can still be written.
    const during = await memberContext("slack", "U0DURING");
    await store.apply(
      during.community,
      [{ type: "profile.save", memberId: during.member.id, answers: profile }],
      null,
      during.now,
    );
    await seedAll(c, "selama", 2);
    await env.DB.prepare("UPDATE topics SET details = 'diubah kemudian' WHERE title = 'sebelum topic'").run();
    await env.DB.prepare("DELETE FROM meeting_entries WHERE number = 1").run();

    await runSqlFile(createSql);
    expect(await ftsSchema()).toEqual(migrated);
    const all = ["note", "topic", "topicResource"];
    expect(await found(c, "selama")).toEqual(all);
    // The note removed while the index was gone is not found; the topic edited then is, by its new words.
    expect(await found(c, "sebelum")).toEqual(["topic", "topicResource"]);
    expect(await found(c, "diubah")).toEqual(["topic"]);
    const whoknows = await store.profiles.search(c, ftsQuery("rubrik")?.match ?? "", 10);
    expect(whoknows.map((h) => h.platformUserId)).toEqual(["U0BEFORE", "U0DURING"]);
    for (const name of FTS) await env.DB.exec(`INSERT INTO ${name} (${name}) VALUES ('integrity-check');`);
    // And the triggers work again.
    await seedAll(c, "sesudah", 3);
    expect(await found(c, "sesudah")).toEqual(all);
  });

  it("both scripts can run twice (a retried step changes nothing)", async () => {
    const migrated = await ftsSchema();
    await runSqlFile(dropSql);
    await runSqlFile(dropSql);
    await runSqlFile(createSql);
    await runSqlFile(createSql);
    expect(await ftsSchema()).toEqual(migrated);
  });
});
