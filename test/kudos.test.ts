import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { parseCommandText } from "../src/core/commands/parse-text.ts";
import { type CommandRequest, handleCommand } from "../src/core/handle-command.ts";
import { translator } from "../src/core/i18n/index.ts";
import type { Effect } from "../src/core/model.ts";
import { createDb } from "../src/db/client.ts";
import { createCommunityStore } from "../src/db/store.ts";
import { kudosMessage } from "../src/features/kudos/post.ts";
import { resetDb, snapshot } from "./support/db.ts";
import { drain, QUICK_PACE, seedCommunity, testDelivery } from "./support/delivery.ts";
import { commandInteraction, DISCORD_MEMBER, signedDiscord, str, sub } from "./support/discord.ts";
import { countWhere } from "./support/membership.ts";
import { commandBody, MEMBER, replyText, signedSlack } from "./support/slack.ts";
import { TRAITS } from "./support/traits.ts";
import { isolate, outboxQueue, resetStandins, sentTo } from "./support/worker.ts";

const NOW = new Date("2027-03-05T03:00:00Z");
const HOSTILE = "for the rubric <!channel> <!here> @everyone <@U0QUIET> <!subteam^S123> &amp; more";
/** The reason as guyub reads it: each special and mention as plain text, nothing that can ping. */
const HARMLESS = "for the rubric @channel @here @everyone @U0QUIET @S123 & more";

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
});

type Send = (request: Request) => Promise<Response>;
/** `/cop <text>` from the member, signed at the moment the app's pinned clock reads. */
const ask = async (worker: Send, text: string, fields: Record<string, string> = {}, at = NOW) => {
  const request = await signedSlack("/slack/commands", commandBody(text, fields), {
    timestamp: at.getTime() / 1000,
  });
  return replyText((await (await worker(request)).json()) as { text?: string });
};

/** Delivers whatever the app queued, against the stand-ins. */
async function deliver() {
  const { deps, queue } = testDelivery({ paceScale: QUICK_PACE });
  await drain(
    deps,
    queue,
    outboxQueue.take().map((m) => (m.body as { id: number }).id),
  );
}

