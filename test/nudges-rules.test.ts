import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { createDb } from "../src/db/client.ts";
import { createCommunityStore } from "../src/db/store.ts";
import { resetDb } from "./support/db.ts";
import { seedCommunity } from "./support/delivery.ts";
import { nudgeRows, runNudges, type SeedMember, seedMembers } from "./support/nudges.ts";

const store = () => createCommunityStore(createDb(env.DB), env.DB);
/** 09:00 UTC (the seeded communities' zone): quiet = last seen on or before 2027-02-08. */
const NINE = new Date("2027-03-01T09:00:00Z");
const nextDay = (at: Date, days = 1) => new Date(at.getTime() + days * 86_400_000);

beforeEach(resetDb);

/** Each row: a member and whether today's run nudges them, with the rule that decides. */
const RULES: readonly (SeedMember & { nudged: boolean; why: string })[] = [
  { user: "U0QUIET", nudged: true, why: "quiet 59 days, active, past the first week" },
  { user: "U0NEVER", lastActiveOn: null, nudged: true, why: "never active, stored long ago" },
  { user: "U0RECENT", lastActiveOn: "2027-02-20", nudged: false, why: "recently active" },
  { user: "U0EDGE", lastActiveOn: "2027-02-08", nudged: true, why: "exactly 21 days quiet" },
  { user: "U0EDGE2", lastActiveOn: "2027-02-09", nudged: false, why: "20 days quiet" },
  {
    user: "U0ARRIVED",
    createdAt: "2027-02-20T00:00:00.000Z",
    joinedAt: "2024-01-01T00:00:00.000Z",
    lastActiveOn: null,
    nudged: false,
    why: "guyub first stored them 9 days ago: quiet counts from then",
  },
  {
    user: "U0NEW",
    joinedAt: "2027-02-26T00:00:00.000Z",
    nudged: false,
    why: "joined 3 days ago: the first week is theirs",
  },
  { user: "U0SNOOZED", snoozedUntil: "2027-03-10", nudged: false, why: "snoozed" },
  { user: "U0WOKE", snoozedUntil: "2027-03-01", nudged: true, why: "snooze ended today" },
  { user: "U0READER", optedOut: true, nudged: false, why: "just reading" },
  { user: "U0ALUMNI", status: "alumni", nudged: false, why: "alumni" },
  { user: "U0PAUSED", status: "paused", nudged: false, why: "paused member" },
  { user: "U0COOLDOWN", lastNudgedAt: "2027-02-15T09:00:00.000Z", nudged: false, why: "nudged 14 days ago" },
  { user: "U0COOLED", lastNudgedAt: "2027-01-15T09:00:00.000Z", nudged: true, why: "nudged 45 days ago" },
];

