import { isCommandRoot, MEMBER_ROOT } from "../../core/commands/roots.ts";
import type { Invocation } from "../../core/commands/types.ts";
import { CommandError } from "../../core/errors.ts";
import type { Locale } from "../../core/i18n/index.ts";
import type { Community, Contact } from "../../core/model.ts";
import type { PlatformAuthority } from "../../core/ports.ts";
import type { DiscordInteraction, DiscordOption } from "./payloads.ts";

export const OPTION_TYPE = {
  SUB_COMMAND: 1,
  SUB_COMMAND_GROUP: 2,
  STRING: 3,
  USER: 6,
  CHANNEL: 7,
  ROLE: 8,
} as const;

const MANAGE_GUILD = 1n << 5n;
const ADMINISTRATOR = 1n << 3n;

/**
 * Discord's `cop › group › sub` (or `copmod › …`) option tree to a neutral invocation under that
 * root; core refuses a command that lives under the other one. A name guyub never registered (a
 * command left over from an older registration) is unknown.
 */
export function invocationFromOptions(
  name: string | undefined,
  options: readonly DiscordOption[] | undefined,
): Invocation {
  const root = name ?? MEMBER_ROOT;
  if (!isCommandRoot(root)) throw new CommandError("unknown_command", { input: root });
  const first = options?.[0];
  if (!first) return { root: MEMBER_ROOT, path: ["help"], args: {} };
  if (first.type === OPTION_TYPE.SUB_COMMAND_GROUP) {
    const sub = first.options?.[0];
    if (!sub || sub.type !== OPTION_TYPE.SUB_COMMAND)
      throw new CommandError("missing_subcommand", { path: first.name, root });
    return { root, path: [first.name, sub.name], args: valuesOf(sub.options) };
  }
  if (first.type === OPTION_TYPE.SUB_COMMAND)
    return { root, path: [first.name], args: valuesOf(first.options) };
  throw new CommandError("unknown_command", { input: first.name });
}

function valuesOf(options: readonly DiscordOption[] | undefined): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const option of options ?? []) args[option.name] = option.value;
  return args;
}

/** Indonesian servers start guyub in Bahasa Indonesia. */
export function localeFrom(discordLocale: string | undefined): Locale {
  return discordLocale?.toLowerCase().startsWith("id") ? "id" : "en";
}

/** Who is speaking, from a guild interaction. */
export function discordContact(interaction: DiscordInteraction & { guild_id: string }): Contact {
  const user = interaction.member?.user ?? interaction.user;
  return {
    platform: "discord",
    workspaceId: interaction.guild_id,
    workspaceName: null,
    userId: user?.id ?? "0",
    displayName: interaction.member?.nick ?? user?.global_name ?? user?.username ?? null,
    initialLocale: localeFrom(interaction.guild_locale),
  };
}

/** Manage Server (or Administrator) in the payload's permission bitfield, or the community's role. */
export function discordAuthority(interaction: DiscordInteraction, community: Community): PlatformAuthority {
  const bits = BigInt(interaction.member?.permissions ?? "0");
  const hasPermission = (bits & MANAGE_GUILD) === MANAGE_GUILD || (bits & ADMINISTRATOR) === ADMINISTRATOR;
  const hasRole =
    community.moderatorRoleId !== null &&
    (interaction.member?.roles ?? []).includes(community.moderatorRoleId);
  return { kind: "payload", isModerator: hasPermission || hasRole };
}
