import { OPTION_TYPE } from "../../src/adapters/discord/parse.ts";
import { registry } from "../../src/core/commands/index.ts";
import type { CommandRoot } from "../../src/core/commands/roots.ts";
import { type DiscordOptionJson, discordOptions, splitRoot, typedName } from "./discord-options.ts";

const MANAGE_GUILD = 1n << 5n;
/** What an ordinary member may do in a text channel: View Channel, Send Messages, Read History. */
const MEMBER_PERMISSIONS = (1n << 10n) | (1n << 11n) | (1n << 16n);
const DISCORD_EPOCH = 1_420_070_400_000n;
const GUILD_TEXT = 0;
/** When the CLI's members joined the server (resolved members carry `joined_at`). */
const JOINED_AT = "2024-01-15T03:00:00.000Z";

/** The channel the CLI's commands are typed in, unless told otherwise. */
export const DISCORD_GENERAL_CHANNEL = "400000000000000001";
/**
 * Each application command's own id (a snowflake, as Discord gives every command) when the
 * registration's are not known: `npm run sign` asks the stand-in for them (discord-command-ids.ts).
 */
export const DEFAULT_COMMAND_IDS: Readonly<Record<CommandRoot, string>> = {
  cop: "1000000000000000001",
  copmod: "1000000000000000002",
};

/** How Discord describes a user: `bot` is present only for bots, as in Discord's user object. */
export interface DiscordUserInfo {
  readonly username: string;
  readonly globalName?: string | null;
  readonly bot?: boolean;
}

export interface InteractionSettings {
  readonly applicationId: string;
  readonly guildId: string;
  readonly guildLocale: string;
  readonly userId: string;
  /** Gives the speaker Manage Server, whoever they are. */
  readonly moderator: boolean;
  /** The channel the command is typed in (default `DISCORD_GENERAL_CHANNEL`). */
  readonly channelId?: string;
  /** Who a user id is, for `resolved` (default: `@ayu`, `@budi`, the bot, or the typed `@name`). */
  readonly describeUser?: (id: string) => DiscordUserInfo | undefined;
  /** The ids registration gave `cop` and `copmod` (default `DEFAULT_COMMAND_IDS`). */
  readonly commandIds?: Partial<Record<CommandRoot, string>>;
}

let sequence = 0;
/** A snowflake for a moment: milliseconds since Discord's epoch shifted left 22 bits, then a counter. */
export function snowflakeAt(ms = Date.now()): string {
  sequence = (sequence + 1) & 0xfff;
  return (((BigInt(ms) - DISCORD_EPOCH) << 22n) | BigInt(sequence)).toString();
}

/**
 * The interaction Discord would send for a typed line like `cop kudos @budi for the rubric` or
 * `copmod meeting link https://meet.example/cop` (see `discordOptions` for how the words become
 * options): the application command the line names (`data.name` and its registered id), a fresh
 * snowflake id, the channel it was typed in, and `data.resolved` describing every user, channel and role the options name, as
 * Discord resolves them (https://discord.com/developers/docs/interactions/receiving-and-responding,
 * Resolved Data Structure). Throws `CommandLineError` for a line Discord's client could not send.
 */
export function buildDiscordCommand(text: string, settings: InteractionSettings) {
  const options = discordOptions(registry, text);
  const { root } = splitRoot(text);
  const describe = (id: string) => describeUser(id, settings);
  const speaker = describe(settings.userId);
  const permissions = String(settings.moderator ? MEMBER_PERMISSIONS | MANAGE_GUILD : MEMBER_PERMISSIONS);
  const channelId = settings.channelId ?? DISCORD_GENERAL_CHANNEL;
  const resolved = resolvedData(options, describe, permissions);
  const id = snowflakeAt();
  return {
    id,
    type: 2,
    application_id: settings.applicationId,
    token: `dev-interaction-${id}`,
    version: 1,
    context: 0,
    guild_id: settings.guildId,
    guild_locale: settings.guildLocale,
    locale: settings.guildLocale,
    channel_id: channelId,
    channel: { id: channelId, type: GUILD_TEXT, guild_id: settings.guildId, name: "general" },
    member: {
      user: userObject(settings.userId, speaker),
      permissions,
      roles: [],
      nick: null,
      joined_at: JOINED_AT,
      deaf: false,
      mute: false,
      pending: false,
      flags: 0,
    },
    data: {
      id: settings.commandIds?.[root] ?? DEFAULT_COMMAND_IDS[root],
      name: root,
      type: 1,
      options,
      ...(resolved ? { resolved } : {}),
    },
  };
}

function describeUser(id: string, settings: InteractionSettings): DiscordUserInfo {
  const given = settings.describeUser?.(id);
  if (given) return given;
  if (id === settings.applicationId) return { username: "guyub", bot: true };
  return { username: typedName(id) ?? `member${id.slice(-4)}` };
}

function userObject(id: string, info: DiscordUserInfo) {
  return {
    id,
    username: info.username,
    global_name: info.globalName ?? null,
    discriminator: "0",
    avatar: null,
    ...(info.bot ? { bot: true } : {}),
  };
}

/** `data.resolved` for the users, channels and roles the options name; none named, none sent. */
function resolvedData(
  options: readonly DiscordOptionJson[],
  describe: (id: string) => DiscordUserInfo,
  permissions: string,
) {
  const users: Record<string, unknown> = {};
  const members: Record<string, unknown> = {};
  const channels: Record<string, unknown> = {};
  const roles: Record<string, unknown> = {};
  for (const { type, value } of leaves(options)) {
    if (value === undefined) continue;
    if (type === OPTION_TYPE.USER) {
      users[value] = userObject(value, describe(value));
      // A partial member: no `user`, `deaf` or `mute`; `permissions` are theirs in this channel.
      members[value] = { nick: null, roles: [], joined_at: JOINED_AT, pending: false, flags: 0, permissions };
    } else if (type === OPTION_TYPE.CHANNEL) {
      // `permissions` are the invoking member's in that channel, not the bot's.
      channels[value] = { id: value, name: `channel-${value.slice(-4)}`, type: GUILD_TEXT, permissions };
    } else if (type === OPTION_TYPE.ROLE) {
      roles[value] = {
        id: value,
        name: typedName(value) ?? `role-${value.slice(-4)}`,
        color: 0,
        hoist: false,
        position: 1,
        permissions: "0",
        managed: false,
        mentionable: true,
        flags: 0,
      };
    }
  }
  const filled = Object.entries({ users, members, channels, roles }).filter(
    ([, map]) => Object.keys(map).length > 0,
  );
  return filled.length > 0 ? Object.fromEntries(filled) : undefined;
}

function leaves(options: readonly DiscordOptionJson[]): DiscordOptionJson[] {
  return options.flatMap((option) => (option.options ? leaves(option.options) : [option]));
}
