/**
 * The Discord stand-in's servers as far as permissions go: each guild's roles (@everyone, whose id
 * is the guild's, and guyub's own managed role), the bot's roles, and channels with their
 * permission overwrites. Untouched, every guild grants guyub what its install URL asks for and
 * every channel is a plain text channel of the home guild (`config.discordGuildId`) without
 * overwrites. Tests change that through `POST /__discord/guilds` and `POST /__discord/channels`.
 * The computation follows Discord's documented one (topics/permissions), written here on its own
 * so it checks guyub's rather than repeating it.
 */
import { z } from "zod";
import { discordInstallPermissions } from "../../src/adapters/discord/install.ts";
import { discordGuildDenied } from "./access.ts";
import type { Reply } from "./discord-http.ts";
import type { StandinState } from "./state.ts";

const bit = (n: number) => 1n << BigInt(n);
export const PERMISSION = {
  ADMINISTRATOR: bit(3),
  VIEW_CHANNEL: bit(10),
  SEND_MESSAGES: bit(11),
  READ_MESSAGE_HISTORY: bit(16),
  SEND_MESSAGES_IN_THREADS: bit(38),
} as const;
const ALL = (1n << 53n) - 1n;

/** A new server's @everyone: invites, reactions, voice, view, send, embed, attach, history, threads… */
export const DEFAULT_EVERYONE = [0, 6, 9, 10, 11, 14, 15, 16, 18, 20, 21, 25, 26, 31, 35, 36, 37, 38]
  .map(bit)
  .reduce((a, b) => a | b, 0n);
/**
 * What guyub's install URL asks for: Discord gives an installed bot a managed role with exactly
 * the permissions of its URL, so the stand-in's role takes them from the same list.
 */
export const GUYUB_ROLE_PERMISSIONS = discordInstallPermissions();
/** The id of guyub's managed role in every guild the stand-in knows. */
export const GUYUB_ROLE = "100000000000000009";

const snowflake = z.string().regex(/^\d{1,20}$/);
const bits = z.string().regex(/^\d{1,20}$/);
const Overwrite = z.strictObject({
  id: snowflake,
  /** 0 a role (the guild id for @everyone), 1 a member. */
  type: z.union([z.literal(0), z.literal(1)]),
  allow: bits.default("0"),
  deny: bits.default("0"),
});

export const ChannelsInput = z.strictObject({
  channels: z
    .array(
      z.strictObject({
        id: snowflake,
        guildId: snowflake.optional(),
        /** 0 text, 2 voice, 4 category, 5 announcement, 11 public thread, 15 forum… */
        type: z.number().int().min(0).max(16).default(0),
        /** A thread's channel: its permissions are the parent's. */
        parentId: snowflake.optional(),
        name: z.string().min(1).max(100).optional(),
        overwrites: z.array(Overwrite).max(100).default([]),
      }),
    )
    .max(100),
});
export const GuildsInput = z.strictObject({
  guildId: snowflake,
  /** Replaces the guild's roles; the @everyone role's id is the guild's. */
  roles: z
    .array(z.strictObject({ id: snowflake, name: z.string().max(100).optional(), permissions: bits }))
    .max(250),
  /** The roles the bot's member holds (default: guyub's managed role). */
  botRoles: z.array(snowflake).max(250).optional(),
  /** The server's owner (`owner_id` of `GET /guilds/{id}`): every permission, whatever the roles. */
  ownerId: snowflake.optional(),
  /** The roles other members hold, by user id (default: none but @everyone). */
  memberRoles: z.record(snowflake, z.array(snowflake).max(250)).optional(),
});

export type ChannelSpec = z.output<typeof ChannelsInput>["channels"][number];
export type GuildSpec = z.output<typeof GuildsInput>;

/** The guild's roles as `GET /guilds/{id}/roles` returns them. */
export function guildRoles(state: StandinState, guildId: string) {
  const spec = state.discordGuilds.get(guildId);
  const roles = spec?.roles ?? [
    { id: guildId, name: "@everyone", permissions: String(DEFAULT_EVERYONE) },
    { id: GUYUB_ROLE, name: "guyub", permissions: String(GUYUB_ROLE_PERMISSIONS) },
  ];
  return roles.map((r, position) => ({
    id: r.id,
    name: r.name ?? (r.id === guildId ? "@everyone" : `role${r.id.slice(-4)}`),
    permissions: r.permissions,
    position,
    color: 0,
    hoist: false,
    managed: r.id === GUYUB_ROLE,
    mentionable: false,
    flags: 0,
  }));
}

/** The roles the bot's guild member holds. */
export function botRoles(state: StandinState, guildId: string): string[] {
  return state.discordGuilds.get(guildId)?.botRoles ?? [GUYUB_ROLE];
}

/** The roles a member other than the bot holds in a guild. */
export function memberRoles(state: StandinState, guildId: string, userId: string): string[] {
  return state.discordGuilds.get(guildId)?.memberRoles?.[userId] ?? [];
}

