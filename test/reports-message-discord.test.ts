import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { discordCommands } from "../scripts/lib/discord-register.ts";
import { validateCommands } from "../scripts/standins/discord-commands.ts";
import { discordMessageCommandDefinitions } from "../src/adapters/discord/message-command-names.ts";
import { resetDb, snapshot } from "./support/db.ts";
import { DISCORD_MEMBER, GUILD, nextInteractionId, signedDiscord } from "./support/discord.ts";
import { discordSubmit, packedButton } from "./support/interactions.ts";
import { isolate, outboxQueue, resetStandins } from "./support/worker.ts";

const NOW = new Date("2027-03-05T03:00:00Z");
const AUTHOR = "300000000000000042";
const CHANNEL = "600000000000000001";
const MESSAGE_ID = "700000000000000077";
const MODS = "600000000000000009";
const rows = async (sql: string) => (await env.DB.prepare(sql).all()).results as Record<string, unknown>[];

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
});

/** A message command interaction as Discord sends it (type 2, `data.type` 3, the message resolved). */
function messageCommand(author: { id: string; bot?: boolean }, o: { user?: string; locale?: string } = {}) {
  const user = { id: o.user ?? DISCORD_MEMBER, username: "ayu", global_name: "Ayu" };
  return {
    id: nextInteractionId(),
    type: 2,
    application_id: env.DISCORD_APPLICATION_ID,
    token: "interaction-token",
    guild_id: GUILD,
    channel_id: CHANNEL,
    guild_locale: "en-US",
    locale: o.locale ?? "en-US",
    member: { user, permissions: "0", roles: [], nick: null },
    data: {
      id: "500000000000000003",
      name: "Report to moderators",
      type: 3,
      guild_id: GUILD,
      target_id: MESSAGE_ID,
      resolved: {
        messages: {
          [MESSAGE_ID]: {
            id: MESSAGE_ID,
            channel_id: CHANNEL,
            type: 0,
            content: "nobody asked for your opinion @everyone",
            author: {
              id: author.id,
              username: "budi",
              global_name: "Budi",
              ...(author.bot ? { bot: true } : {}),
            },
            attachments: [],
            embeds: [],
            mentions: [],
            mention_roles: [],
            pinned: false,
            mention_everyone: false,
            tts: false,
            timestamp: "2027-03-05T02:59:00.000000+00:00",
            edited_timestamp: null,
            flags: 0,
            components: [],
          },
        },
      },
    },
  };
}

function discord() {
  const send = isolate({ now: () => NOW, sessionCacheMs: 0 });
  const post = async (payload: unknown) =>
    JSON.stringify(
      await (await send(await signedDiscord(payload, { timestamp: NOW.getTime() / 1000 }))).json(),
    );
  return { post };
}

describe("the Discord message command “Report to moderators”", () => {
  it("opens the reason modal; the submission files the report with the message as it was", async () => {
    const app = discord();
    const opened = await app.post(messageCommand({ id: AUTHOR }));
    expect(opened).toContain('"type":9');
    await env.DB.prepare(
      "INSERT INTO report_settings (community_id, channel_id, updated_at) SELECT id, ?, '' FROM communities",
    )
      .bind(MODS)
      .run();
    const id = Number((await rows("SELECT id FROM communities"))[0]?.id);
    const submitted = await app.post(
      discordSubmit(packedButton(id, "report.why", [MESSAGE_ID]), { reason: "rude" }),
    );
    expect(submitted).toContain("went privately to the moderators");
    const [report] = await rows("SELECT subject, reported_user, message_link FROM reports");
    expect(report).toEqual({
      subject: `message:${CHANNEL}:${MESSAGE_ID}`,
      reported_user: AUTHOR,
      message_link: `https://discord.com/channels/${GUILD}/${CHANNEL}/${MESSAGE_ID}`,
    });
    const [card] = await rows("SELECT target, payload FROM outbox WHERE kind = 'post'");
    expect(card?.target).toBe(MODS);
    expect(String(card?.payload)).toContain("nobody asked for your opinion @everyone");
    expect(String(card?.payload)).toContain("Budi");
  });

  it("refuses a bot's message, guyub's own and one's own, in the member's language; nothing written", async () => {
    const app = discord();
    await app.post(messageCommand({ id: AUTHOR })); // registers the community and the member
    await env.DB.prepare("UPDATE communities SET locale = 'id'").run();
    const before = await snapshot();
    expect(await app.post(messageCommand({ id: "300000000000000099", bot: true }))).toContain("bukan bot");
    expect(await app.post(messageCommand({ id: String(env.DISCORD_APPLICATION_ID) }))).toContain("bukan bot");
    expect(await app.post(messageCommand({ id: DISCORD_MEMBER }))).toContain(
      "tidak dapat melaporkan diri sendiri",
    );
    expect(await snapshot()).toBe(before);
  });

  it("is registered beside /cop and /copmod, localized, and Discord would accept it", () => {
    expect(discordMessageCommandDefinitions()).toEqual([
      {
        name: "Report to moderators",
        type: 3,
        name_localizations: { id: "Laporkan ke moderator" },
        contexts: [0],
        integration_types: [0],
      },
    ]);
    const all = discordCommands();
    expect(all.map((c) => c.name)).toEqual(["cop", "copmod", "Report to moderators"]);
    expect(validateCommands(all)).toBeUndefined();
  });
});
