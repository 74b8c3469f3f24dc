import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { jobDepsAt } from "../src/compose.ts";
import { createDb } from "../src/db/client.ts";
import { createCommunityStore } from "../src/db/store.ts";
import { memberSync, syncCommunity } from "../src/features/membership/member-sync-job.ts";
import type { JobDeps } from "../src/jobs/job-kind.ts";
import { resetDb } from "./support/db.ts";
import { seedCommunity } from "./support/delivery.ts";
import { commandInteraction, DISCORD_MEMBER, GUILD, signedDiscord, sub } from "./support/discord.ts";
import { countWhere, memberRow, outboxKeys, syncRow } from "./support/membership.ts";
import { RecordingQueue } from "./support/queue.ts";
import { slashCommand } from "./support/slack.ts";
import { configureStandins, injectFault } from "./support/standins.ts";
import { isolate, outboxQueue, resetStandins, testEnv } from "./support/worker.ts";

const AT = new Date("2027-03-02T09:00:00Z");
const HOUR = 60 * 60 * 1000;
const HUMANS = "status = 'active' AND platform_user_id LIKE '2%'";

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
  // Plenty of room: these tests are about pages and cursors, not Discord's member bucket.
  await configureStandins({ discordLimits: { members: { limit: 1000, windowMs: 1000 } } });
});

/** Job deps at a moment, optionally with a smaller page budget per run. */
function depsAt(now: Date, pagesPerRun?: number): JobDeps & { queue: RecordingQueue } {
  const queue = new RecordingQueue();
  const deps = jobDepsAt(testEnv({ OUTBOX: queue.asQueue() }))(now);
  if (pagesPerRun === undefined) return { ...deps, queue };
  const directory: JobDeps["directory"] = (platform, workspaceId) => {
    const real = deps.directory?.(platform, workspaceId);
    return real ? { ...real, page: real.page, pagesPerRun } : null;
  };
  return { ...deps, directory, queue };
}

describe("Discord member sync", () => {
  it("reads 2,500 members in 3 pages; interrupted after page 1, it resumes with no duplicates and welcomes nobody", async () => {
    await configureStandins({ discordMemberCount: 2500 }); // the bot and 2,499 people
    const community = await seedCommunity("discord", GUILD);

    // Page 1 only, then a run whose next call fails half-way: the queue would retry it.
    expect(await syncCommunity(depsAt(AT, 1), community.id)).toEqual({ status: "done" });
    expect(await syncRow()).toMatchObject({ pages: 1, seen: 999, pass_started_at: AT.toISOString() });
    await injectFault({ platform: "discord", match: `GET /guilds/${GUILD}/members`, status: 500 });
    await expect(syncCommunity(depsAt(AT), community.id)).rejects.toThrow(/500/);
    expect(await syncRow()).toMatchObject({
      pages: 1,
      seen: 999,
      last_error: expect.stringContaining("500"),
    });

    // The retry carries on from the saved cursor.
    expect(await syncCommunity(depsAt(AT), community.id)).toEqual({ status: "done" });
    expect(await countWhere("members")).toBe(2499);
    expect(await countWhere("members", HUMANS)).toBe(2499);
    expect(await syncRow()).toMatchObject({
      pass_started_at: null,
      cursor: null,
      last_seen: 2499,
      last_joined: 0,
      last_left: 0,
      first_completed_at: AT.toISOString(),
      last_error: null,
    });
    expect(await outboxKeys()).toEqual([]); // the first sync takes everyone as they are
    expect(await memberRow("100000000000000001")).toBeNull(); // the bot
    // Discord's own join date is kept for people found by the sync.
    expect((await memberRow("200000000000000001"))?.joined_at).toBe("2024-01-15T03:01:00.000Z");
  });

  it("two runs reaching the same pages at once apply each page once", async () => {
    await configureStandins({ discordMemberCount: 2500 });
    const community = await seedCommunity("discord", GUILD);
    const results = await Promise.all([
      syncCommunity(depsAt(AT), community.id),
      syncCommunity(depsAt(AT), community.id),
    ]);
    expect(results.map((r) => r.status).sort()).toContain("done");
    expect(await syncRow()).toMatchObject({ last_seen: 2499, pass_started_at: null });
    expect(await countWhere("members")).toBe(2499);
  });

  it("a later sync welcomes only the newcomers and marks the missing as alumni", async () => {
    await configureStandins({ discordMemberCount: 2500 });
    const community = await seedCommunity("discord", GUILD);
    await syncCommunity(depsAt(AT), community.id);
    // Someone guyub meets through a command (welcomed: new since the first sync), not in the server.
    await isolate()(await signedDiscord(commandInteraction([sub("help")])));
    expect(await outboxKeys()).toEqual([`welcome:${DISCORD_MEMBER}`]);
    const syncWelcomes = async () => (await outboxKeys()).filter((key) => key.startsWith("welcome:2"));

    // 50 people join.
    await configureStandins({ discordMemberCount: 2550 });
    const second = depsAt(new Date(AT.getTime() + HOUR));
    expect(await syncCommunity(second, community.id)).toEqual({ status: "done" });
    const welcomes = await syncWelcomes();
    expect(welcomes).toHaveLength(50);
    expect(welcomes).toContain("welcome:200000000000002500"); // the 2,500th person
    expect(welcomes).not.toContain("welcome:200000000000002499");
    expect(second.queue.take()).toHaveLength(50);
    expect(await syncRow()).toMatchObject({ last_seen: 2549, last_joined: 50, last_left: 1 });
    expect(await memberRow(DISCORD_MEMBER)).toMatchObject({ status: "alumni", left_reason: "gone" });

    // 150 leave; nobody new: no welcome.
    await configureStandins({ discordMemberCount: 2400 });
    await syncCommunity(depsAt(new Date(AT.getTime() + 2 * HOUR)), community.id);
    expect(await syncWelcomes()).toHaveLength(50);
    expect(await countWhere("members", HUMANS)).toBe(2399);
    expect(await countWhere("members", "status = 'alumni' AND left_reason = 'gone'")).toBe(151);
    expect(await syncRow()).toMatchObject({ last_seen: 2399, last_joined: 0, last_left: 150 });

    // 10 of them come back: active again, and not welcomed a second time.
    await configureStandins({ discordMemberCount: 2410 });
    await syncCommunity(depsAt(new Date(AT.getTime() + 3 * HOUR)), community.id);
    expect(await countWhere("members", HUMANS)).toBe(2409);
    expect(await syncWelcomes()).toHaveLength(50);
    expect(await syncRow()).toMatchObject({ last_joined: 10, last_left: 0 });
  });

  it("a listing that returns nobody never marks anyone as gone", async () => {
    await configureStandins({ discordMemberCount: 5 });
    const community = await seedCommunity("discord", GUILD);
    await syncCommunity(depsAt(AT), community.id);
    await configureStandins({ discordMemberCount: 0 });
    await syncCommunity(depsAt(new Date(AT.getTime() + HOUR)), community.id);
    expect(await countWhere("members", "status = 'active'")).toBe(4);
  });

  it("without access to the member list it records why and waits an hour", async () => {
    const community = await seedCommunity("discord", GUILD);
    await injectFault({
      platform: "discord",
      match: `GET /guilds/${GUILD}/members`,
      status: 403,
      body: { message: "Missing Access", code: 50001 },
    });
    const result = await syncCommunity(depsAt(AT), community.id);
    expect(result).toMatchObject({
      status: "skipped",
      reason: expect.stringContaining("Server Members Intent"),
    });
    expect(await syncRow()).toMatchObject({ next_run_at: new Date(AT.getTime() + HOUR).toISOString() });
    expect(await memberSync.due(depsAt(AT))).toEqual([]);
    expect(await memberSync.due(depsAt(new Date(AT.getTime() + HOUR)))).toHaveLength(1);
  });
});

