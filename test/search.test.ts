import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { ftsQuery } from "../src/features/profile/search.ts";
import type { KnowledgeHit } from "../src/features/search/index.ts";
import { resetDb } from "./support/db.ts";
import { seedEntry, seedSentPost, seedTopic, seedTopicResource } from "./support/knowledge.ts";
import { memberContext, realStore } from "./support/profiles.ts";

/** The store's search, as `/cop search` calls it. */
async function find(communityId: number, words: string): Promise<KnowledgeHit[]> {
  const query = ftsQuery(words);
  if (!query) throw new Error(`nothing to search in "${words}"`);
  return realStore().search.find(communityId, query.match, 10);
}
const what = (hits: KnowledgeHit[]) => hits.map((h) => `${h.kind} ${h.number}`);

async function community(platform: "slack" | "discord" = "slack"): Promise<number> {
  return (await memberContext(platform, platform === "slack" ? "U0MEMBER" : "300000000000000001")).community
    .id;
}

beforeEach(resetDb);

describe("search over what the community kept", () => {
  it("finds notes, resources, actions, meeting topics, suggestions and topic resources", async () => {
    const c = await community();
    await seedEntry(c, {
      day: "2027-03-02",
      number: 1,
      kind: "note",
      body: "Peer review of the assessment rubric",
    });
    await seedEntry(c, {
      day: "2027-03-02",
      number: 2,
      kind: "resource",
      body: "Rubric template",
      url: "https://example.org/rubric",
    });
    await seedEntry(c, { day: "2027-03-02", number: 3, kind: "action", body: "Budi shares his rubric" });
    const met = await seedTopic(c, { title: "Rubrics for projects", day: "2027-03-02" });
    const suggested = await seedTopic(c, { title: "Large classes", details: "A rubric for group work?" });
    const onTopic = await seedTopic(c, { title: "Group work" });
    await seedTopicResource(c, onTopic, "https://example.org/groups", "Group rubric examples");
    const hits = await find(c, "rubric");
    expect(what(hits).sort()).toEqual(
      [
        "note 1",
        "resource 2",
        "action 3",
        `topic ${met}`,
        `topic ${suggested}`,
        `topicResource ${onTopic}`,
      ].sort(),
    );
    const byKind = Object.fromEntries(hits.map((h) => [`${h.kind} ${h.number}`, h]));
    expect(byKind["resource 2"]).toMatchObject({
      url: "https://example.org/rubric",
      meetingDay: "2027-03-02",
    });
    expect(byKind[`topic ${met}`]).toMatchObject({ meetingDay: "2027-03-02", detail: null });
    // A suggestion never discussed has no meeting; the words were in its details, shown.
    expect(byKind[`topic ${suggested}`]).toMatchObject({ meetingDay: null, record: null });
    expect(byKind[`topic ${suggested}`]?.detail).toContain("\ue000rubric\ue001");
    expect(byKind[`topicResource ${onTopic}`]).toMatchObject({
      url: "https://example.org/groups",
      topicTitle: "Group work",
      meetingDay: null,
    });
  });

  it("folds case and accents, Indonesian and English alike", async () => {
    const c = await community();
    await seedEntry(c, {
      day: "2027-03-02",
      number: 1,
      kind: "note",
      body: "Menyusun rubrik penilaian untuk SMK",
    });
    await seedEntry(c, { day: "2027-03-09", number: 2, kind: "note", body: "Résumé of the café discussion" });
    expect(what(await find(c, "PENILAIAN"))).toEqual(["note 1"]);
    expect(what(await find(c, "resume cafe"))).toEqual(["note 2"]);
    expect(what(await find(c, "astronomi"))).toEqual([]);
  });

  it("ranks entries matching more of the words first", async () => {
    const c = await community();
    await seedEntry(c, {
      day: "2027-03-02",
      number: 1,
      kind: "note",
      body: "Penilaian only, many other words here",
    });
    await seedEntry(c, { day: "2027-03-02", number: 2, kind: "note", body: "Rubrik penilaian" });
    await seedEntry(c, { day: "2027-03-02", number: 3, kind: "note", body: "Rubrik and something else" });
    const hits = what(await find(c, "rubrik penilaian"));
    expect(hits[0]).toBe("note 2");
    expect(hits).toHaveLength(3);
  });

  it("only the community's own rows", async () => {
    const slack = await community("slack");
    const discord = await community("discord");
    await seedEntry(slack, { day: "2027-03-02", number: 1, kind: "note", body: "Rubrik penilaian" });
    await seedEntry(discord, { day: "2027-03-02", number: 1, kind: "note", body: "Rubrik penilaian" });
    const other = await seedTopic(discord, { title: "Rubrik proyek" });
    await seedTopicResource(discord, other, "https://example.org/r", "Rubrik contoh");
    const hits = await find(slack, "rubrik");
    expect(what(hits)).toEqual(["note 1"]);
    expect(await find(discord, "rubrik")).toHaveLength(3);
  });

  it("a retired topic (and its resources) only when a meeting was held on it; archived ones stay", async () => {
    const c = await community();
    const retired = await seedTopic(c, { title: "Rubrik lama", status: "retired" });
    await seedTopicResource(c, retired, "https://example.org/old", "Rubrik usang");
    const archived = await seedTopic(c, { title: "Rubrik arsip", status: "archived" });
    const held = await seedTopic(c, { title: "Rubrik dibahas", status: "retired", day: "2027-03-02" });
    expect(what(await find(c, "rubrik")).sort()).toEqual([`topic ${archived}`, `topic ${held}`].sort());
  });

  it("links each hit to its meeting's record once sent, else the announcement, else nothing", async () => {
    const c = await community();
    await seedEntry(c, { day: "2027-03-02", number: 1, kind: "note", body: "Rubrik satu" });
    await seedEntry(c, { day: "2027-03-09", number: 2, kind: "note", body: "Rubrik dua" });
    await seedEntry(c, { day: "2027-03-16", number: 3, kind: "note", body: "Rubrik tiga" });
    await seedEntry(c, { day: "2027-03-23", number: 4, kind: "note", body: "Rubrik empat" });
    await seedSentPost(c, "record:2027-03-02", { channel: "C0GENERAL", message: "1772431200.000100" });
    await seedSentPost(c, "announce:2027-03-02", { channel: "C0GENERAL", message: "1772000000.000100" });
    await seedSentPost(c, "announce:2027-03-09", { channel: "C0GENERAL", message: "1772600000.000200" });
    // A record written but not sent yet has nowhere to link to.
    await seedSentPost(c, "record:2027-03-16", null);
    const hits = Object.fromEntries((await find(c, "rubrik")).map((h) => [h.number, h.record]));
    const ref = (message: string) => ({ workspace: "T0GUYUB01", channel: "C0GENERAL", id: message });
    expect(hits).toEqual({
      1: { kind: "record", ref: ref("1772431200.000100") },
      2: { kind: "announcement", ref: ref("1772600000.000200") },
      3: null,
      4: null,
    });
  });

  it("a topic takes its latest meeting's day", async () => {
    const c = await community();
    const id = await seedTopic(c, { title: "Rubrik", day: "2027-03-02" });
    await env.DB.prepare(
      "INSERT INTO meeting_topics (community_id, meeting_day, topic_id, source, decided_at) VALUES (?, '2027-03-16', ?, 'host', '2027-03-10T00:00:00Z')",
    )
      .bind(c, id)
      .run();
    expect((await find(c, "rubrik"))[0]?.meetingDay).toBe("2027-03-16");
  });

  it("any input that leaves words runs as a valid FTS5 query", async () => {
    const c = await community();
    await seedEntry(c, { day: "2027-03-02", number: 1, kind: "note", body: "Rubrik penilaian" });
    for (const input of [
      'body:"x"',
      "NEAR(a b)",
      "a* ^b",
      '"unterminated',
      "a AND",
      "x'); DROP TABLE topics;--",
    ])
      await expect(find(c, input), input).resolves.toBeInstanceOf(Array);
    expect(what(await find(c, "x'); DROP TABLE meeting_entries;-- rubrik"))).toEqual(["note 1"]);
  });
});
