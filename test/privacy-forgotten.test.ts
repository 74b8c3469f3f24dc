import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { jobDepsAt } from "../src/compose.ts";
import { createDb } from "../src/db/client.ts";
import { createCommunityStore } from "../src/db/store.ts";
import { syncCommunity } from "../src/features/membership/member-sync-job.ts";
import { resetDb, snapshot } from "./support/db.ts";
import { packedButton, slackButton } from "./support/interactions.ts";
import { countWhere, eventRequest, outboxKeys, slackEvent, slackUser } from "./support/membership.ts";
import { RecordingQueue } from "./support/queue.ts";
import { MEMBER, MODERATOR, slashCommand } from "./support/slack.ts";
import { isolate, outboxQueue, resetStandins, sentTo, testEnv } from "./support/worker.ts";

const HOUR = 60 * 60 * 1000;
const worker = isolate({ now: () => new Date(), sessionCacheMs: 0 });
const depsAt = (now: Date) => jobDepsAt(testEnv({ OUTBOX: new RecordingQueue().asQueue() }))(now);
const ayuRows = () => countWhere("members", "platform_user_id = ?", MEMBER);
const lastReply = async () =>
  JSON.stringify((await sentTo("slack")).filter((c) => c.method === "response_url").at(-1)?.body);

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
});

/**
 * A Slack community past its first full member sync (so anyone new would be welcomed), where Ayu
 * (U0MEMBER) pressed "Erase my data". Returns the community and her old members row id.
 */
async function forgottenAyu() {
  await worker(await slashCommand("help"));
  const community = await env.DB.prepare("SELECT * FROM communities").first<{ id: number }>();
  const id = community?.id ?? 0;
  await syncCommunity(depsAt(new Date(Date.now() - 2 * HOUR)), id);
  const old = await env.DB.prepare("SELECT id FROM members WHERE platform_user_id = ?")
    .bind(MEMBER)
    .first<{ id: number }>();
  await worker(await slackButton(packedButton(id, "privacy.forget")));
  expect(await ayuRows()).toBe(0);
  expect(await countWhere("forgotten_members")).toBe(1);
  return { communityId: id, oldId: old?.id ?? 0 };
}

describe("forget stays forgotten", () => {
  it("keeps a salted hash, never the id", async () => {
    await forgottenAyu();
    const row = await env.DB.prepare("SELECT user_hash FROM forgotten_members").first<{
      user_hash: string;
    }>();
    expect(row?.user_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await snapshot()).not.toContain(MEMBER);
  });

  it("a join event, and its retry, make no row and no welcome", async () => {
    await forgottenAyu();
    const before = await snapshot();
    const join = slackEvent("Ev0BACK1", { type: "team_join", user: slackUser(MEMBER) });
    expect((await worker(await eventRequest(join))).status).toBe(200);
    expect((await worker(await eventRequest(join, 1))).status).toBe(200);
    expect(await ayuRows()).toBe(0);
    expect(await outboxKeys()).not.toContain(`welcome:${MEMBER}`);
    expect(await snapshot()).toBe(before);
  });

  it("the hourly sync listing her makes no row, no welcome and keeps no page entry", async () => {
    const { communityId } = await forgottenAyu();
    await syncCommunity(depsAt(new Date(Date.now() + HOUR)), communityId);
    expect(await ayuRows()).toBe(0);
    expect(await outboxKeys()).not.toContain(`welcome:${MEMBER}`);
    expect(await snapshot()).not.toContain(MEMBER);
    // The others are still synced.
    expect(await countWhere("members", "platform_user_id = ?", MODERATOR)).toBe(1);
  });

  it("her next command is answered privately, and nothing is written", async () => {
    await forgottenAyu();
    const before = await snapshot();
    const answer = await (await worker(await slashCommand("profile show"))).text();
    expect(answer).toContain("You asked guyub to forget you");
    expect(answer).toContain("/cop join");
    expect(answer).toContain("ephemeral");
    expect(await snapshot()).toBe(before);
  });

  it("her press of an old button changes nothing", async () => {
    const { communityId } = await forgottenAyu();
    const before = await snapshot();
    await worker(await slackButton(packedButton(communityId, "intro.open")));
    await worker(await slackButton(packedButton(communityId, "privacy.forget")));
    expect(await snapshot()).toBe(before);
    expect(await lastReply()).not.toContain("is erased");
  });

  it("a moderator naming her, or a join racing the check, creates no row", async () => {
    const { communityId } = await forgottenAyu();
    const added = await (
      await worker(await slashCommand(`moderators add <@${MEMBER}|ayu>`, { user_id: MODERATOR }))
    ).text();
    expect(added).toContain("asked guyub to forget them");
    expect(await ayuRows()).toBe(0);
    const community = { id: communityId, platform: "slack", workspaceId: "T0GUYUB01" } as const;
    const store = createCommunityStore(createDb(env.DB), env.DB, env);
    await store.apply(
      { ...community, name: null, locale: "en", timezone: "UTC", moderatorRoleId: null },
      [
        { type: "member.join", userId: MEMBER, displayName: "Ayu", welcome: true },
        { type: "moderator.grant", userId: MEMBER },
      ],
      null,
      new Date(),
    );
    expect(await ayuRows()).toBe(0);
  });

  it("/cop join brings her back as a fresh member (a new row, welcomed), off the list", async () => {
    const { oldId } = await forgottenAyu();
    const answer = await (await worker(await slashCommand("join"))).text();
    expect(answer).not.toContain("forget you");
    const row = await env.DB.prepare("SELECT id, status FROM members WHERE platform_user_id = ?")
      .bind(MEMBER)
      .first<{ id: number; status: string }>();
    expect(row?.status).toBe("active");
    expect(row?.id).not.toBe(oldId);
    expect(await countWhere("forgotten_members")).toBe(0);
    expect(await outboxKeys()).toContain(`welcome:${MEMBER}`);
    // From then on she is an ordinary member.
    expect(await (await worker(await slashCommand("help"))).text()).not.toContain("forget you");
  });
});
