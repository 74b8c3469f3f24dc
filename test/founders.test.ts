import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { jobDepsAt } from "../src/compose.ts";
import { syncCommunity } from "../src/features/membership/member-sync-job.ts";
import { resetDb } from "./support/db.ts";
import { deliverAll, dispatchAt, rows, slackAt, slackTraffic } from "./support/meetings.ts";
import { eventRequest, memberRow, outboxKeys, slackEvent, slackUser } from "./support/membership.ts";
import { RecordingQueue } from "./support/queue.ts";
import { MEMBER, MODERATOR, slashCommand } from "./support/slack.ts";
import { configureStandins } from "./support/standins.ts";
import { isolate, outboxQueue, resetStandins, testEnv } from "./support/worker.ts";

// Wednesday 24 February 2027, 10:00 in Jakarta: guyub was just installed.
const INSTALL = new Date("2027-02-24T03:00:00Z");
const HOUR = 60 * 60 * 1000;

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
});

const communityId = async () => Number((await rows("SELECT id FROM communities"))[0]?.id);
const sync = async (at: Date) =>
  syncCommunity(jobDepsAt(testEnv({ OUTBOX: new RecordingQueue().asQueue() }))(at), await communityId());
const founder = async (userId: string) => (await memberRow(userId))?.founder;

describe("founders: here before guyub", () => {
  it("whoever guyub meets before its first full sync is a founder and never welcomed; after it, newcomers are welcomed", async () => {
    const worker = isolate();
    const now = new Date();
    await worker(await slashCommand("help", { user_id: "U0EARLY" })); // a command before any sync
    await worker(await slashCommand("moderators add <@U0NAMED>", { user_id: MODERATOR }));
    // Someone joining the workspace now is new, sync or no sync.
    await worker(
      await eventRequest(slackEvent("Ev0JOIN", { type: "team_join", user: slackUser("U0JOINED") })),
    );
    await sync(now); // the first full pass: U0MEMBER, U0MODERATOR, U0OWNER
    for (const id of ["U0EARLY", "U0NAMED", MEMBER, MODERATOR, "U0OWNER"])
      expect(await founder(id), id).toBe(1);
    expect(await founder("U0JOINED")).toBe(0);
    expect(await outboxKeys()).toEqual(["welcome:U0JOINED"]);

    // After it: a first command and a later sync meet newcomers, each welcomed once.
    await worker(await slashCommand("help", { user_id: "U0LATECOMER" }));
    await configureStandins({ slackUserCount: 6 }); // one more person: U0M00001
    await sync(new Date(now.getTime() + HOUR));
    expect(await founder("U0LATECOMER")).toBe(0);
    expect(await founder("U0M00001")).toBe(0);
    expect(await outboxKeys()).toEqual(["welcome:U0JOINED", "welcome:U0LATECOMER", "welcome:U0M00001"]);
    // A founder's later commands change nothing about it.
    await worker(await slashCommand("join", { user_id: "U0EARLY" }));
    expect(await founder("U0EARLY")).toBe(1);
  });

  it("right after install the first meeting has a host, named by /cop rotation show and the announcement", async () => {
    await slackAt(INSTALL, "timezone Asia/Jakarta");
    await slackAt(INSTALL, "onboarding channel <#C0GENERAL|general>");
    await slackAt(INSTALL, "meeting schedule weekly tue 19:00");
    await sync(INSTALL);
    // Nobody answered an intro and everyone was met today: only being here before guyub counts.
    expect(await rows("SELECT count(*) AS n FROM profiles")).toEqual([{ n: 0 }]);
    const show = await slackAt(INSTALL, "rotation show", MEMBER);
    expect(show).not.toContain("nobody can host yet");
    expect(show).toContain("Tuesday, 2 March 2027 at 19:00 GMT+7: <@U0MEMBER>");

    expect(await dispatchAt(new Date("2027-02-27T02:00:00Z"))).toEqual(["meeting-announce 2027-03-02"]);
    await deliverAll();
    const announcement = JSON.stringify((await slackTraffic()).posts[0]?.body);
    expect(announcement).toContain("<@U0MEMBER>");
    expect(announcement).not.toContain("not chosen yet");
  });
});

describe("migration 0011 marks the members already stored", () => {
  it("never welcomed and met no later than the first full sync (or before any sync): founders; welcomed ones are not", async () => {
    const migration = env.TEST_MIGRATIONS.find((m) => m.name.startsWith("0011_"));
    const backfill = migration?.queries.find((q) => q.includes("UPDATE members SET founder = 1"));
    expect(backfill).toBeDefined();
    const at = (h: number) => new Date(INSTALL.getTime() + h * HOUR).toISOString();
    const community = async (workspace: string, firstSync: string | null) => {
      const row = await env.DB.prepare(
        "INSERT INTO communities (platform, workspace_id, locale, created_at, updated_at) VALUES ('slack', ?, 'en', ?, ?) RETURNING id",
      )
        .bind(workspace, at(0), at(0))
        .first<{ id: number }>();
      const id = row?.id ?? 0;
      if (firstSync)
        await env.DB.prepare(
          "INSERT INTO member_sync (community_id, first_completed_at, updated_at) VALUES (?, ?, ?)",
        )
          .bind(id, firstSync, firstSync)
          .run();
      return id;
    };
    const member = (communityId: number, user: string, created: string, welcomed: string | null) =>
      env.DB.prepare(
        "INSERT INTO members (community_id, platform_user_id, joined_at, welcomed_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
      )
        .bind(communityId, user, created, welcomed, created, created)
        .run();
    const synced = await community("T0SYNCED", at(1));
    await member(synced, "U0BEFORE", at(0), null); // met by a command before the sync
    await member(synced, "U0FOUND", at(1), null); // found by the first sync (its last page)
    await member(synced, "U0EVENT", at(0), at(0)); // joined and welcomed before the sync
    await member(synced, "U0AFTER", at(2), null); // met after it, welcome not written
    const unsynced = await community("T0UNSYNCED", null);
    await member(unsynced, "U0WAITING", at(3), null);
    await env.DB.prepare(backfill ?? "").run();
    const founders = await rows("SELECT platform_user_id AS id FROM members WHERE founder = 1 ORDER BY id");
    expect(founders.map((r) => r.id)).toEqual(["U0BEFORE", "U0FOUND", "U0WAITING"]);
  });
});
