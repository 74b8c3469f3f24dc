import { z } from "zod";
import type { ChannelAccess, PlatformDirectory, UserKind } from "../../core/membership/directory.ts";
import { basePermissions, channelPermissions, has, PERMISSION } from "./permissions.ts";

const snowflake = z.string().regex(/^\d{1,20}$/);
const bits = z.string().regex(/^\d{1,40}$/);
const overwrite = z.looseObject({ id: snowflake, type: z.number().int(), allow: bits, deny: bits });
const channel = z.looseObject({
  id: snowflake,
  type: z.number().int(),
  guild_id: snowflake.optional(),
  parent_id: snowflake.nullish(),
  permission_overwrites: z.array(overwrite).max(500).optional(),
});
const member = z.looseObject({
  user: z.looseObject({ id: snowflake, bot: z.boolean().optional() }),
  roles: z.array(snowflake).max(1000),
});
const roles = z.array(z.looseObject({ id: snowflake, permissions: bits })).max(1000);

const TEXT = new Set([0, 5]);
const THREADS = new Set([10, 11, 12]);
/** Discord's "this does not exist" codes: Unknown Channel, Member, User. */
const UNKNOWN = new Set([10003, 10007, 10013]);

export interface DiscordLookupsConfig {
  readonly apiUrl: string;
  readonly botToken: string;
  readonly guildId: string;
  /** The bot's user id: a bot user has its application's id. */
  readonly botId: string;
  readonly timeoutMs?: number;
}

type Answer<T> = { ok: true; value: T } | { ok: false; status: number; code: number | null };

/**
 * Discord's answers for `PlatformDirectory`: a user is looked up as a guild member; a channel is
 * fetched with the bot's guild member and the guild's roles (one round of three parallel calls),
 * and the bot's own permissions there are computed (permissions.ts). Anything unexpected is
 * "cannot tell" (null), never a yes.
 */
export function createDiscordLookups(config: DiscordLookupsConfig): PlatformDirectory {
  const base = config.apiUrl.replace(/\/+$/, "");
  async function get<T>(path: string, schema: z.ZodType<T>): Promise<Answer<T> | null> {
    try {
      const response = await fetch(`${base}${path}`, {
        headers: { authorization: `Bot ${config.botToken}` },
        signal: AbortSignal.timeout(config.timeoutMs ?? 2500),
      });
      const body: unknown = await response.json().catch(() => undefined);
      if (!response.ok) {
        const code = (body as { code?: unknown } | undefined)?.code;
        return { ok: false, status: response.status, code: typeof code === "number" ? code : null };
      }
      const parsed = schema.safeParse(body);
      return parsed.success ? { ok: true, value: parsed.data } : null;
    } catch (error) {
      console.error(`discord: GET ${path} failed`, error);
      return null;
    }
  }
  const guild = config.guildId;

  return {
    async user(userId): Promise<UserKind | null> {
      const found = await get(`/guilds/${guild}/members/${userId}`, member);
      if (!found) return null;
      if (found.ok) return found.value.user.bot === true ? "bot" : "person";
      return found.status === 404 && found.code !== null && UNKNOWN.has(found.code) ? "unknown" : null;
    },

    async channel(channelId): Promise<ChannelAccess | null> {
      const [place, bot, guildRoles] = await Promise.all([
        get(`/channels/${channelId}`, channel),
        get(`/guilds/${guild}/members/${config.botId}`, member),
        get(`/guilds/${guild}/roles`, roles),
      ]);
      if (!place || !bot?.ok || !guildRoles?.ok) return null;
      if (!place.ok) {
        if (place.status === 404 && place.code === 10003) return { ok: false, problem: "not_found" };
        // Missing Access: the bot cannot even see the channel.
        if (place.status === 403 && place.code === 50001) return { ok: false, problem: "cannot_view" };
        return null;
      }
      if (place.value.guild_id !== guild) return { ok: false, problem: "other_server" };
      const thread = THREADS.has(place.value.type);
      if (!thread && !TEXT.has(place.value.type)) return { ok: false, problem: "not_text" };
      // A thread has no overwrites of its own: its parent channel's apply.
      const source =
        thread && place.value.parent_id ? await get(`/channels/${place.value.parent_id}`, channel) : place;
      if (!source?.ok) return null;
      const held = bot.value.roles;
      const permissions = channelPermissions(
        basePermissions(guild, guildRoles.value, held),
        guild,
        config.botId,
        held,
        source.value.permission_overwrites ?? [],
      );
      if (!has(permissions, PERMISSION.VIEW_CHANNEL)) return { ok: false, problem: "cannot_view" };
      if (thread && !has(permissions, PERMISSION.SEND_MESSAGES_IN_THREADS))
        return { ok: false, problem: "cannot_send_threads" };
      if (!thread && !has(permissions, PERMISSION.SEND_MESSAGES))
        return { ok: false, problem: "cannot_send" };
      return { ok: true };
    },
  };
}
