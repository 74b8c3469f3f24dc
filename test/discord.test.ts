import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it } from "vitest";
import { NO_ROWS, resetDb, rowCounts, snapshot } from "./support/db.ts";
import {
  commandInteraction,
  DISCORD_MEMBER,
  DISCORD_MODERATOR,
  GUILD,
  group,
  MANAGE_GUILD,
  moderatorInteraction,
  signDiscord,
  signedDiscord,
  str,
  sub,
} from "./support/discord.ts";
import { resetStandins, send, sentTo } from "./support/worker.ts";

type Reply = {
  type: number;
  data: { content: string; flags?: number; allowed_mentions: { parse: string[]; users: string[] } };
};
const run = async (payload: unknown) => {
  const response = await send(await signedDiscord(payload));
  expect(response.status).toBe(200);
  return (await response.json()) as Reply;
};
const moderator = { user: DISCORD_MODERATOR, permissions: MANAGE_GUILD };

beforeEach(resetDb);

describe("Discord verification", () => {
  it("answers PING with PONG", async () => {
    const response = await send(
      await signedDiscord({ id: "1", type: 1, application_id: "100000000000000001" }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ type: 1 });
  });

  const ping = { id: "1", type: 1, application_id: "100000000000000001" };
  const cases: Array<[string, () => Promise<Request>]> = [
    ["a bad signature", () => signedDiscord(ping, { signature: "ab".repeat(64) })],
    ["a short signature", () => signedDiscord(ping, { signature: "abcd" })],
    ["a missing signature", () => signedDiscord(ping, { signature: null })],
    [
      "a changed body",
      async () => {
        const timestamp = String(Math.floor(Date.now() / 1000));
        const signature = await signDiscord(timestamp, JSON.stringify(ping));
        return signedDiscord(ping, {
          timestamp: Number(timestamp),
          signature,
          body: JSON.stringify({ ...ping, type: 2 }),
        });
      },
    ],
    ["a timestamp 301 s old", () => signedDiscord(ping, { timestamp: Math.floor(Date.now() / 1000) - 301 })],
    [
      "a timestamp 301 s ahead",
      () => signedDiscord(ping, { timestamp: Math.floor(Date.now() / 1000) + 301 }),
    ],
  ];
  for (const [name, request] of cases) {
    it(`refuses ${name} with 401`, async () => {
      const response = await send(await request());
      expect(response.status).toBe(401);
      expect(await rowCounts()).toEqual(NO_ROWS);
    });
  }

  it("refuses a malformed but signed payload with 400", async () => {
    const response = await send(await signedDiscord({ hello: "world" }));
    expect(response.status).toBe(400);
  });
});

describe("/cop help on Discord", () => {
  it("answers in English, ephemerally, with mentions locked down", async () => {
    const reply = await run(commandInteraction([sub("help")]));
    expect(reply.type).toBe(4);
    expect(reply.data.flags).toBe(64);
    expect(reply.data.content).toContain("guyub: what you can do");
    expect(reply.data.content).not.toContain("For moderators");
    expect(reply.data.allowed_mentions).toEqual({ parse: [], users: [], roles: [] });
  });

  it("lists moderator commands for Manage Server", async () => {
    const reply = await run(commandInteraction([sub("help")], moderator));
    expect(reply.data.content).toContain("For moderators");
    expect(reply.data.content).toMatch(/Groups with moderator commands\*\*: [^\n]*moderators/);
    const word = await run(commandInteraction([sub("help", [str("command", "moderators")])], moderator));
    expect(word.data.content).toContain("/copmod moderators role role:");
    expect(word.data.content.replaceAll("\\", "")).toContain("moderator list (moderators)");
  });

  it("shows a member the word's commands and how many more moderators have", async () => {
    const reply = await run(commandInteraction([sub("help", [str("command", "meeting")])]));
    expect(reply.data.content).toContain("/cop meeting next");
    expect(reply.data.content).not.toContain("meeting schedule");
    expect(reply.data.content).toMatch(/\d+ more for moderators\./);
  });

  it("fits every help page in one Discord message, uncut, in both languages", async () => {
    const words = ["", "moderators", "delivery", "profile", "onboarding", "meeting", "holiday", "rotation"];
    words.push("topic", "nudges", "digest", "members", "meeting schedule");
    for (const locale of ["en", "id"]) {
      if (locale === "id")
        await run(moderatorInteraction([sub("language", [str("language", "id")])], moderator));
      for (const word of words) {
        const options = word ? [str("command", word)] : [];
        const reply = await run(commandInteraction([sub("help", options)], moderator));
        expect(reply.data.content.length, `${locale} help ${word}`).toBeLessThan(2000);
        expect(reply.data.content.endsWith("…"), `${locale} help ${word}`).toBe(false);
      }
    }
  });

  it("starts an Indonesian server in Bahasa Indonesia", async () => {
    const reply = await run(commandInteraction([sub("help")], { guildLocale: "id" }));
    expect(reply.data.content).toContain("guyub: yang dapat Anda lakukan");
  });

  it("switches to Bahasa Indonesia after a moderator's /copmod language id", async () => {
    const set = await run(moderatorInteraction([sub("language", [str("language", "id")])], moderator));
    expect(set.data.content).toContain("Bahasa Indonesia");
    const reply = await run(commandInteraction([sub("help")]));
    expect(reply.data.content).toContain("guyub: yang dapat Anda lakukan");
    const audit = await env.DB.prepare("SELECT action FROM audit_log").all();
    expect(audit.results).toEqual([{ action: "language" }]);
  });

  it("refuses a non-moderator's /copmod language id and changes nothing", async () => {
    await run(commandInteraction([sub("help")]));
    const before = await snapshot();
    const reply = await run(moderatorInteraction([sub("language", [str("language", "id")])]));
    expect(reply.data.content).toContain("Only moderators can use /copmod language");
    expect(await snapshot()).toBe(before);
  });

  it("writes nothing for a second help on the same day", async () => {
    await run(commandInteraction([sub("help")]));
    const before = await snapshot();
    await run(commandInteraction([sub("help")]));
    expect(await snapshot()).toBe(before);
  });
});

