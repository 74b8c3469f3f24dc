/**
 * Checks of the look-ups guyub makes before trusting a setting (run by selfcheck.ts): Slack
 * `conversations.info` and `users.info` with marks, Discord's channel, member and roles, and the
 * bot's permissions computed from roles and overwrites as Discord documents it.
 */
import assert from "node:assert/strict";
import { discordInstallPermissions } from "../../src/adapters/discord/install.ts";
import { APP_ID, type Check, type Client, control, discordResult, slackResult } from "./selfcheck-client.ts";

type Obj = Record<string, unknown>;
const GUILD = "200000000000000001";
const BOT_ROLE = "100000000000000009";
const VIEW = String(1n << 10n);
const SEND = String(1n << 11n);
const HISTORY = String(1n << 16n);
const VIEW_AND_SEND = String((1n << 10n) | (1n << 11n));
const post = (c: Client, channel: string) =>
  c.discord("POST", `/channels/${channel}/messages`, { content: "hi" });

export function lookupChecks(c: Client): Check[] {
  return [
    [
      "slack: conversations.info says whether the bot is in a channel; users.info honours marks",
      async () => {
        const general = await slackResult(c.slack("conversations.info", { channel: "C0GENERAL" }));
        assert.deepEqual(
          [
            (general.channel as Obj).id,
            (general.channel as Obj).is_member,
            (general.channel as Obj).is_archived,
          ],
          ["C0GENERAL", true, false],
        );
        await control(c, "POST", "/__lost", {
          platform: "slack",
          channelId: "C0OUTSIDE",
          kind: "not_in_channel",
        });
        const outside = await slackResult(c.slack("conversations.info", { channel: "C0OUTSIDE" }));
        assert.equal((outside.channel as Obj).is_member, false);
        await slackResult(c.slack("chat.postMessage", { channel: "C0OUTSIDE", text: "x" }), "not_in_channel");
        await control(c, "POST", "/__lost", { platform: "slack", channelId: "C0OLD", kind: "is_archived" });
        const old = await slackResult(c.slack("conversations.info", { channel: "C0OLD" }));
        assert.equal((old.channel as Obj).is_archived, true);
        await control(c, "POST", "/__lost", {
          platform: "slack",
          channelId: "G0SECRET",
          kind: "channel_not_found",
        });
        await slackResult(c.slack("conversations.info", { channel: "G0SECRET" }), "channel_not_found");
        await slackResult(c.slack("conversations.info", { channel: "nope" }), "channel_not_found");

        await control(c, "POST", "/__users", { platform: "slack", userId: "U0NOBODY", kind: "unknown" });
        await control(c, "POST", "/__users", { platform: "slack", userId: "U0ROBOT", kind: "bot" });
        await slackResult(c.slack("users.info", { user: "U0NOBODY" }), "user_not_found");
        const robot = await slackResult(c.slack("users.info", { user: "U0ROBOT" }));
        assert.equal((robot.user as Obj).is_bot, true);
        await control(c, "POST", "/__users", { platform: "slack", userId: "U0X", kind: "ghost" }, 400);
      },
    ],
    [
      "discord: one member, unknown members (10007) and bots",
      async () => {
        const bot = await discordResult(c.discord("GET", `/guilds/${GUILD}/members/${APP_ID}`), 200);
        assert.deepEqual([(bot.user as Obj).bot, bot.roles], [true, [BOT_ROLE]]);
        const anyone = await discordResult(
          c.discord("GET", `/guilds/${GUILD}/members/300000000000000001`),
          200,
        );
        assert.equal((anyone.user as Obj).bot, false);
        await control(c, "POST", "/__users", {
          platform: "discord",
          userId: "300000000000000404",
          kind: "unknown",
        });
        await discordResult(c.discord("GET", `/guilds/${GUILD}/members/300000000000000404`), 404, 10007);
        await control(c, "POST", "/__users", {
          platform: "discord",
          userId: "300000000000000405",
          kind: "bot",
        });
        const other = await discordResult(
          c.discord("GET", `/guilds/${GUILD}/members/300000000000000405`),
          200,
        );
        assert.equal((other.user as Obj).bot, true);
        await control(c, "POST", "/__lost", { platform: "discord", guildId: "200000000000000666" });
        await discordResult(c.discord("GET", "/guilds/200000000000000666/members/1"), 403, 50001);
      },
    ],
    [
      "discord: channels and roles; the bot's permissions from roles and overwrites decide posting",
      async () => {
        const roles = await discordResult(c.discord("GET", `/guilds/${GUILD}/roles`), 200);
        assert.deepEqual(
          roles.map((r) => r.id),
          [GUILD, BOT_ROLE],
        );
        const plain = await discordResult(c.discord("GET", "/channels/700000000000000001"), 200);
        assert.deepEqual([plain.type, plain.guild_id, plain.permission_overwrites], [0, GUILD, []]);
        await control(c, "POST", "/__discord/channels", {
          channels: [
            // @everyone may not see it; guyub's role may: visible and open to guyub.
            {
              id: "700000000000000002",
              overwrites: [
                { id: GUILD, type: 0, deny: VIEW },
                { id: BOT_ROLE, type: 0, allow: VIEW_AND_SEND },
              ],
            },
            // Hidden from @everyone, nothing for guyub: 50001 to read and to post.
            { id: "700000000000000003", overwrites: [{ id: GUILD, type: 0, deny: VIEW }] },
            // Visible, but the bot itself may not send: 50013.
            { id: "700000000000000004", overwrites: [{ id: APP_ID, type: 1, deny: SEND }] },
            // A thread of the hidden channel: its parent's permissions.
            { id: "700000000000000005", type: 11, parentId: "700000000000000003" },
          ],
        });
        await discordResult(post(c, "700000000000000002"), 200);
        await discordResult(c.discord("GET", "/channels/700000000000000003"), 403, 50001);
        await discordResult(post(c, "700000000000000003"), 403, 50001);
        const visible = await discordResult(c.discord("GET", "/channels/700000000000000004"), 200);
        assert.equal((visible.permission_overwrites as Obj[]).length, 1);
        await discordResult(post(c, "700000000000000004"), 403, 50013);
        await discordResult(post(c, "700000000000000005"), 403, 50001);

        // Administrator on the bot's role passes every overwrite.
        await control(c, "POST", "/__discord/guilds", {
          guildId: GUILD,
          roles: [
            { id: GUILD, permissions: "0" },
            { id: BOT_ROLE, permissions: String(1n << 3n) },
          ],
        });
        await discordResult(post(c, "700000000000000003"), 200);
        await control(c, "POST", "/__discord/channels", { channels: [{ id: "x" }] }, 400);
      },
    ],
    [
      "discord: reading history needs View Channel (50001) and Read Message History (else an empty list)",
      async () => {
        const roles = await discordResult(c.discord("GET", `/guilds/${GUILD}/roles`), 200);
        // The managed role carries exactly what the install URL asks for.
        assert.equal(roles.find((r) => r.id === BOT_ROLE)?.permissions, String(discordInstallPermissions()));
        const [open, noHistory, hidden] = ["700000000000000011", "700000000000000012", "700000000000000013"];
        for (const channelId of [open, noHistory, hidden])
          await control(c, "POST", "/__discord/messages", { channelId, messages: [{ authorId: "81" }] });
        await control(c, "POST", "/__discord/channels", {
          channels: [
            { id: noHistory, overwrites: [{ id: GUILD, type: 0, deny: HISTORY }] },
            { id: hidden, overwrites: [{ id: GUILD, type: 0, deny: VIEW }] },
          ],
        });
        const read = (channel: string) => c.discord("GET", `/channels/${channel}/messages?after=0`);
        assert.equal((await discordResult(read(open), 200)).length, 1);
        assert.deepEqual(await discordResult(read(noHistory), 200), []);
        await discordResult(read(hidden), 403, 50001);
        // The role granting it back (an allow on guyub's role) makes the message readable again.
        await control(c, "POST", "/__discord/channels", {
          channels: [
            {
              id: noHistory,
              overwrites: [
                { id: GUILD, type: 0, deny: HISTORY },
                { id: BOT_ROLE, type: 0, allow: HISTORY },
              ],
            },
          ],
        });
        assert.equal((await discordResult(read(noHistory), 200)).length, 1);
        // Removed from the server: its channels answer 50001, to look at and to read.
        await control(c, "POST", "/__lost", { platform: "discord", guildId: GUILD });
        await discordResult(read(open), 403, 50001);
        await discordResult(c.discord("GET", `/channels/${open}`), 403, 50001);
      },
    ],
  ];
}
