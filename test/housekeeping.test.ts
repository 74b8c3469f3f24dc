import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { jobDepsAt } from "../src/compose.ts";
import { housekeeping } from "../src/jobs/housekeeping.ts";
import { resetDb } from "./support/db.ts";
import { seedCommunity } from "./support/delivery.ts";
import { testEnv } from "./support/worker.ts";

const NOW = new Date("2027-03-02T03:00:00Z");
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();
const count = async (table: string) =>
  (await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>())?.n ?? 0;

beforeEach(resetDb);

describe("housekeeping", () => {
  it("prunes ingress ids and form drafts older than a day, keeps newer ones", async () => {
    const community = await seedCommunity("slack");
    await env.DB.batch([
      env.DB.prepare("INSERT INTO processed_events (key, received_at) VALUES ('old', ?), ('new', ?)").bind(
        hoursAgo(25),
        hoursAgo(1),
      ),
      env.DB.prepare(
        "INSERT INTO form_drafts (community_id, user_id, form_id, answers, updated_at) VALUES (?, 'U1', 'f', '{}', ?), (?, 'U2', 'f', '{}', ?)",
      ).bind(community.id, hoursAgo(30), community.id, hoursAgo(2)),
    ]);
    await housekeeping.run(jobDepsAt(testEnv())(NOW), { communityId: 0, period: "2027-03-02" });
    expect(await count("processed_events")).toBe(1);
    expect(await count("form_drafts")).toBe(1);
  });
  it("erases dashboard links and sessions a day after they expired, keeps the rest", async () => {
    const community = await seedCommunity("slack");
    const row = (table: string, hash: string, expires: string) =>
      table === "dashboard_links"
        ? env.DB.prepare(
            "INSERT INTO dashboard_links (token_hash, community_id, user_id, expires_at, used_at, created_at) VALUES (?, ?, 'U1', ?, NULL, ?)",
          ).bind(hash, community.id, expires, expires)
        : env.DB.prepare(
            "INSERT INTO dashboard_sessions (session_hash, community_id, user_id, expires_at, created_at) VALUES (?, ?, 'U1', ?, ?)",
          ).bind(hash, community.id, expires, expires);
    await env.DB.batch([
      row("dashboard_links", "a".repeat(64), hoursAgo(25)),
      row("dashboard_links", "b".repeat(64), hoursAgo(23)),
      row("dashboard_sessions", "c".repeat(64), hoursAgo(25)),
      row("dashboard_sessions", "d".repeat(64), hoursAgo(1)),
    ]);
    await housekeeping.run(jobDepsAt(testEnv())(NOW), { communityId: 0, period: "2027-03-02" });
    expect(await count("dashboard_links")).toBe(1);
    expect(await count("dashboard_sessions")).toBe(1);
  });
});
