import { env } from "cloudflare:workers";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { resetDb, snapshot } from "./support/db.ts";
import { GUILD, group, MANAGE_GUILD, moderatorInteraction, signedDiscord, sub } from "./support/discord.ts";
import { countWhere } from "./support/membership.ts";
import { MODERATOR, replyText, slashCommand } from "./support/slack.ts";
import { discordChannels, discordGuild, injectFault, markLost, markUser } from "./support/standins.ts";
import { isolate, outboxQueue, resetStandins } from "./support/worker.ts";

/** The bot's user id: its application's (vitest.config.ts and the stand-ins agree on it). */
const BOT_USER = "100000000000000001";

beforeEach(async () => {
  await resetDb();
  await resetStandins();
  outboxQueue.take();
});

type Send = (request: Request) => Promise<Response>;
const slack = async (send: Send, text: string) =>
  replyText(
    (await (await send(await slashCommand(text, { user_id: MODERATOR }))).json()) as { text?: string },
  );
const mainChannel = async () =>
  (
    await env.DB.prepare("SELECT main_channel_id FROM communities").first<{
      main_channel_id: string | null;
    }>()
  )?.main_channel_id;

describe("/copmod moderators add asks the platform's directory", () => {
  it("Slack: refuses bots, ids the workspace does not have and deactivated accounts; they never become members", async () => {
    const send = isolate({ sessionCacheMs: 0 });
    await markUser("slack", "U0NOBODY", "unknown");
    await markUser("slack", "U0HELPER", "bot");
    await slack(send, "help");
    const before = await snapshot();
    expect(await slack(send, "moderators add <@U0NOBODY>")).toContain(
      "<@U0NOBODY> is not in this workspace (or their account is deactivated), so they cannot be a moderator",
    );
    expect(await slack(send, "moderators add <@U0DEACTIVATED|dewi>")).toContain("is not in this workspace");
    expect(await slack(send, "moderators add <@U0HELPER|helper>")).toContain(
      "<@U0HELPER> is a bot: only people can be moderators",
    );
    expect(await slack(send, "moderators add <@U0GUYUBBOT|guyub>")).toContain("is a bot");
    expect(await snapshot()).toBe(before);
    expect(await countWhere("members", "platform_user_id IN ('U0NOBODY', 'U0HELPER', 'U0GUYUBBOT')")).toBe(0);

    // Slack cannot be asked: a polite refusal, never a guess (the failure is logged, not printed).
    const logged = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    await injectFault({ platform: "slack", match: "users.info", status: 500 });
    expect(await slack(send, "moderators add <@U0AYU|ayu>")).toContain("I could not check with the platform");
    expect(logged).toHaveBeenCalledWith("moderator look-up failed", expect.anything());
    expect(await snapshot()).toBe(before);
    const added = await slack(send, "moderators add <@U0AYU|ayu>");
    expect(added).toContain("is now a moderator");
    // A Slack command cannot be hidden from members, so there is nothing for an admin to grant.
    expect(added).not.toContain("Integrations");
  });

  it("Discord: refuses an id the server does not have (10007) and bots; adds a member", async () => {
    const send = isolate({ sessionCacheMs: 0 });
    const add = async (user: string) =>
      JSON.stringify(
        await (
          await send(
            await signedDiscord(
              moderatorInteraction(
                [group("moderators", sub("add", [{ type: 6, name: "member", value: user }]))],
                {
                  permissions: MANAGE_GUILD,
                },
              ),
            ),
          )
        ).json(),
      );
    await markUser("discord", "300000000000000404", "unknown");
    await markUser("discord", "300000000000000405", "bot");
    expect(await add("300000000000000404")).toContain("is not a member of this server");
    expect(await add("300000000000000405")).toContain("is a bot: only people can be moderators");
    expect(await add(BOT_USER)).toContain("is a bot");
    expect(await countWhere("members", "is_moderator = 1")).toBe(0);
    const added = await add("300000000000000007");
    expect(added).toContain("is now a moderator");
    // guyub cannot grant the hidden moderators' command itself: the reply says who can, and where.
    expect(added).toContain("Server Settings → Integrations → guyub → copmod");
    expect(await countWhere("members", "is_moderator = 1")).toBe(1);
  });
});

