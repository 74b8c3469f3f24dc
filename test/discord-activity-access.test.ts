import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { jobDepsAt } from "../src/compose.ts";
import { sendNudges } from "../src/features/nudges/jobs.ts";
import { readActivity } from "../src/jobs/discord-activity.ts";
import { resetDb } from "./support/db.ts";
import { seedCommunity } from "./support/delivery.ts";
import { GUILD, group, MANAGE_GUILD, moderatorInteraction, signedDiscord, sub } from "./support/discord.ts";
import { seedMembers } from "./support/nudges.ts";
import { discordChannels, injectFault, markLost } from "./support/standins.ts";
import { standinsBase } from "./support/standins-url.ts";
import { isolate, resetStandins, sentTo, testEnv } from "./support/worker.ts";

// Without Read Message History Discord answers a history read with an empty list, not an error:
// the job must check its own permissions before it believes an empty page, and say so.

const MAIN = "410000000000000001";
const LISTED = "410000000000000002";
const GUYUB_ROLE = "100000000000000009";
const HISTORY = String(1n << 16n);
const VIEW = String(1n << 10n);
const WRITER = "510000000000000001";
const QUIET = "510000000000000002";
const OLD = "2026-01-05";
const EPOCH = new Date(0).toISOString();

async function post(channelId: string, authorId: string): Promise<void> {
  const response = await fetch(`${standinsBase()}/__discord/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ channelId, messages: [{ authorId }] }),
  });
  expect(response.status).toBe(200);
}

const channels = async () =>
  (
    await env.DB.prepare(
      "SELECT channel_id, last_message_id, last_error FROM activity_channels ORDER BY channel_id",
    ).all()
  ).results;
const lastActive = async (user: string) =>
  (
    await env.DB.prepare("SELECT last_active_on FROM members WHERE platform_user_id = ?")
      .bind(user)
      .first<{ last_active_on: string | null }>()
  )?.last_active_on;

/** A Discord community reading MAIN, with a member who wrote there and one truly quiet, both long known. */
async function community() {
  const seeded = await seedCommunity("discord");
  await env.DB.prepare("UPDATE communities SET main_channel_id = ?").bind(MAIN).run();
  const known = "2026-01-01T00:00:00.000Z";
  await seedMembers(seeded.id, [
    { user: WRITER, lastActiveOn: OLD, createdAt: known },
    { user: QUIET, lastActiveOn: OLD, createdAt: known },
  ]);
  await post(MAIN, WRITER);
  return seeded.id;
}

async function quietReport(now: Date): Promise<string> {
  const worker = isolate({ now: () => now });
  const request = await signedDiscord(
    moderatorInteraction([group("nudges", sub("quiet"))], { permissions: MANAGE_GUILD }),
  );
  return JSON.stringify(await (await worker(request)).json());
}

beforeEach(async () => {
  await resetDb();
  await resetStandins();
});

describe("the activity job checks its own right to read", () => {
  it("an empty page without Read Message History is no proof of quiet: recorded, reported, nudges held, then healed", async () => {
    const communityId = await community();
    await discordChannels([{ id: MAIN, overwrites: [{ id: GUILD, type: 0, deny: HISTORY }] }]);
    const now = new Date();
    const deps = jobDepsAt(testEnv())(now);

    expect(await readActivity(deps, communityId)).toEqual({ status: "done" });
    // Not believed: no cursor saved past the unread messages, the writer not marked, the reason kept.
    expect(await channels()).toEqual([
      { channel_id: MAIN, last_message_id: null, last_error: "cannot_read_history" },
    ]);
    expect(await lastActive(WRITER)).toBe(OLD);

    // Both members look quiet to the scan, yet nobody is nudged while the channel is unread.
    const held = await sendNudges(deps, communityId);
    expect(held).toMatchObject({ status: "skipped", reason: expect.stringContaining("cannot_read_history") });
    expect(await env.DB.prepare("SELECT count(*) AS n FROM outbox").first()).toEqual({ n: 0 });
    const report = await quietReport(now);
    // Said before the counts, which would call the writer quiet.
    expect(report).toMatch(/could not read 1 channel.*Quiet for 21/s);
    expect(report).toContain(`<#${MAIN}>: guyub sees this channel but may not read its messages`);

    // guyub's role is allowed it back: the next run reads the message and clears the problem.
    await discordChannels([
      {
        id: MAIN,
        overwrites: [
          { id: GUILD, type: 0, deny: HISTORY },
          { id: GUYUB_ROLE, type: 0, allow: HISTORY },
        ],
      },
    ]);
    expect(await readActivity(deps, communityId)).toEqual({ status: "done" });
    expect(await lastActive(WRITER)).toBe(now.toISOString().slice(0, 10));
    expect((await channels())[0]).toMatchObject({ channel_id: MAIN, last_error: null });
    expect(await quietReport(now)).not.toContain("could not read");
    const sent = await sendNudges(deps, communityId);
    expect(sent).toEqual({ status: "done" });
    const nudged = await env.DB.prepare("SELECT idempotency_key FROM outbox").all();
    expect(nudged.results.map((r) => String(r.idempotency_key))).toEqual([expect.stringContaining(QUIET)]);
  });

  it("a hidden channel (403) and a server guyub left are told apart; an unknown channel leaves the list", async () => {
    const communityId = await community();
    await env.DB.prepare(
      "INSERT INTO activity_channels (community_id, channel_id, updated_at) VALUES (?, ?, ?), (?, ?, ?)",
    )
      .bind(communityId, LISTED, EPOCH, communityId, "410000000000000003", EPOCH)
      .run();
    await discordChannels([{ id: LISTED, overwrites: [{ id: GUILD, type: 0, deny: VIEW }] }]);
    await markLost({ platform: "discord", channelId: "410000000000000003", kind: "unknown_channel" });
    const deps = jobDepsAt(testEnv())(new Date());

    await readActivity(deps, communityId);
    expect(await channels()).toEqual([
      { channel_id: MAIN, last_message_id: expect.stringMatching(/^\d+$/), last_error: null },
      { channel_id: LISTED, last_message_id: null, last_error: "cannot_view" },
    ]);

    await markLost({ platform: "discord", guildId: GUILD });
    await readActivity(deps, communityId);
    expect((await channels()).map((c) => c.last_error)).toEqual(["no_access", "no_access"]);
  });

  it("when its permissions cannot be asked, an empty page is neither believed nor blamed", async () => {
    const communityId = await community();
    await discordChannels([{ id: MAIN, overwrites: [{ id: GUILD, type: 0, deny: HISTORY }] }]);
    // The server's roles fail to load: guyub's permissions there cannot be computed this run.
    await injectFault({ platform: "discord", match: `GET /guilds/${GUILD}/roles`, status: 500, count: 5 });
    const deps = jobDepsAt(testEnv())(new Date());
    expect(await readActivity(deps, communityId)).toEqual({ status: "done" });
    expect(await channels()).toEqual([{ channel_id: MAIN, last_message_id: null, last_error: null }]);
    const asked = (await sentTo("discord")).map((c) => `${c.method} ${c.route}`);
    // It did ask (the bot's member answered, the roles did not).
    expect(asked).toContain(`GET /guilds/${GUILD}/members/${env.DISCORD_APPLICATION_ID}`);
  });
});
