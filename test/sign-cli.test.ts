import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { buildDiscordCommand } from "../scripts/lib/discord-interaction.ts";
import {
  CommandLineError,
  DISCORD_MEMBER_ID,
  discordOptions,
  fakeSnowflake,
} from "../scripts/lib/discord-options.ts";
import { registry } from "../src/core/commands/index.ts";
import { resetDb } from "./support/db.ts";
import { GUILD, signedDiscord } from "./support/discord.ts";
import { send } from "./support/worker.ts";

const options = (line: string) => discordOptions(registry, line);
const group = (name: string, sub: string, leaf: unknown[]) => [
  { type: 2, name, options: [{ type: 1, name: sub, options: leaf }] },
];

describe("the signing CLI's Discord command line", () => {
  it("nests a group, its subcommand and a member given as @name or <@id>", () => {
    const ayu = group("moderators", "add", [{ type: 6, name: "member", value: DISCORD_MEMBER_ID }]);
    expect(options("copmod moderators add @ayu")).toEqual(ayu);
    expect(options(`copmod moderators add <@${DISCORD_MEMBER_ID}>`)).toEqual(ayu);
    expect(options("/copmod moderators add member:@ayu")).toEqual(ayu);
  });

  it("sends a choice picked by its Indonesian name as its value, as Discord does", () => {
    expect(options("cop meeting rsvp answer:hadir")).toEqual(
      group("meeting", "rsvp", [{ type: 3, name: "answer", value: "yes" }]),
    );
    expect(options("copmod rotation mode sukarela")).toEqual(
      group("rotation", "mode", [{ type: 3, name: "mode", value: "volunteers" }]),
    );
  });

  it("gives any other @name a stable made-up snowflake", () => {
    const id = fakeSnowflake("rani");
    expect(id).toMatch(/^3\d{17}$/);
    expect(fakeSnowflake("Rani")).toBe(id);
    expect(fakeSnowflake("sari")).not.toBe(id);
    expect(options("copmod moderators remove @rani")).toEqual(
      group("moderators", "remove", [{ type: 6, name: "member", value: id }]),
    );
    expect(options("copmod moderators role @Moderator")).toEqual(
      group("moderators", "role", [{ type: 8, name: "role", value: fakeSnowflake("Moderator") }]),
    );
  });

  it("fills options in order, lets a final text option take the rest, and sends unknown words on", () => {
    expect(options("cop help moderators add")).toEqual([
      { type: 1, name: "help", options: [{ type: 3, name: "command", value: "moderators add" }] },
    ]);
    expect(options("copmod language fr")).toEqual([
      { type: 1, name: "language", options: [{ type: 3, name: "language", value: "fr" }] },
    ]);
    expect(options("cop")).toEqual([{ type: 1, name: "help", options: [] }]);
    expect(options("cop dance now")).toEqual([{ type: 1, name: "dance", options: [] }]);
    expect(options("copmod moderators")).toEqual([{ type: 2, name: "moderators", options: [] }]);
  });

  it("refuses what Discord's client could not send, naming the problem", () => {
    expect(() => options("copmod moderators add ayu")).toThrow(CommandLineError);
    expect(() => options("copmod moderators add ayu")).toThrow("member must be @name or <@id>, not “ayu”");
    expect(() => options("copmod language id en")).toThrow("Too many words for copmod language: “en”");
    expect(() => options("copmod")).toThrow("copmod needs a command word");
  });
});

describe("a CLI-built interaction, through the worker", () => {
  beforeEach(resetDb);

  const settings = {
    applicationId: env.DISCORD_APPLICATION_ID as string,
    guildId: GUILD,
    guildLocale: "en-US",
  };

  it("adds @ayu as a moderator", async () => {
    const payload = buildDiscordCommand("copmod moderators add @ayu", {
      ...settings,
      userId: "300000000000000002",
      moderator: true,
    });
    const reply = (await (await send(await signedDiscord(payload))).json()) as { data: { content: string } };
    const [added, note] = reply.data.content.split("\n");
    expect(added).toBe(`<@${DISCORD_MEMBER_ID}> is now a moderator of this community.`);
    // Discord hides /copmod behind a permission only a server admin can grant: the reply says where.
    expect(note).toContain("Server Settings → Integrations → guyub → copmod");
  });

  it("keeps --moderator for a chosen --user", async () => {
    const payload = buildDiscordCommand("cop help", {
      ...settings,
      userId: "300000000000000007",
      moderator: true,
    });
    expect(payload.member.user.id).toBe("300000000000000007");
    const reply = (await (await send(await signedDiscord(payload))).json()) as { data: { content: string } };
    expect(reply.data.content).toContain("For moderators");
  });
});
