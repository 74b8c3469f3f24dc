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
 * The bot's own permissions in one channel, or why there are none to compute: `no_access` when
 * Discord refuses the server itself (the bot was removed, 50001 / 10004). Null: Discord could not
 * be asked, or answered in an unexpected shape.
 */
export type BotPermissionsIn =
  | { readonly ok: true; readonly permissions: bigint; readonly thread: boolean }
  | { readonly ok: false; readonly problem: "not_found" | "cannot_view" | "other_server" | "not_text" }
  | { readonly ok: false; readonly problem: "no_access" }
  | null;

/** A GET against Discord's REST API with the bot token; null when it failed or the shape is wrong. */
function discordGet(config: DiscordLookupsConfig) {
  const base = config.apiUrl.replace(/\/+$/, "");
  return async <T>(path: string, schema: z.ZodType<T>): Promise<Answer<T> | null> => {
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
  };
}

/**
 * The bot's permissions in a channel, computed as Discord documents it (permissions.ts) from the
 * channel (`GET /channels/{id}`), the bot's guild member and the guild's roles. The last two are
 * the same for every channel of the server: asked once per instance (one request, one job run).
 */
export function createBotPermissions(config: DiscordLookupsConfig) {
  const get = discordGet(config);
  const guild = config.guildId;
  let serverWide: Promise<[Answer<z.infer<typeof member>> | null, Answer<z.infer<typeof roles>> | null]>;
  return {
    async inChannel(channelId: string): Promise<BotPermissionsIn> {
      serverWide ??= Promise.all([
        get(`/guilds/${guild}/members/${config.botId}`, member),
        get(`/guilds/${guild}/roles`, roles),
      ]);
      const [place, [bot, guildRoles]] = await Promise.all([
        get(`/channels/${channelId}`, channel),
        serverWide,
      ]);
      if (!bot || !guildRoles) return null;
      if (!bot.ok || !guildRoles.ok) {
        const refused = [bot, guildRoles].some((a) => !a.ok && (a.status === 403 || a.status === 404));
        return refused ? { ok: false, problem: "no_access" } : null;
      }
      if (!place) return null;
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
      return { ok: true, permissions, thread };
    },
  };
}

/**
 * Discord's answers for `PlatformDirectory`: a user is looked up as a guild member; a channel is
 * fetched with the bot's guild member and the guild's roles (one round of three parallel calls),
 * and the bot's own permissions there are computed (permissions.ts). Anything unexpected is
 * "cannot tell" (null), never a yes.
 */
export function createDiscordLookups(config: DiscordLookupsConfig): PlatformDirectory {
  const get = discordGet(config);
  const bot = createBotPermissions(config);
  return {
    async user(userId): Promise<UserKind | null> {
      const found = await get(`/guilds/${config.guildId}/members/${userId}`, member);
      if (!found) return null;
      if (found.ok) return found.value.user.bot === true ? "bot" : "person";
      return found.status === 404 && found.code !== null && UNKNOWN.has(found.code) ? "unknown" : null;
    },

    async channel(channelId): Promise<ChannelAccess | null> {
      const found = await bot.inChannel(channelId);
      if (!found || (!found.ok && found.problem === "no_access")) return null;
      if (!found.ok) return found;
      const { permissions, thread } = found;
      if (!has(permissions, PERMISSION.VIEW_CHANNEL)) return { ok: false, problem: "cannot_view" };
      if (thread && !has(permissions, PERMISSION.SEND_MESSAGES_IN_THREADS))
        return { ok: false, problem: "cannot_send_threads" };
      if (!thread && !has(permissions, PERMISSION.SEND_MESSAGES))
        return { ok: false, problem: "cannot_send" };
      return { ok: true };
    },
  };
}
