import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { discordMessageCommand, slackMessageShortcut } from "../scripts/lib/message-report.ts";
import { resetDb } from "./support/db.ts";
import { GUILD, nextInteractionId, signedDiscord } from "./support/discord.ts";
import { signedSlack, TEAM } from "./support/slack.ts";
import { standinsBase } from "./support/standins-url.ts";
import { isolate, outboxQueue, resetStandins, sentTo } from "./support/worker.ts";

/** `npm run sign -- slack-report | discord-report` send these: the worker must take them as the platforms' own. */
const NOW = new Date("2027-03-05T03:00:00Z");

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
});

describe("the signing CLI's message reports", () => {
  it("slack-report: the message shortcut opens the reason form and seals the message in the draft", async () => {
    const send = isolate({ now: () => NOW, sessionCacheMs: 0 });
    const payload = slackMessageShortcut(
      {
        text: "hello",
        authorId: "U0BUDI",
        channelId: "C0GENERAL",
        messageId: "1772600000.000100",
        reporterId: "U0MEMBER",
      },
      {
        team: TEAM,
        domain: "guyub-dev",
        responseUrl: `${standinsBase()}/slack/response/${crypto.randomUUID()}`,
      },
    );
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const response = await send(
      await signedSlack("/slack/interactions", body, { timestamp: NOW.getTime() / 1000 }),
    );
    expect(response.status).toBe(200);
    expect((await sentTo("slack")).map((c) => c.method)).toContain("views.open");
    const drafts = (await env.DB.prepare("SELECT form_id FROM form_drafts").all()).results;
    expect(drafts).toEqual([{ form_id: "report.why" }]);
  });

  it("discord-report: the message command answers with the reason modal; a bot's message is refused", async () => {
    const send = isolate({ now: () => NOW, sessionCacheMs: 0 });
    const message = {
      text: "hello",
      authorId: "300000000000000002",
      channelId: "600000000000000001",
      messageId: "700000000000000001",
      reporterId: "300000000000000001",
    };
    const options = {
      id: nextInteractionId(),
      applicationId: String(env.DISCORD_APPLICATION_ID),
      guildId: GUILD,
      commandId: "500000000000000003",
      locale: "en-US",
    };
    const post = async (payload: unknown) =>
      JSON.stringify(
        await (await send(await signedDiscord(payload, { timestamp: NOW.getTime() / 1000 }))).json(),
      );
    expect(await post(discordMessageCommand(message, options))).toContain('"type":9');
    const bot = discordMessageCommand({ ...message, bot: true }, { ...options, id: nextInteractionId() });
    expect(await post(bot)).toContain("not bots");
  });
});
