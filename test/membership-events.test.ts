import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { createDb } from "../src/db/client.ts";
import { activeMembersQuery } from "../src/db/members.ts";
import { createCommunityStore } from "../src/db/store.ts";
import { recordJoin } from "../src/features/membership/events.ts";
import { resetDb } from "./support/db.ts";
import { drain, outboxRows, testDelivery } from "./support/delivery.ts";
import {
  countWhere,
  eventRequest,
  memberRow,
  outboxKeys,
  slackEvent,
  slackUser,
} from "./support/membership.ts";
import { MODERATOR, slashCommand, TEAM } from "./support/slack.ts";
import { markUndeliverable } from "./support/standins.ts";
import { isolate, outboxQueue, resetStandins, sentTo } from "./support/worker.ts";

const MAIN = "C0GENERAL";
const queued = () => outboxQueue.take().map((m) => (m.body as { id: number }).id);
const posts = async () => (await sentTo("slack")).filter((call) => call.method === "chat.postMessage");
const channelOf = (call: Record<string, unknown>) => (call.body as { channel: string }).channel;
/** Outbox DMs to a user, whatever their key. */
const dmsTo = (user: string) => countWhere("outbox", "kind = 'dm' AND target = ?", user);

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
});

/** guyub knows the workspace (a first command) and has a main channel. */
async function setUp(worker: (r: Request) => Promise<Response>) {
  await worker(await slashCommand("help"));
  await worker(await slashCommand(`onboarding channel <#${MAIN}|general>`, { user_id: MODERATOR }));
  expect(await env.DB.prepare("SELECT main_channel_id FROM communities").first()).toEqual({
    main_channel_id: MAIN,
  });
  outboxQueue.take();
}

const teamJoin = (eventId: string, user: Record<string, unknown>) =>
  slackEvent(eventId, { type: "team_join", user });
const channelJoin = (eventId: string, user: string, channel = MAIN) =>
  slackEvent(eventId, { type: "member_joined_channel", user, channel, channel_type: "C", team: "T0GUYUB01" });
const channelLeave = (eventId: string, user: string, channel = MAIN) =>
  slackEvent(eventId, { type: "member_left_channel", user, channel, channel_type: "C", team: "T0GUYUB01" });

