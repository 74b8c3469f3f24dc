import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { registeredCommandIds } from "../scripts/lib/discord-command-ids.ts";
import { buildDiscordCommand, DEFAULT_COMMAND_IDS } from "../scripts/lib/discord-interaction.ts";
import { DISCORD_MODERATOR_ID, splitRoot } from "../scripts/lib/discord-options.ts";
import { slackCommandForm, slackSlashCommand } from "../scripts/lib/slack-command.ts";
import { discordCommandDefinitions } from "../src/adapters/discord/commands.ts";
import { registry } from "../src/core/commands/index.ts";
import { resetDb } from "./support/db.ts";
import { GUILD, signedDiscord } from "./support/discord.ts";
import { replyText, signedSlack } from "./support/slack.ts";
import { standinsBase } from "./support/standins-url.ts";
import { isolate, resetStandins } from "./support/worker.ts";

/** `npm run sign` sends a line to the command it names: `/cop` for members, `/copmod` for moderators. */
describe("the signing CLI's two commands", () => {
  it("reads the root a line starts with, /cop when it names none", () => {
    expect(splitRoot("copmod meeting schedule weekly tue 19:00")).toEqual({
      root: "copmod",
      rest: "meeting schedule weekly tue 19:00",
    });
    expect(splitRoot("/copmod setup")).toEqual({ root: "copmod", rest: "setup" });
    expect(splitRoot("  cop help ")).toEqual({ root: "cop", rest: "help" });
    expect(splitRoot("copmod")).toEqual({ root: "copmod", rest: "" });
    expect(splitRoot("meeting next")).toEqual({ root: "cop", rest: "meeting next" });
    expect(splitRoot("copmodx setup")).toEqual({ root: "cop", rest: "copmodx setup" });
  });

  it("Slack: sends /copmod or /cop as the command and the rest as its text", () => {
    const table: [string, { command: string; text: string }][] = [
      [
        "/copmod meeting link https://x.example",
        { command: "/copmod", text: "meeting link https://x.example" },
      ],
      ["copmod setup", { command: "/copmod", text: "setup" }],
      ["/cop help", { command: "/cop", text: "help" }],
      ["cop", { command: "/cop", text: "" }],
      ["kudos @ayu thanks", { command: "/cop", text: "kudos @ayu thanks" }],
      ["/cop-staging help", { command: "/cop-staging", text: "help" }],
    ];
    for (const [line, sent] of table) expect(slackSlashCommand(line)).toEqual(sent);
  });

  const settings = {
    applicationId: env.DISCORD_APPLICATION_ID as string,
    guildId: GUILD,
    guildLocale: "en-US",
    userId: DISCORD_MODERATOR_ID,
    moderator: true,
  };

  it("Discord: data.name is the command the line names, with that command's id", () => {
    const moderators = buildDiscordCommand("copmod meeting link https://meet.example/cop", settings);
    expect(moderators.data).toMatchObject({
      id: DEFAULT_COMMAND_IDS.copmod,
      name: "copmod",
      type: 1,
      options: [{ type: 2, name: "meeting", options: [{ type: 1, name: "link" }] }],
    });
    const members = buildDiscordCommand("cop meeting next", settings);
    expect(members.data).toMatchObject({ id: DEFAULT_COMMAND_IDS.cop, name: "cop" });
    const registered = buildDiscordCommand("copmod setup", {
      ...settings,
      commandIds: { copmod: "1300000000000000042" },
    });
    expect(registered.data).toMatchObject({ id: "1300000000000000042", name: "copmod" });
    expect(DEFAULT_COMMAND_IDS.cop).not.toBe(DEFAULT_COMMAND_IDS.copmod);
  });

  it("Discord: takes each command's id from the registration, the server's before the global one", async () => {
    await resetStandins();
    const api = `${standinsBase()}/discord/api/v10`;
    const query = {
      apiUrl: api,
      applicationId: settings.applicationId,
      botToken: env.DISCORD_BOT_TOKEN as string,
      guildId: GUILD,
    };
    expect(await registeredCommandIds(query)).toEqual({});
    const put = async (path: string) => {
      const response = await fetch(`${api}/applications/${settings.applicationId}${path}`, {
        method: "PUT",
        headers: { authorization: `Bot ${query.botToken}`, "content-type": "application/json" },
        body: JSON.stringify(discordCommandDefinitions(registry)),
      });
      expect(response.status, await response.clone().text()).toBe(200);
      const saved = (await response.json()) as { name: string; id: string }[];
      return Object.fromEntries(saved.map((c) => [c.name, c.id]));
    };
    const global = await put("/commands");
    expect(Object.keys(global).sort()).toEqual(["cop", "copmod"]);
    expect(await registeredCommandIds(query)).toEqual(global);
    const guild = await put(`/guilds/${GUILD}/commands`);
    expect(guild.copmod).not.toBe(global.copmod);
    expect(await registeredCommandIds(query)).toEqual(guild);
    // An API that cannot be reached leaves the fixed ids in place.
    expect(await registeredCommandIds({ ...query, apiUrl: "http://127.0.0.1:9/discord" })).toEqual({});
  });
});

describe("CLI-built /copmod requests, through the worker", () => {
  const NOW = new Date("2027-02-24T03:00:00Z");
  const worker = () => isolate({ now: () => NOW, sessionCacheMs: 0 });
  beforeEach(async () => {
    await resetDb();
    await resetStandins();
  });

  it("Slack: `/copmod meeting schedule …` schedules the meeting", async () => {
    const { command, text } = slackSlashCommand(
      "/copmod meeting schedule weekly tue 19:00 https://meet.example/cop",
    );
    const body = slackCommandForm(text, {
      team: "T0GUYUB01",
      user: "U0MODERATOR",
      command,
      standinsUrl: standinsBase(),
    });
    const request = await signedSlack("/slack/commands", body, { timestamp: NOW.getTime() / 1000 });
    const reply = replyText((await (await worker()(request)).json()) as { text?: string });
    expect(reply).toContain("19:00");
    const series = await env.DB.prepare("SELECT link FROM meeting_series").first();
    expect(series).toEqual({ link: "https://meet.example/cop" });
  });

  it("Discord: `copmod meeting schedule …` schedules the meeting", async () => {
    const payload = buildDiscordCommand("copmod meeting schedule weekly tue 19:00 https://meet.example/cop", {
      applicationId: env.DISCORD_APPLICATION_ID as string,
      guildId: GUILD,
      guildLocale: "en-US",
      userId: DISCORD_MODERATOR_ID,
      moderator: true,
    });
    const response = await worker()(await signedDiscord(payload, { timestamp: NOW.getTime() / 1000 }));
    const reply = (await response.json()) as { data: { content: string } };
    expect(reply.data.content).toContain("19:00");
    const series = await env.DB.prepare("SELECT link FROM meeting_series").first();
    expect(series).toEqual({ link: "https://meet.example/cop" });
  });
});