describe("Slack member sync", () => {
  it("the first run welcomes nobody; bots, Slackbot and deactivated users are not members", async () => {
    const community = await seedCommunity("slack");
    expect(await syncCommunity(depsAt(AT), community.id)).toEqual({ status: "done" });
    const rows = await env.DB.prepare("SELECT platform_user_id FROM members ORDER BY platform_user_id").all();
    expect(rows.results.map((r) => r.platform_user_id)).toEqual(["U0MEMBER", "U0MODERATOR", "U0OWNER"]);
    expect(await outboxKeys()).toEqual([]);
    expect(await syncRow()).toMatchObject({ last_seen: 3, first_completed_at: AT.toISOString() });
  });

  it("a later run welcomes the new members; a deactivated member becomes an alumnus", async () => {
    const community = await seedCommunity("slack");
    await syncCommunity(depsAt(AT), community.id);
    // Known to guyub (a moderator listed them), since deactivated in Slack.
    await env.DB.prepare(
      "INSERT INTO members (community_id, platform_user_id, joined_at, created_at, updated_at) VALUES (?, 'U0DEACTIVATED', ?, ?, ?)",
    )
      .bind(community.id, AT.toISOString(), AT.toISOString(), AT.toISOString())
      .run();
    // U0OWNER stepped back with /cop leave: still listed by Slack, and must stay stepped back.
    await createCommunityStore(createDb(env.DB), env.DB).apply(
      community,
      [{ type: "member.leave", userId: "U0OWNER", reason: "self" }],
      null,
      AT,
    );
    await configureStandins({ slackUserCount: 7 }); // two more: U0M00001, U0M00002
    await syncCommunity(depsAt(new Date(AT.getTime() + HOUR)), community.id);
    expect(await outboxKeys()).toEqual(["welcome:U0M00001", "welcome:U0M00002"]);
    expect(await memberRow("U0DEACTIVATED")).toMatchObject({ status: "alumni", left_reason: "gone" });
    expect(await memberRow("U0OWNER")).toMatchObject({ status: "alumni", left_reason: "self" });
  });
});

describe("newcomers met through a command", () => {
  it("before the first sync nobody is welcomed; after it, a first command welcomes", async () => {
    const worker = isolate();
    await worker(await slashCommand("help", { user_id: "U0EARLY" }));
    expect(await outboxKeys()).toEqual([]);
    const community = (await env.DB.prepare("SELECT id FROM communities").first<{ id: number }>())?.id ?? 0;
    await syncCommunity(depsAt(AT), community);
    await worker(await slashCommand("help", { user_id: "U0LATECOMER" }));
    await worker(await slashCommand("help", { user_id: "U0LATECOMER" }));
    await worker(await slashCommand("join", { user_id: "U0EARLY" }));
    expect(await outboxKeys()).toEqual(["welcome:U0LATECOMER"]);
    expect(outboxQueue.take()).toHaveLength(1);
    expect((await memberRow("U0LATECOMER"))?.welcomed_at).not.toBeNull();
  });
});