describe("/copmod onboarding channel checks that guyub can post there", () => {
  it("Slack: a channel guyub was never invited to, an archived one, a private one it cannot see", async () => {
    const send = isolate({ sessionCacheMs: 0 });
    await markLost({ platform: "slack", channelId: "C0OUTSIDE", kind: "not_in_channel" });
    await markLost({ platform: "slack", channelId: "C0OLD", kind: "is_archived" });
    await markLost({ platform: "slack", channelId: "G0SECRET", kind: "channel_not_found" });
    await slack(send, "help");
    const before = await snapshot();
    expect(await slack(send, "onboarding channel <#C0OUTSIDE|outside>")).toContain(
      "guyub is not in <#C0OUTSIDE> yet, so it cannot post there. Invite it: type /invite @guyub in <#C0OUTSIDE>",
    );
    expect(await slack(send, "onboarding channel <#C0OLD|old>")).toContain(
      "guyub cannot post in <#C0OLD>: it is archived",
    );
    expect(await slack(send, "onboarding channel <#G0SECRET|>")).toContain(
      "it does not exist, or it is private and guyub is not in it",
    );
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await injectFault({ platform: "slack", match: "conversations.info", status: 500 });
    expect(await slack(send, "onboarding channel <#C0GENERAL|general>")).toContain(
      "I could not check with the platform whether guyub can post in <#C0GENERAL>",
    );
    expect(logged).toHaveBeenCalledWith("slack: conversations.info failed", expect.anything());
    expect(await snapshot()).toBe(before);
    expect(await slack(send, "onboarding channel <#C0GENERAL|general>")).toContain("is now the main channel");
    expect(await mainChannel()).toBe("C0GENERAL");
  });

  describe("Discord: the bot's own permissions in that channel", () => {
    const BOT_ROLE = "100000000000000009";
    const VIEW = String(1n << 10n);
    const SEND = String(1n << 11n);
    const THREADS = String(1n << 38n);
    // The moderator's own permissions, as Discord resolves the channel option: everything. They
    // say nothing about the bot's, and must not be read as such.
    const choose = async (send: Send, channelId: string) => {
      const interaction = moderatorInteraction(
        [group("onboarding", sub("channel", [{ type: 7, name: "channel", value: channelId }]))],
        { permissions: MANAGE_GUILD },
      );
      const resolved = {
        channels: {
          [channelId]: { id: channelId, type: 0, name: "x", permissions: String((1n << 41n) - 1n) },
        },
      };
      const request = await signedDiscord({ ...interaction, data: { ...interaction.data, resolved } });
      return JSON.stringify(await (await send(request)).json());
    };

    it.each([
      [
        "hidden from @everyone, nothing for guyub",
        [{ id: GUILD, type: 0 as const, deny: VIEW }],
        "guyub cannot see <#",
      ],
      [
        "guyub's role may not send",
        [{ id: BOT_ROLE, type: 0 as const, deny: SEND }],
        "may not send messages there",
      ],
      [
        "@everyone may, guyub itself may not",
        [{ id: BOT_USER, type: 1 as const, deny: SEND }],
        "may not send messages there",
      ],
    ])("refuses a channel where %s, saying what to allow; nothing changes", async (_, overwrites, says) => {
      const send = isolate({ sessionCacheMs: 0 });
      await discordChannels([{ id: "700000000000000001", overwrites }]);
      await choose(send, "700000000000000002"); // registers the community
      const before = await snapshot();
      const reply = await choose(send, "700000000000000001");
      expect(reply).toContain(says);
      expect(reply).toContain("In the channel's settings, under Permissions, allow guyub's role");
      expect(await snapshot()).toBe(before);
    });

    it("accepts a channel hidden from @everyone but open to guyub's role, and Administrator over any overwrite", async () => {
      const send = isolate({ sessionCacheMs: 0 });
      await discordChannels([
        {
          id: "700000000000000003",
          overwrites: [
            { id: GUILD, type: 0, deny: VIEW },
            { id: BOT_ROLE, type: 0, allow: String((1n << 10n) | (1n << 11n)) },
          ],
        },
        { id: "700000000000000004", overwrites: [{ id: GUILD, type: 0, deny: VIEW }] },
      ]);
      expect(await choose(send, "700000000000000003")).toContain("is now the main channel");
      expect(await mainChannel()).toBe("700000000000000003");
      await discordGuild(GUILD, [
        { id: GUILD, permissions: "0" },
        { id: BOT_ROLE, permissions: String(1n << 3n) },
      ]);
      expect(await choose(send, "700000000000000004")).toContain("is now the main channel");
    });

    it("a thread takes its parent's overwrites and needs Send Messages in Threads", async () => {
      const send = isolate({ sessionCacheMs: 0 });
      await discordChannels([
        { id: "700000000000000005", overwrites: [{ id: BOT_ROLE, type: 0, deny: THREADS }] },
        { id: "700000000000000006", type: 11, parentId: "700000000000000005" },
      ]);
      expect(await choose(send, "700000000000000006")).toContain("may not send messages in this thread");
      expect(await choose(send, "700000000000000005")).toContain("is now the main channel");
    });

    it("refuses another server's channel, a category and a deleted channel", async () => {
      const send = isolate({ sessionCacheMs: 0 });
      await discordChannels([
        { id: "700000000000000007", guildId: "200000000000000099" },
        { id: "700000000000000008", type: 4 },
      ]);
      await markLost({ platform: "discord", channelId: "700000000000000009", kind: "unknown_channel" });
      expect(await choose(send, "700000000000000007")).toContain("That channel belongs to another server");
      expect(await choose(send, "700000000000000008")).toContain(
        "only post in a text or announcement channel",
      );
      expect(await choose(send, "700000000000000009")).toContain("That channel does not exist");
      expect(await mainChannel()).toBeNull();
    });
  });
});