describe("kudos on Slack", () => {
  it("posts a thank-you in the channel, with the reason escaped: only the thanked member is mentioned", async () => {
    const worker = isolate({ now: () => NOW, sessionCacheMs: 0 });
    const reply = await ask(worker, `kudos <@U0AYU|ayu> ${HOSTILE}`);
    expect(reply).toContain("Your kudos to");
    const kudos = await env.DB.prepare(
      "SELECT from_user, to_user, reason, channel_id, given_on FROM kudos",
    ).all();
    expect(kudos.results).toEqual([
      {
        from_user: MEMBER,
        to_user: "U0AYU",
        reason: HARMLESS,
        channel_id: "C0GENERAL",
        given_on: "2027-03-05",
      },
    ]);
    await deliver();
    const posts = (await sentTo("slack")).filter((c) => c.method === "chat.postMessage");
    expect(posts).toHaveLength(1);
    const body = JSON.stringify(posts[0]?.body);
    expect(posts[0]?.body).toMatchObject({ channel: "C0GENERAL" });
    // No control sequence survives: the only `<…>` left is the thanked member's mention.
    expect(body.match(/<[@!#][^>]*>/g)).toEqual(["<@U0AYU>", "<@U0AYU>"]); // blocks and fallback text
    expect(body).toContain("@channel @here @everyone @U0QUIET @S123 &amp; more");
  });

  it("refuses kudos to oneself and to bots, and writes nothing", async () => {
    const worker = isolate({ now: () => NOW, sessionCacheMs: 0 });
    await ask(worker, "help");
    const before = await snapshot();
    expect(await ask(worker, `kudos <@${MEMBER}|ayu> for being me`)).toContain("thanking someone else");
    expect(await ask(worker, "kudos <@U0GUYUBBOT|guyub> for the reminders")).toContain("not bots");
    expect(await ask(worker, "kudos <@USLACKBOT|slackbot> for nothing")).toContain("not bots");
    expect(await snapshot()).toBe(before);
  });

  it("when Slack cannot say whether the member is a bot, nothing is posted and the member may try again", async () => {
    const worker = isolate({ now: () => NOW, sessionCacheMs: 0 });
    await ask(worker, "help");
    const before = await snapshot();
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(await ask(worker, "kudos <@W0UNKNOWN|who> thanks")).toContain("could not check just now");
    expect(logged).toHaveBeenCalledWith("slack: users.info failed", expect.anything());
    expect(await snapshot()).toBe(before);
  });

  it("a reason longer than 300 characters is refused with the usage", async () => {
    const worker = isolate({ now: () => NOW, sessionCacheMs: 0 });
    const reply = await ask(worker, `kudos <@U0AYU|ayu> ${"x".repeat(301)}`);
    expect(reply).toContain("/cop kudos");
    expect(await countWhere("kudos")).toBe(0);
  });

  it("typed in a DM with guyub, the thank-you goes to the main channel; without one, nowhere", async () => {
    const worker = isolate({ now: () => NOW, sessionCacheMs: 0 });
    expect(await ask(worker, "kudos <@U0AYU|ayu> thanks", { channel_id: "D0MEMBER" })).toContain(
      "I don't know where to post this",
    );
    await env.DB.prepare("UPDATE communities SET main_channel_id = 'C0MAIN'").run();
    await ask(worker, "kudos <@U0AYU|ayu> thanks", { channel_id: "D0MEMBER" });
    expect(await env.DB.prepare("SELECT target FROM outbox").all()).toMatchObject({
      results: [{ target: "C0MAIN" }],
    });
  });

  it("at most 10 a day from one member: the 11th is refused, the next day is fine", async () => {
    const worker = isolate({ now: () => NOW, sessionCacheMs: 0 });
    for (let i = 1; i <= 10; i++)
      expect(await ask(worker, `kudos <@U0AYU|ayu> thanks ${i}`)).toContain("posted");
    expect(await ask(worker, "kudos <@U0AYU|ayu> thanks 11")).toContain("You have given 10 kudos today");
    expect(await countWhere("kudos")).toBe(10);
    const next = new Date(NOW.getTime() + 24 * 3600_000);
    const tomorrow = isolate({ now: () => next, sessionCacheMs: 0 });
    expect(await ask(tomorrow, "kudos <@U0AYU|ayu> thanks again", {}, next)).toContain("posted");
    expect(await countWhere("outbox", "kind = 'post'")).toBe(11);
  });

  it("the daily limit holds inside the INSERT: kudos that all passed the handler's check store and post 10", async () => {
    const community = await seedCommunity("slack");
    const store = createCommunityStore(createDb(env.DB), env.DB);
    const t = translator("en");
    // Twelve commands racing: each handler read 0 given today, so each asks for a kudos.
    const effects: Effect[] = Array.from({ length: 12 }, (_, i) => ({
      type: "kudos.give",
      from: MEMBER,
      to: "U0AYU",
      reason: `thanks ${i}`,
      day: "2027-03-05",
      draft: {
        kind: "post",
        key: `kudos:${MEMBER}:${i}`,
        channelId: "C0GENERAL",
        message: kudosMessage(t, "ayu", "U0AYU", "x"),
      },
    }));
    const applied = await Promise.all(effects.map((effect) => store.apply(community, [effect], null, NOW)));
    expect(applied.flatMap((a) => a.enqueue)).toHaveLength(10);
    expect(await countWhere("kudos")).toBe(10);
    expect(await countWhere("outbox")).toBe(10);
  });
});

describe("kudos racing the daily limit", () => {
  it("a kudos the INSERT refused answers with the limit, not “posted”", async () => {
    const db = createCommunityStore(createDb(env.DB), env.DB);
    // The handler's count said 9 (a racing command had not committed yet); by the time of the
    // INSERT the 10th was given. Seen from this command, only the read is stale.
    const store = { ...db, kudos: { ...db.kudos, givenOn: async () => 9 } };
    const request = (text: string): CommandRequest => ({
      traits: TRAITS.slack,
      contact: {
        platform: "slack",
        workspaceId: "T0RACE",
        workspaceName: null,
        userId: MEMBER,
        displayName: "ayu",
        initialLocale: "en",
      },
      syntax: { prefix: "/cop", moderatorPrefix: "/copmod", namedOptions: false },
      authority: () => ({ kind: "payload", isModerator: false }),
      parse: (registry) => parseCommandText(registry, TRAITS.slack, text),
      ingressKey: `slack:T0RACE:trigger:${crypto.randomUUID()}`,
      place: { channelId: "C0GENERAL", isBot: async () => false },
    });
    const say = async (text: string) =>
      JSON.stringify((await handleCommand({ store, now: () => NOW }, request(text))).message);
    for (let i = 1; i <= 10; i++) expect(await say(`kudos <@U0AYU|ayu> thanks ${i}`)).toContain("posted");
    const raced = await say("kudos <@U0AYU|ayu> one too many");
    expect(raced).toContain("You have given 10 kudos today");
    expect(raced).not.toContain("posted");
    expect(await countWhere("kudos")).toBe(10);
    expect(await countWhere("outbox")).toBe(10);
  });
});

describe("kudos on Discord", () => {
  const THANKED = "300000000000000007";
  const kudosCommand = (to: string, why: string, bot = false) => ({
    ...commandInteraction([sub("kudos", [{ type: 6, name: "member", value: to }, str("why", why)])]),
    channel_id: "600000000000000001",
    data: {
      id: "500000000000000001",
      name: "cop",
      type: 1,
      options: [sub("kudos", [{ type: 6, name: "member", value: to }, str("why", why)])],
      resolved: { users: { [to]: { id: to, username: "someone", bot } } },
    },
  });

  it("allowed_mentions names only the thanked member, whatever the reason says", async () => {
    const worker = isolate({ now: () => NOW, sessionCacheMs: 0 });
    const why = `merci @everyone @here <@&700000000000000001> <@${DISCORD_MEMBER}>`;
    const response = await worker(
      await signedDiscord(kudosCommand(THANKED, why), { timestamp: NOW.getTime() / 1000 }),
    );
    expect(JSON.stringify(await response.json())).toContain("Your kudos to");
    await deliver();
    const posts = (await sentTo("discord")).filter(
      (c) => c.method === "POST" && String(c.route).includes("/messages"),
    );
    expect(posts).toHaveLength(1);
    expect(posts[0]?.route).toBe("/channels/600000000000000001/messages");
    const body = posts[0]?.body as { content: string; allowed_mentions: unknown };
    expect(body.allowed_mentions).toEqual({ parse: [], users: [THANKED], roles: [] });
    expect(body.content).toContain(`<@${THANKED}>`);
  });

  it("refuses a bot, as the interaction's resolved user says", async () => {
    const worker = isolate({ now: () => NOW, sessionCacheMs: 0 });
    const response = await worker(
      await signedDiscord(kudosCommand(THANKED, "thanks", true), { timestamp: NOW.getTime() / 1000 }),
    );
    expect(JSON.stringify(await response.json())).toContain("not bots");
    expect(await countWhere("kudos")).toBe(0);
  });
});