describe("who gets a nudge", () => {
  it("follows the rules, row by row", async () => {
    const community = await seedCommunity("slack");
    await seedMembers(community.id, RULES);
    const run = await runNudges(NINE);
    expect(run.periods).toEqual(["2027-03-01"]);
    const nudged = new Set((await nudgeRows()).map((r) => r.target));
    const outcome = RULES.map((r) => ({ user: r.user, why: r.why, nudged: nudged.has(r.user) }));
    expect(outcome).toEqual(RULES.map((r) => ({ user: r.user, why: r.why, nudged: r.nudged })));
    expect(run.queued).toHaveLength(RULES.filter((r) => r.nudged).length);
  });

  it("a paused community nudges nobody", async () => {
    const community = await seedCommunity("slack");
    await seedMembers(community.id, [{ user: "U0QUIET" }]);
    await store().apply(community, [{ type: "nudge.settings", paused: true }], null, NINE);
    expect((await runNudges(NINE)).queued).toEqual([]);
    expect(await nudgeRows()).toEqual([]);
    await store().apply(community, [{ type: "nudge.settings", paused: false }], null, NINE);
    expect((await runNudges(nextDay(NINE))).queued).toHaveLength(1);
  });

  it("a community whose members' messages guyub cannot see (Telegram's privacy mode) nudges nobody until it can", async () => {
    const community = await seedCommunity("telegram");
    await seedMembers(community.id, [{ user: "7000100" }]);
    const visibility = (problem: string | null) =>
      env.DB.prepare(
        `INSERT INTO activity_channels (community_id, channel_id, last_error, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (community_id, channel_id) DO UPDATE SET last_error = excluded.last_error`,
      )
        .bind(community.id, community.workspaceId, problem, NINE.toISOString())
        .run();
    await visibility("messages_hidden");
    expect((await runNudges(NINE)).queued).toEqual([]);
    expect(await nudgeRows()).toEqual([]);
    await visibility(null);
    expect((await runNudges(nextDay(NINE))).queued).toHaveLength(1);
  });

  it("a member nudged once is not nudged again within the cooldown, even when the job runs twice", async () => {
    const community = await seedCommunity("slack");
    await seedMembers(community.id, [{ user: "U0QUIET" }, { user: "U0OTHER" }]);
    expect((await runNudges(NINE)).queued).toHaveLength(2);
    // The same day again (a second claim, a redelivered job): nothing more.
    await env.DB.prepare("DELETE FROM job_runs").run();
    expect((await runNudges(NINE)).queued).toEqual([]);
    // Within the 30-day cooldown: nothing (the next day, mid-way, its last day); then both again.
    for (const day of [1, 15, 29]) expect((await runNudges(nextDay(NINE, day))).queued).toEqual([]);
    expect((await runNudges(nextDay(NINE, 30))).queued).toHaveLength(2);
    expect((await nudgeRows()).map((r) => r.key)).toEqual([
      "nudge:2027-03-01:U0QUIET",
      "nudge:2027-03-01:U0OTHER",
      "nudge:2027-03-31:U0QUIET",
      "nudge:2027-03-31:U0OTHER",
    ]);
  });

  it("sends at most the day's cap, longest quiet first, and the rest on later days", async () => {
    const community = await seedCommunity("slack");
    await seedMembers(community.id, [
      { user: "U0C", lastActiveOn: "2027-01-03" },
      { user: "U0A", lastActiveOn: "2026-12-01" },
      { user: "U0B", lastActiveOn: "2027-01-02" },
    ]);
    await store().apply(community, [{ type: "nudge.settings", perDay: 2 }], null, NINE);
    await runNudges(NINE);
    expect((await nudgeRows()).map((r) => r.target)).toEqual(["U0A", "U0B"]);
    await env.DB.prepare("DELETE FROM job_runs").run();
    await runNudges(NINE); // the cap counts what today's earlier run sent
    expect(await nudgeRows()).toHaveLength(2);
    await runNudges(nextDay(NINE));
    expect((await nudgeRows()).map((r) => r.target)).toEqual(["U0A", "U0B", "U0C"]);
  });

  it("writes each member their own message: their mention, and a topic matching their needs", async () => {
    const community = await seedCommunity("slack");
    await env.DB.prepare(
      "INSERT INTO topics (community_id, title, title_key, status, created_at, updated_at) VALUES (?, ?, ?, 'open', ?, ?), (?, ?, ?, 'open', ?, ?)",
    )
      .bind(
        community.id,
        "Assessment rubrics for <vocational> schools",
        "assessment rubrics for vocational schools",
        "2027-01-01",
        "2027-01-01",
        community.id,
        "Classroom management",
        "classroom management",
        "2027-01-01",
        "2027-01-01",
      )
      .run();
    await seedMembers(community.id, [
      { user: "U0RUBRICS", needs: "Help with RUBRICS for my class" },
      { user: "U0OTHER", needs: "time" },
    ]);
    await runNudges(NINE);
    const rows = await nudgeRows();
    const texts = (userId: string) => JSON.stringify(rows.find((r) => r.target === userId)?.message);
    expect(texts("U0RUBRICS")).toContain('{"user":"U0RUBRICS"}');
    expect(texts("U0RUBRICS")).toContain(
      "close to this suggested topic: Assessment rubrics for <vocational> schools",
    );
    expect(texts("U0OTHER")).toContain('{"user":"U0OTHER"}');
    expect(texts("U0OTHER")).not.toContain("backlog");
    expect(texts("U0OTHER")).not.toContain("U0RUBRICS");
  });

  it("never quotes a member's own need back to her as a topic close to it", async () => {
    const community = await seedCommunity("slack");
    // Her intro need became a topic carrying her vote; a neighbour's topic shares a word too.
    await env.DB.prepare(
      "INSERT INTO topics (id, community_id, title, title_key, source, status, created_at, updated_at) VALUES (901, ?, 'Assessing practical work', 'assessing practical work', 'intro', 'open', '2027-01-01', '2027-01-01'), (902, ?, 'Group work in practical classes', 'group work in practical classes', 'member', 'open', '2027-01-01', '2027-01-01')",
    )
      .bind(community.id, community.id)
      .run();
    await env.DB.prepare(
      "INSERT INTO topic_votes (community_id, topic_id, user_id, voted_at) VALUES (?, 901, 'U0OWN', '2027-01-01')",
    )
      .bind(community.id)
      .run();
    await seedMembers(community.id, [
      { user: "U0OWN", needs: "Assessing practical work" },
      { user: "U0ONLYMINE", needs: "assessing" },
    ]);
    await env.DB.prepare(
      "INSERT INTO topic_votes (community_id, topic_id, user_id, voted_at) VALUES (?, 901, 'U0ONLYMINE', '2027-01-01')",
    )
      .bind(community.id)
      .run();
    await runNudges(NINE);
    const rows = await nudgeRows();
    const text = (userId: string) => JSON.stringify(rows.find((r) => r.target === userId)?.message);
    // Not her own topic: the next closest one she does not support yet.
    expect(text("U0OWN")).not.toContain("Assessing practical work");
    expect(text("U0OWN")).toContain("close to this suggested topic: Group work in practical classes");
    // Only her own topic matches: no topic line at all.
    expect(text("U0ONLYMINE")).not.toContain("suggested topic");
  });
});
