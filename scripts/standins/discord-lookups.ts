/**
 * Discord look-ups guyub makes before trusting a setting: one channel (`GET /channels/{id}`), one
 * guild member (`GET /guilds/{id}/members/{user}`), a guild's roles (`GET /guilds/{id}/roles`) and
 * the guild itself (`GET /guilds/{id}`: its owner and roles, for the dashboard's moderator check),
 * answered like Discord, plus the control routes that set up the world they describe.
 */
import type { Hono } from "hono";
import { z } from "zod";
import { discordChannelDenied, discordGuildDenied } from "./access.ts";
import { discordMembers } from "./discord-guilds.ts";
import { fieldError, type Reply, route } from "./discord-http.ts";
import { SNOWFLAKE } from "./discord-messages.ts";
import {
  botPermissions,
  botRoles,
  ChannelsInput,
  channelObject,
  GuildsInput,
  guildObject,
  guildRoles,
  memberRoles,
  PERMISSION,
} from "./discord-world.ts";
import type { StandinState } from "./state.ts";

const JOINED = "2024-01-15T03:00:00.000Z";
const notSnowflake = (field: string, value: string) =>
  fieldError(field, "NUMBER_TYPE_COERCE", `Value "${value}" is not snowflake.`);

/** A channel the bot cannot see answers 50001, as on Discord; a lost one as it was marked. */
function channelReply(state: StandinState, id: string): Reply {
  if (!SNOWFLAKE.test(id)) return notSnowflake("channel_id", id);
  const denied = discordChannelDenied(state, id);
  if (denied) return denied;
  // A server the bot is no longer in hides its channels too.
  if (discordGuildDenied(state, channelObject(state, id).guild_id))
    return [403, { message: "Missing Access", code: 50001 }];
  if ((botPermissions(state, id) & PERMISSION.VIEW_CHANNEL) === 0n)
    return [403, { message: "Missing Access", code: 50001 }];
  return [200, channelObject(state, id)];
}

/** One member: the bot, a listed member, or any other snowflake as an ordinary member. */
function memberReply(state: StandinState, guildId: string, userId: string): Reply {
  if (!SNOWFLAKE.test(guildId)) return notSnowflake("guild_id", guildId);
  if (!SNOWFLAKE.test(userId)) return notSnowflake("user_id", userId);
  const denied = discordGuildDenied(state, guildId);
  if (denied) return denied;
  const mark = state.userMarks.get(`discord:${userId}`);
  if (mark === "unknown") return [404, { message: "Unknown Member", code: 10007 }];
  if (userId === state.config.discordApplicationId) {
    const user = { id: userId, username: "guyub", global_name: null, bot: true };
    return [200, { user, nick: null, roles: botRoles(state, guildId), joined_at: JOINED }];
  }
  const listed = discordMembers(state).find((m) => (m.user as { id: string }).id === userId);
  const member = listed ?? {
    user: { id: userId, username: `user${userId.slice(-4)}`, global_name: null, bot: false },
    nick: null,
    roles: [],
    joined_at: JOINED,
  };
  const user = member.user as Record<string, unknown>;
  const roles = memberRoles(state, guildId, userId);
  return [200, { ...member, roles, user: { ...user, bot: mark === "bot" || user.bot === true } }];
}

export function addLookupRoutes(app: Hono, state: StandinState): void {
  app.get("/channels/:channelId", (c) => {
    const id = c.req.param("channelId");
    return route(c, state, { bucket: "channel", major: id, botAuth: true }, () => channelReply(state, id));
  });
  app.get("/guilds/:guildId/members/:userId", (c) => {
    const guildId = c.req.param("guildId");
    return route(c, state, { bucket: "member", major: guildId, botAuth: true }, () =>
      memberReply(state, guildId, c.req.param("userId")),
    );
  });
  app.get("/guilds/:guildId", (c) => {
    const guildId = c.req.param("guildId");
    return route(c, state, { bucket: "guild", major: guildId, botAuth: true }, () => {
      if (!SNOWFLAKE.test(guildId)) return notSnowflake("guild_id", guildId);
      return discordGuildDenied(state, guildId) ?? [200, guildObject(state, guildId)];
    });
  });
  app.get("/guilds/:guildId/roles", (c) => {
    const guildId = c.req.param("guildId");
    return route(c, state, { bucket: "roles", major: guildId, botAuth: true }, () => {
      if (!SNOWFLAKE.test(guildId)) return notSnowflake("guild_id", guildId);
      return discordGuildDenied(state, guildId) ?? [200, guildRoles(state, guildId)];
    });
  });
}

/** `POST /__discord/channels` and `POST /__discord/guilds`: the world the look-ups describe. */
export function addWorldControlRoutes(app: Hono, state: StandinState): void {
  const parsed = async <T extends z.ZodType>(req: Request, schema: T) =>
    schema.safeParse(await req.json().catch(() => null));
  app.post("/__discord/channels", async (c) => {
    const input = await parsed(c.req.raw, ChannelsInput);
    if (!input.success) return c.json({ ok: false, error: z.prettifyError(input.error) }, 400);
    for (const channel of input.data.channels) state.discordChannels.set(channel.id, channel);
    return c.json({ ok: true, channels: input.data.channels.map((ch) => channelObject(state, ch.id)) });
  });
  app.post("/__discord/guilds", async (c) => {
    const input = await parsed(c.req.raw, GuildsInput);
    if (!input.success) return c.json({ ok: false, error: z.prettifyError(input.error) }, 400);
    state.discordGuilds.set(input.data.guildId, input.data);
    return c.json({ ok: true, roles: guildRoles(state, input.data.guildId) });
  });
}
