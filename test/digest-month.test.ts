import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { createDb } from "../src/db/client.ts";
import { createCommunityStore } from "../src/db/store.ts";
import { buildDigest } from "../src/features/digest/build.ts";
import { resetDb } from "./support/db.ts";
import { DIGEST_AT, seedWeek, slackLines } from "./support/digest.ts";

const reads = () => createCommunityStore(createDb(env.DB), env.DB).digest;
const run = (sql: string, ...binds: unknown[]) =>
  env.DB.prepare(sql)
    .bind(...binds)
    .run();
const topicId = async (title: string) =>
  (await env.DB.prepare("SELECT id FROM topics WHERE title = ?").bind(title).first<{ id: number }>())?.id ??
  0;

beforeEach(resetDb);

describe("the digest over a month", () => {
  it("names the day a holiday takes away before the next meeting, in both languages", async () => {
    for (const locale of ["en", "id"] as const) {
      await resetDb();
      const community = await seedWeek("slack", locale);
      await run(
        "INSERT INTO holidays (community_id, start_day, end_day, name, created_at) VALUES (?, '2027-03-09', '2027-03-09', 'Idul Fitri', '2027-02-01T00:00:00Z')",
        community.id,
      );
      const text = slackLines((await buildDigest(reads(), community, DIGEST_AT)).message);
      expect(text).toContain(
        locale === "en"
          ? "*No meeting* Tuesday 9 March (Idul Fitri)"
          : "*Tidak ada pertemuan* Selasa, 9 Maret (Idul Fitri)",
      );
      expect(text).toContain(locale === "en" ? "16 March 2027" : "16 Maret 2027");
    }
  });

  it("names the planned host before the announcement commits one", async () => {
    const community = await seedWeek("slack", "en");
    await run("DELETE FROM rotation_ledger WHERE kind = 'assigned'");
    const text = slackLines((await buildDigest(reads(), community, DIGEST_AT)).message);
    expect(text).toMatch(/\*Host\* <@U0\w+> \(planned\)/);
    expect(text).not.toContain("not known yet");
  });

  it("leaves out topics chosen for a meeting, and rests a topic the last two digests both showed", async () => {
    const community = await seedWeek("slack", "en");
    const c = community.id;
    const rubrics = await topicId("Rubrics for group work");
    await run(
      "INSERT INTO topics (community_id, title, title_key, status, created_at, updated_at) VALUES (?, 'Discussed already', 'discussed already', 'open', '2027-01-01', '2027-01-01')",
      c,
    );
    const discussed = await topicId("Discussed already");
    await run(
      "INSERT INTO meeting_topics (community_id, meeting_day, topic_id, source, decided_at) VALUES (?, '2027-03-02', ?, 'rule', '2027-02-27T00:00:00Z')",
      c,
      discussed,
    );
    await run(
      "INSERT INTO topic_votes (community_id, topic_id, user_id, voted_at) VALUES (?, ?, 'U0X', '2027-03-01')",
      c,
      discussed,
    );
    const shown = async () => (await buildDigest(reads(), community, DIGEST_AT)).topicIds;
    // The next meeting's topic (Peer observation) and the discussed one are left out.
    expect(await shown()).toEqual([rubrics]);
    // Shown by last week's digest only: it may come back once more.
    await run(
      "INSERT INTO digest_topics (community_id, period, topic_id) VALUES (?, '2027-W09', ?)",
      c,
      rubrics,
    );
    expect(await shown()).toEqual([rubrics]);
    // Shown by the two digests before this one: it rests this week.
    await run(
      "INSERT INTO digest_topics (community_id, period, topic_id) VALUES (?, '2027-W07', ?)",
      c,
      rubrics,
    );
    expect(await shown()).toEqual([]);
  });

  it("records the topics a posted digest showed, once, only with the post", async () => {
    const community = await seedWeek("slack", "en");
    const digest = await buildDigest(reads(), community, DIGEST_AT);
    const draft = { kind: "post" as const, key: digest.key, channelId: "C0GENERAL", message: digest.message };
    const store = createCommunityStore(createDb(env.DB), env.DB);
    const effect = {
      type: "digest.post" as const,
      draft,
      archivedTopicIds: [],
      topics: { period: digest.period, ids: digest.topicIds },
    };
    await store.apply(community, [effect], null, DIGEST_AT);
    await store.apply(community, [effect], null, new Date(DIGEST_AT.getTime() + 60_000));
    const { results } = await env.DB.prepare("SELECT period, topic_id FROM digest_topics").all();
    expect(results).toEqual([{ period: "2027-W10", topic_id: await topicId("Rubrics for group work") }]);
  });
});
