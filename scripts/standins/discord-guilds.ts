/**
 * Discord guild member listing (`GET /guilds/:id/members`), which guyub pages through to learn a
 * community's members. Every guild has the same seeded members: the bot and generated humans.
 */
import type { Hono } from "hono";
import { discordGuildDenied } from "./access.ts";
import { fieldError, route } from "./discord-http.ts";
import { SNOWFLAKE } from "./discord-messages.ts";
import type { StandinState } from "./state.ts";

/** Generated member ids count up from here; all sort after the bot's application id. */
const FIRST_MEMBER = 200_000_000_000_000_001n;
const NAMES = ["ayu", "budi", "citra", "dewi", "eko", "fitri", "gilang", "hana"];
const JOINED = Date.parse("2024-01-15T03:00:00.000Z");

/** The guild's members sorted by user id, as Discord pages them: the bot and `count - 1` humans. */
export function discordMembers(state: StandinState): Record<string, unknown>[] {
  const { discordApplicationId: botId, discordMemberCount: count } = state.config;
  const bot = {
    user: { id: botId, username: "guyub", global_name: null, bot: true },
    nick: null,
    roles: [],
    joined_at: new Date(JOINED).toISOString(),
  };
  const named = state.config.discordMemberNames;
  const names = named?.length ? named : NAMES;
  const humans = Array.from({ length: Math.max(0, count - 1) }, (_, i) => {
    const base = names[i % names.length] ?? "member";
    const username = i < names.length ? base : `${base}${Math.floor(i / names.length)}`;
    return {
      user: {
        id: String(FIRST_MEMBER + BigInt(i)),
        username,
        global_name: username[0]?.toUpperCase() + username.slice(1),
        bot: false,
      },
      // Every third member set a server nickname, so callers exercise nick ?? global_name.
      // (Given names are used as they are: the demo shows them.)
      nick: !named?.length && i % 3 === 2 ? `${username} (nick)` : null,
      roles: [],
      joined_at: new Date(JOINED + (i + 1) * 60_000).toISOString(),
    };
  });
  const extra = (state.config.discordExtraMembers ?? []).map((m) => ({
    user: {
      id: m.id,
      username: m.username,
      global_name: m.username[0]?.toUpperCase() + m.username.slice(1),
      bot: false,
    },
    nick: null,
    roles: [],
    joined_at: new Date(JOINED).toISOString(),
  }));
  const byId = (m: { user: { id: string } }) => BigInt(m.user.id);
  return (count > 0 ? [bot, ...humans, ...extra] : []).sort((a, b) => (byId(a) < byId(b) ? -1 : 1));
}

export function addGuildRoutes(app: Hono, state: StandinState): void {
  app.get("/guilds/:guildId/members", (c) => {
    const guildId = c.req.param("guildId");
    return route(c, state, { bucket: "members", major: guildId, botAuth: true }, () => {
      if (!SNOWFLAKE.test(guildId))
        return fieldError("guild_id", "NUMBER_TYPE_COERCE", `Value "${guildId}" is not snowflake.`);
      const denied = discordGuildDenied(state, guildId);
      if (denied) return denied;
      const limit = Number(c.req.query("limit") ?? 1);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
        return fieldError("limit", "NUMBER_TYPE_MAX", "int value should be between 1 and 1000.");
      const after = c.req.query("after") ?? "0";
      if (!SNOWFLAKE.test(after)) return fieldError("after", "NUMBER_TYPE_COERCE", "Value is not snowflake.");
      const page = discordMembers(state)
        .filter((m) => BigInt((m.user as { id: string }).id) > BigInt(after))
        .slice(0, limit);
      return [200, page];
    });
  });
}
