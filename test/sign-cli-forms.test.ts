import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { buildDiscordCommand, DISCORD_GENERAL_CHANNEL } from "../scripts/lib/discord-interaction.ts";
import { DISCORD_MEMBER_ID, DISCORD_MODERATOR_ID, fakeSnowflake } from "../scripts/lib/discord-options.ts";
import { CLI_SLACK_DIRECTORY, slackCommandForm, slackSlashCommand } from "../scripts/lib/slack-command.ts";
import { slackEscaped } from "../scripts/lib/slack-text.ts";
import { readableText } from "../src/core/commands/typed-text.ts";
import { resetDb } from "./support/db.ts";
import { GUILD, signedDiscord } from "./support/discord.ts";
import { replyText, signedSlack } from "./support/slack.ts";
import { standinsBase } from "./support/standins-url.ts";
import { isolate, resetStandins } from "./support/worker.ts";

const escaped = (line: string) => slackEscaped(line, CLI_SLACK_DIRECTORY);

describe("the signing CLI's Slack line, escaped as Slack escapes it", () => {
  it("wraps links, mail, known members and channels and the specials; escapes & < >", () => {
    const table: [string, string][] = [
      ["meeting link https://meet.example/cop", "meeting link <https://meet.example/cop>"],
      ["meeting link meet.example", "meeting link <http://meet.example|meet.example>"],
      ["see https://a.example/?x=1&y=2.", "see <https://a.example/?x=1&amp;y=2>."],
      ["mail a@b.id", "mail <mailto:a@b.id|a@b.id>"],
      ["kudos @budi for it", "kudos <@U0MODERATOR|budi> for it"],
      ["kudos @rani for it", "kudos @rani for it"], // Slack links only members it knows
      ["onboarding channel #general", "onboarding channel <#C0GENERAL|general>"],
      ["hi @channel @here @everyone", "hi <!channel> <!here> <!everyone>"],
      ["Q&A <b> 19.00 Asia/Jakarta rubrik.pdf", "Q&amp;A &lt;b&gt; 19.00 Asia/Jakarta rubrik.pdf"],
      ["kudos <@U0MEMBER> as typed", "kudos <@U0MEMBER> as typed"],
    ];
    for (const [typed, sent] of table) expect(escaped(typed)).toBe(sent);
  });

  it("reads back as typed once the worker decodes it", () => {
    for (const typed of ["Q&A <b> & more", "thanks @ayu in #general, @here", "https://x.example/a?b=1&c=2"]) {
      expect(readableText(escaped(typed))).toBe(typed);
    }
  });

  it("gives every command its own trigger_id", () => {
    const settings = { team: "T0", user: "U0MEMBER", command: "/cop", standinsUrl: "http://x" };
    const triggers = [1, 2, 3].map(() =>
      new URLSearchParams(slackCommandForm("help", settings)).get("trigger_id"),
    );
    expect(new Set(triggers).size).toBe(3);
  });
});

describe("CLI-built requests, through the worker", () => {
  const NOW = new Date("2027-02-24T03:00:00Z");
  const worker = () => isolate({ now: () => NOW, sessionCacheMs: 0 });
  beforeEach(async () => {
    await resetDb();
    await resetStandins();
  });

  it("Slack: a typed link and a typed member arrive as Slack sends them and work", async () => {
    const send = worker();
    const ask = async (line: string, user: string) => {
      const { command, text } = slackSlashCommand(line);
      const body = slackCommandForm(text, { team: "T0GUYUB01", user, command, standinsUrl: standinsBase() });
      const request = await signedSlack("/slack/commands", body, { timestamp: NOW.getTime() / 1000 });
      return replyText((await (await send(request)).json()) as { text?: string });
    };
    await ask("/copmod meeting schedule weekly tue 19:00 https://meet.example/cop", "U0MODERATOR");
    const series = await env.DB.prepare("SELECT link FROM meeting_series").first();
    expect(series).toEqual({ link: "https://meet.example/cop" });
    expect(await ask("/cop kudos @budi for the rubric & template", "U0MEMBER")).toContain("Your kudos to");
    const kudos = await env.DB.prepare("SELECT to_user, reason FROM kudos").first();
    expect(kudos).toEqual({ to_user: "U0MODERATOR", reason: "for the rubric & template" });
  });

  const settings = {
    applicationId: env.DISCORD_APPLICATION_ID as string,
    guildId: GUILD,
    guildLocale: "en-US",
  };

  it("Discord: `cop kudos @budi` carries data.resolved and a snowflake id, and is posted", async () => {
    const payload = buildDiscordCommand("cop kudos @budi for the rubric", {
      ...settings,
      userId: DISCORD_MEMBER_ID,
      moderator: false,
    });
    expect(payload.channel_id).toBe(DISCORD_GENERAL_CHANNEL);
    const born = Number((BigInt(payload.id) >> 22n) + 1_420_070_400_000n);
    expect(Math.abs(born - Date.now())).toBeLessThan(60_000);
    expect(payload.data.resolved).toEqual({
      users: {
        [DISCORD_MODERATOR_ID]: expect.objectContaining({ id: DISCORD_MODERATOR_ID, username: "budi" }),
      },
      members: { [DISCORD_MODERATOR_ID]: expect.not.objectContaining({ user: expect.anything() }) },
    });
    const response = await worker()(await signedDiscord(payload, { timestamp: NOW.getTime() / 1000 }));
    const reply = (await response.json()) as { data: { content: string } };
    expect(reply.data.content).toContain("Your kudos to");
    const kudos = await env.DB.prepare("SELECT to_user, channel_id FROM kudos").first();
    expect(kudos).toEqual({ to_user: DISCORD_MODERATOR_ID, channel_id: DISCORD_GENERAL_CHANNEL });
  });

  it("Discord: the bot resolves as a bot, channels and roles resolve too, ids are fresh", () => {
    const kudos = buildDiscordCommand(`cop kudos <@${settings.applicationId}> thanks`, {
      ...settings,
      userId: DISCORD_MEMBER_ID,
      moderator: false,
    });
    expect(kudos.data.resolved?.users).toMatchObject({ [settings.applicationId]: { bot: true } });
    const channel = buildDiscordCommand("copmod onboarding channel <#400000000000000009>", {
      ...settings,
      userId: DISCORD_MODERATOR_ID,
      moderator: true,
    });
    expect(channel.data.resolved).toEqual({
      channels: { "400000000000000009": expect.objectContaining({ id: "400000000000000009", type: 0 }) },
    });
    const role = buildDiscordCommand("copmod moderators role @Guru", {
      ...settings,
      userId: DISCORD_MODERATOR_ID,
      moderator: true,
    });
    expect(role.data.resolved?.roles).toMatchObject({ [fakeSnowflake("Guru")]: { name: "Guru" } });
    expect(
      buildDiscordCommand("cop help", { ...settings, userId: DISCORD_MEMBER_ID, moderator: false }).data,
    ).not.toHaveProperty("resolved");
    expect(kudos.id).not.toBe(channel.id);
  });
});
