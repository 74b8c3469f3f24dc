import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import type { Effect } from "../src/core/model.ts";
import { foldTitle } from "../src/features/topics/fold.ts";
import { resetDb } from "./support/db.ts";
import { memberContext, realStore } from "./support/profiles.ts";

/** The store applies the topic effects with the rules in SQL: the guards hold without the handlers. */

const NOW = new Date("2026-12-01T12:00:00Z");
const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);
const suggest = (title: string, by: string | null = "U0MEMBER", brake = true): Effect => ({
  type: "topic.suggest",
  title,
  titleKey: foldTitle(title),
  details: null,
  suggestedBy: by,
  source: by === null ? "intro" : "member",
  voter: by ?? "U0INTRO",
  brake,
});
const count = async (table: string) =>
  (await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>())?.n ?? 0;

beforeEach(resetDb);

describe("topic effects in SQL", () => {
  it("the spam brake refuses the eleventh topic within a minute, even applied in one batch", async () => {
    const { community } = await memberContext("slack", "U0MEMBER", { now: NOW });
    const store = realStore();
    // Eleven suggestions in ONE batch: no handler read can stop them; only the INSERT's own count can.
    const effects = Array.from({ length: 11 }, (_, i) => suggest(`Topic ${i}`));
    await store.apply(community, effects, null, NOW, { ingressKey: "batch-1" });
    expect(await count("topics")).toBe(10);
    expect(await count("topic_votes")).toBe(10);
    // A minute later the window has moved on.
    await store.apply(community, [suggest("Topic 11")], null, at(61));
    expect(await count("topics")).toBe(11);
    // Unnamed intro needs carry no suggester to count.
    await store.apply(community, [suggest("A need", null, false)], null, at(62));
    expect(await count("topics")).toBe(12);
  });

  it("a second topic with the same folded title becomes a vote; a second vote changes nothing", async () => {
    const { community } = await memberContext("slack", "U0MEMBER", { now: NOW });
    const store = realStore();
    await store.apply(community, [suggest("Kelas besar!")], null, NOW, { ingressKey: "a" });
    await store.apply(community, [suggest("  kélas   BESAR ", "U0OTHER")], null, NOW, { ingressKey: "b" });
    expect(await count("topics")).toBe(1);
    expect(await count("topic_votes")).toBe(2);
    const [topic] = await store.topics.backlog(community.id, "U0OTHER");
    expect(topic).toMatchObject({ title: "Kelas besar!", votes: 2, mine: true });
    const vote: Effect = { type: "topic.vote", topicId: topic?.id ?? 0, userId: "U0OTHER" };
    // Two deliveries (different ingress keys) of the same vote: the primary key keeps one.
    await store.apply(community, [vote], null, NOW, { ingressKey: "c" });
    await store.apply(community, [vote], null, NOW, { ingressKey: "d" });
    expect(await count("topic_votes")).toBe(2);
  });
});