/** A server's owner: as set, else a user no test plays (the stand-in's servers are owned by nobody here). */
export const DEFAULT_OWNER = "100000000000000001";

/** The guild object of `GET /guilds/{id}` (the fields guyub reads, and Discord's usual ones). */
export function guildObject(state: StandinState, guildId: string) {
  return {
    id: guildId,
    name: `Server ${guildId.slice(-4)}`,
    icon: null,
    owner_id: state.discordGuilds.get(guildId)?.ownerId ?? DEFAULT_OWNER,
    roles: guildRoles(state, guildId),
    emojis: [],
    features: [],
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    system_channel_id: null,
    preferred_locale: "en-US",
  };
}

/** A channel as `GET /channels/{id}` returns it: configured, or a plain text channel of the home guild. */
export function channelObject(state: StandinState, id: string) {
  const spec = state.discordChannels.get(id);
  const guildId = spec?.guildId ?? state.config.discordGuildId;
  const type = spec?.type ?? 0;
  const thread = type === 10 || type === 11 || type === 12;
  return {
    id,
    type,
    guild_id: guildId,
    name: spec?.name ?? `channel-${id.slice(-4)}`,
    position: 0,
    flags: 0,
    nsfw: false,
    parent_id: spec?.parentId ?? null,
    ...(thread
      ? { thread_metadata: { archived: false, auto_archive_duration: 1440, locked: false } }
      : { permission_overwrites: spec?.overwrites ?? [] }),
  };
}

/**
 * The bot's permissions in a channel: @everyone and its roles, Administrator grants everything,
 * then the channel's overwrites for @everyone, its roles (allows and denies together) and itself.
 * A thread takes its parent channel's.
 */
export function botPermissions(state: StandinState, channelId: string): bigint {
  const channel = channelObject(state, channelId);
  const guildId = channel.guild_id;
  const botId = state.config.discordApplicationId;
  const held = botRoles(state, guildId);
  const roles = guildRoles(state, guildId);
  let base = BigInt(roles.find((r) => r.id === guildId)?.permissions ?? "0");
  for (const role of roles) if (held.includes(role.id)) base |= BigInt(role.permissions);
  if ((base & PERMISSION.ADMINISTRATOR) !== 0n) return ALL;
  const source = channel.parent_id && !("permission_overwrites" in channel) ? channel.parent_id : channelId;
  const overwrites = state.discordChannels.get(source)?.overwrites ?? [];
  const apply = (p: bigint, allow: bigint, deny: bigint) => (p & ~deny) | allow;
  const everyone = overwrites.find((o) => o.type === 0 && o.id === guildId);
  let permissions = everyone ? apply(base, BigInt(everyone.allow), BigInt(everyone.deny)) : base;
  let allow = 0n;
  let deny = 0n;
  for (const o of overwrites)
    if (o.type === 0 && o.id !== guildId && held.includes(o.id)) {
      allow |= BigInt(o.allow);
      deny |= BigInt(o.deny);
    }
  permissions = apply(permissions, allow, deny);
  const member = overwrites.find((o) => o.type === 1 && o.id === botId);
  return member ? apply(permissions, BigInt(member.allow), BigInt(member.deny)) : permissions;
}

/** Whether a channel id is a thread (posting there needs Send Messages in Threads). */
export function isThread(state: StandinState, channelId: string): boolean {
  const type = state.discordChannels.get(channelId)?.type ?? 0;
  return type === 10 || type === 11 || type === 12;
}

/** Posting needs View Channel and Send Messages (in a thread, Send Messages in Threads): 50001, 50013. */
export function postDenied(state: StandinState, channelId: string): Reply | undefined {
  const permissions = botPermissions(state, channelId);
  if ((permissions & PERMISSION.VIEW_CHANNEL) === 0n)
    return [403, { message: "Missing Access", code: 50001 }];
  const send = isThread(state, channelId) ? PERMISSION.SEND_MESSAGES_IN_THREADS : PERMISSION.SEND_MESSAGES;
  if ((permissions & send) === 0n) return [403, { message: "Missing Permissions", code: 50013 }];
  return undefined;
}

/**
 * Reading a channel's messages: the bot outside the server or without View Channel gets 403 50001;
 * without Read Message History Discord answers 200 with an empty list, not an error ("empty").
 */
export function readDenied(state: StandinState, channelId: string): Reply | "empty" | undefined {
  const lostGuild = discordGuildDenied(state, channelObject(state, channelId).guild_id);
  if (lostGuild) return [403, { message: "Missing Access", code: 50001 }];
  const permissions = botPermissions(state, channelId);
  if ((permissions & PERMISSION.VIEW_CHANNEL) === 0n)
    return [403, { message: "Missing Access", code: 50001 }];
  if ((permissions & PERMISSION.READ_MESSAGE_HISTORY) === 0n) return "empty";
  return undefined;
}