describe("joining on Slack", () => {
  it("team_join delivered four times plus member_joined_channel: one member, one welcome, one DM", async () => {
    const worker = isolate();
    await setUp(worker);
    const join = teamJoin("Ev0JOIN1", slackUser("U0NEWBIE"));
    for (const retry of [undefined, 1, 2, 3]) {
      expect((await worker(await eventRequest(join, retry))).status).toBe(200);
    }
    expect((await worker(await eventRequest(channelJoin("Ev0JOIN2", "U0NEWBIE")))).status).toBe(200);

    expect(await countWhere("members", "platform_user_id = ?", "U0NEWBIE")).toBe(1);
    expect(await outboxKeys()).toEqual(["welcome:U0NEWBIE"]);
    expect(await dmsTo("U0NEWBIE")).toBe(1);
    expect((await memberRow("U0NEWBIE"))?.welcomed_at).not.toBeNull();
    const ids = queued();
    expect(ids).toHaveLength(1);
    const { deps, queue } = testDelivery();
    await drain(deps, queue, ids);
    const sent = await posts();
    expect(sent.map(channelOf)).toEqual(["D0NEWBIE"]); // the DM, nothing in the channel
    expect(JSON.stringify(sent[0]?.body)).toContain("intro.open");
  });

  it("two events racing (both read 'no such member' before either writes): one member, one welcome", async () => {
    const worker = isolate();
    await setUp(worker);
    const real = createCommunityStore(createDb(env.DB), env.DB);
    // The race window, made certain: every event sees the member as unknown.
    const store = { ...real, membership: { ...real.membership, member: async () => null } };
    const deps = { store, now: () => new Date() };
    const event = (ingressKey: string, channelId?: string) => ({
      platform: "slack" as const,
      workspaceId: TEAM,
      userId: "U0RACER",
      ingressKey,
      ...(channelId ? { channelId } : {}),
      profile: async () => ({ isBot: false, displayName: "racer" }),
    });
    const outcomes = [
      await recordJoin(deps, event("slack:T:event:Ev0RACE1")),
      await recordJoin(deps, event("slack:T:event:Ev0RACE1")), // Slack's retry of the same event
      await recordJoin(deps, event("slack:T:event:Ev0RACE2", MAIN)), // member_joined_channel
    ];
    expect(outcomes).toEqual(["welcomed", "ignored", "welcomed"]); // the retry changed nothing
    expect(await countWhere("members", "platform_user_id = ?", "U0RACER")).toBe(1);
    expect(await dmsTo("U0RACER")).toBe(1);
    expect(await outboxKeys()).toEqual(["welcome:U0RACER"]);
  });

  it("bots are never welcomed, whether the event says so or users.info does", async () => {
    const worker = isolate();
    await setUp(worker);
    await worker(await eventRequest(teamJoin("Ev0BOT1", slackUser("U0SOMEBOT", { is_bot: true }))));
    // member_joined_channel carries no is_bot: the stand-in's users.info says U0GUYUBBOT is one.
    await worker(await eventRequest(channelJoin("Ev0BOT2", "U0GUYUBBOT")));
    expect(await countWhere("members", "platform_user_id IN ('U0SOMEBOT', 'U0GUYUBBOT')")).toBe(0);
    expect(await outboxKeys()).toEqual([]);
  });

  it("joining a channel that is not the main channel is not joining the community", async () => {
    const worker = isolate();
    await setUp(worker);
    await worker(await eventRequest(channelJoin("Ev0SIDE", "U0SIDE", "C0RANDOM")));
    expect(await memberRow("U0SIDE")).toBeNull();
  });

  it("an undeliverable DM falls back to one post in the main channel, mentioning only the newcomer", async () => {
    await markUndeliverable("slack", "U0CLOSED");
    const worker = isolate();
    await setUp(worker);
    await worker(await eventRequest(teamJoin("Ev0CLOSED", slackUser("U0CLOSED"))));
    const { deps, queue } = testDelivery();
    const delivered = await drain(deps, queue, queued());
    expect(delivered.map((m) => m.settled)).toEqual(["ack", "ack"]);
    await drain(
      deps,
      queue,
      delivered.map((m) => m.id),
    ); // a repeat delivery sends nothing more
    expect(queue.take()).toEqual([]);
    const rows = await outboxRows();
    expect(rows.map((r) => [r.idempotency_key, r.status, r.attempts])).toEqual([
      ["welcome:U0CLOSED", "undeliverable", 1],
      ["welcome:U0CLOSED:fallback", "sent", 1],
    ]);
    const sent = await posts();
    expect(sent.map(channelOf)).toEqual([MAIN]);
    const text = JSON.stringify(sent[0]?.body);
    // Blocks and the notification text both name the newcomer, and nobody else.
    expect(new Set(text.match(/<[@!#][^>]*>/g))).toEqual(new Set(["<@U0CLOSED>"]));
  });
});

describe("no main channel yet", () => {
  it("the welcome has no fallback, and moderators are told once, until a channel is set", async () => {
    const worker = isolate({ sessionCacheMs: 0 });
    await worker(await slashCommand("help"));
    await worker(await eventRequest(teamJoin("Ev0NOCH1", slackUser("U0NOCHAN1"))));
    await worker(await eventRequest(teamJoin("Ev0NOCH2", slackUser("U0NOCHAN2"))));
    expect((await outboxRows()).map((r) => r.fallback)).toEqual([null, null]);
    const moderator = async (text: string) =>
      JSON.stringify(await (await worker(await slashCommand(text, { user_id: MODERATOR }))).json());
    const first = await moderator("members");
    expect(first).toContain("no main channel is set");
    expect(first).toContain("/copmod onboarding channel");
    expect(await moderator("members")).not.toContain("no main channel is set"); // once
    expect(await moderator("delivery status")).toContain(
      "No main channel is set (since", // with what fixes it
    );
    await moderator(`onboarding channel <#${MAIN}|general>`);
    expect(await countWhere("delivery_blocks")).toBe(0);
    expect(await moderator("delivery status")).not.toContain("No main channel is set");
  });
});

describe("leaving on Slack", () => {
  it("leaving the main channel makes an alumnus; rejoining restores them without a second welcome", async () => {
    const worker = isolate({ sessionCacheMs: 0 });
    await setUp(worker);
    await worker(await eventRequest(teamJoin("Ev0L1", slackUser("U0LEAVER"))));
    const welcomedAt = (await memberRow("U0LEAVER"))?.welcomed_at;
    const community = (await env.DB.prepare("SELECT id FROM communities").first<{ id: number }>())?.id ?? 0;
    const active = async () =>
      (await activeMembersQuery(createDb(env.DB), community).select("platform_user_id").execute()).map(
        (row) => row.platform_user_id,
      );
    expect(await active()).toContain("U0LEAVER");

    await worker(await eventRequest(channelLeave("Ev0L2", "U0LEAVER")));
    await worker(await eventRequest(channelLeave("Ev0L2", "U0LEAVER"), 1)); // Slack's retry
    expect(await memberRow("U0LEAVER")).toMatchObject({ status: "alumni", left_reason: "channel" });
    expect((await memberRow("U0LEAVER"))?.left_at).not.toBeNull();
    expect(await active()).not.toContain("U0LEAVER");

    await worker(await eventRequest(channelJoin("Ev0L3", "U0LEAVER")));
    expect(await memberRow("U0LEAVER")).toMatchObject({ status: "active", left_at: null, left_reason: null });
    expect((await memberRow("U0LEAVER"))?.welcomed_at).toBe(welcomedAt);
    expect(await dmsTo("U0LEAVER")).toBe(1);
    expect(await outboxKeys()).toEqual(["welcome:U0LEAVER"]);
    expect(await active()).toContain("U0LEAVER");
  });

  it("a deactivated user (user_change deleted) becomes an alumnus; a profile edit changes nothing", async () => {
    const worker = isolate();
    await setUp(worker);
    await worker(await eventRequest(teamJoin("Ev0D1", slackUser("U0GONE"))));
    await worker(await eventRequest(slackEvent("Ev0D2", { type: "user_change", user: slackUser("U0GONE") })));
    expect(await memberRow("U0GONE")).toMatchObject({ status: "active" });
    const deleted = slackUser("U0GONE", { deleted: true });
    await worker(await eventRequest(slackEvent("Ev0D3", { type: "user_change", user: deleted })));
    expect(await memberRow("U0GONE")).toMatchObject({ status: "alumni", left_reason: "gone" });
  });
});