describe("bad input on Discord", () => {
  it("answers an unknown subcommand with an ephemeral error, not a 500", async () => {
    const reply = await run(commandInteraction([sub("dance")]));
    expect(reply.data.flags).toBe(64);
    expect(reply.data.content).toContain("I don't know the command “dance”");
    expect(await rowCounts()).toEqual(NO_ROWS);
  });

  it("names a bad argument and shows an example", async () => {
    const reply = await run(moderatorInteraction([sub("language", [str("language", "fr")])], moderator));
    expect(reply.data.content).toContain("“fr” is not a valid language");
    expect(reply.data.content).toContain("/copmod language language:id");
    expect(await rowCounts()).toEqual(NO_ROWS);
  });

  it("answers a button nobody handles with an ephemeral note, and autocomplete with no choices", async () => {
    const base = {
      id: "1",
      application_id: "100000000000000001",
      token: "t",
      guild_id: GUILD,
      guild_locale: "id",
      locale: "en-US",
    };
    const button = await run({ ...base, type: 3, data: { custom_id: "rsvp.yes:1" } });
    expect(button.type).toBe(4);
    expect(button.data.flags).toBe(64);
    expect(button.data.content).toBe("Tombol itu sudah tidak berlaku.");
    const autocomplete = await run({ ...base, type: 4, data: { name: "cop", options: [] } });
    expect(autocomplete).toEqual({ type: 8, data: { choices: [] } });
  });

  it("answers a button in the community's language, not the presser's, and registers nobody", async () => {
    await run(moderatorInteraction([sub("language", [str("language", "id")])], moderator));
    const before = await snapshot();
    const press = {
      id: "2",
      type: 3,
      application_id: "100000000000000001",
      token: "t",
      guild_id: GUILD,
      guild_locale: "en-US",
      locale: "en-US",
      member: { user: { id: DISCORD_MEMBER, username: "ayu" }, permissions: "0", roles: [] },
      data: { custom_id: "rsvp.yes:1" },
    };
    expect((await run(press)).data.content).toBe("Tombol itu sudah tidak berlaku.");
    expect(await snapshot()).toBe(before);
    expect((await run({ ...press, guild_id: "200000000000000077" })).data.content).toBe(
      "That button is not available any more.",
    );
  });

  it("refuses commands in DMs", async () => {
    const reply = await run(commandInteraction([sub("help")], { guildId: null }));
    expect(reply.data.content).toContain("inside a server");
    expect(await rowCounts()).toEqual(NO_ROWS);
  });
});

describe("/copmod moderators on Discord", () => {
  it("adds a member and a role; both then moderate", async () => {
    const added = await run(
      moderatorInteraction(
        [group("moderators", sub("add", [{ type: 6, name: "member", value: DISCORD_MEMBER }]))],
        moderator,
      ),
    );
    expect(added.data.content).toContain(`<@${DISCORD_MEMBER}>`);
    expect(added.data.allowed_mentions.users).toEqual([DISCORD_MEMBER]);
    const asListed = await run(moderatorInteraction([sub("language", [str("language", "id")])]));
    expect(asListed.data.content).toContain("Bahasa Indonesia");

    const role = "600000000000000001";
    await run(
      moderatorInteraction(
        [group("moderators", sub("role", [{ type: 8, name: "role", value: role }]))],
        moderator,
      ),
    );
    const viaRole = await run(
      moderatorInteraction([sub("language", [str("language", "en")])], {
        user: "300000000000000009",
        roles: [role],
      }),
    );
    expect(viaRole.data.content).toContain("English");
    const community = await env.DB.prepare(
      "SELECT moderator_role_id, locale FROM communities WHERE workspace_id = ?",
    )
      .bind(GUILD)
      .first();
    expect(community).toEqual({ moderator_role_id: role, locale: "en" });
  });
});

describe("slow answers on Discord", () => {
  it("defers and then edits the original reply through the webhook", async () => {
    await resetStandins();
    const response = await send(await signedDiscord(commandInteraction([sub("help")])), {
      replyDeadlineMs: 0,
    });
    expect(await response.json()).toEqual({ type: 5, data: { flags: 64 } });
    const edits = (await sentTo("discord")).filter((call) =>
      String(call.route).endsWith("/messages/@original"),
    );
    expect(edits).toHaveLength(1);
    expect(JSON.stringify(edits[0]?.body)).toContain("guyub: what you can do");
  });
});

describe("configuration", () => {
  it("answers 503 with a clear error when DISCORD_PUBLIC_KEY is not a 64-hex-digit key", async () => {
    const response = await send(await signedDiscord({ id: "1", type: 1, application_id: "1" }), {
      env: { DISCORD_PUBLIC_KEY: "not-a-key" },
    });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: "not_configured" });
  });
});
