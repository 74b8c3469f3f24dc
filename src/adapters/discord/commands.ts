import { choiceName, SUBCOMMAND_WORDS } from "../../core/commands/choice-words.ts";
import type { Command, Registry } from "../../core/commands/index.ts";
import type { OptionSpec } from "../../core/commands/options.ts";
import { MEMBER_ROOT, MODERATOR_ROOT, ROOT_SUMMARIES, ROOTS } from "../../core/commands/roots.ts";
import { allTranslations, type PlainKey } from "../../core/i18n/index.ts";
import { OPTION_TYPE } from "./parse.ts";
import { PERMISSION } from "./permissions.ts";

/** How guyub's commands are written on Discord: two top-level commands, options named. */
export const DISCORD_SYNTAX = {
  prefix: `/${MEMBER_ROOT}`,
  moderatorPrefix: `/${MODERATOR_ROOT}`,
  namedOptions: true,
} as const;

/**
 * Manage Server, as Discord wants it: a permission bit set written as a string. Who lacks it never
 * sees `/copmod` in the picker, unless a server admin grants the command to them or a role under
 * Server Settings → Integrations (guyub still checks moderator rights on every command).
 */
export const MODERATOR_COMMAND_PERMISSIONS = String(PERMISSION.MANAGE_GUILD);

const CHAT_INPUT = 1;
const GUILD_CONTEXT = 0;
const GUILD_INSTALL = 0;
const GUILD_TEXT = 0;
const GUILD_ANNOUNCEMENT = 5;

function described(key: PlainKey) {
  const { en, id } = allTranslations(key);
  return { description: en.slice(0, 100), description_localizations: { id: id.slice(0, 100) } };
}

/** The Discord option type of a command option (the signing CLI builds interactions with it too). */
export function optionType(spec: OptionSpec): number {
  if (spec.kind === "user") return OPTION_TYPE.USER;
  if (spec.kind === "role") return OPTION_TYPE.ROLE;
  if (spec.kind === "channel") return OPTION_TYPE.CHANNEL;
  return OPTION_TYPE.STRING;
}

/**
 * A choice as Discord shows it: the English word, the Indonesian one for an Indonesian client, and
 * the value unchanged (what the interaction carries, whichever name was picked).
 */
function choice(spec: OptionSpec, value: string) {
  const id = choiceName(spec, value, "id");
  return { name: value, ...(id !== value ? { name_localizations: { id } } : {}), value };
}

function subcommand(command: Command, name: string) {
  const id = SUBCOMMAND_WORDS[name]?.id;
  return {
    type: OPTION_TYPE.SUB_COMMAND,
    name,
    ...(id ? { name_localizations: { id } } : {}),
    ...described(command.summary),
    options: Object.entries(command.options).map(([optionName, spec]) => ({
      type: optionType(spec),
      name: optionName,
      ...described(spec.description),
      required: spec.required,
      // Channels guyub can post in: text and announcement channels.
      ...(spec.kind === "channel" ? { channel_types: [GUILD_TEXT, GUILD_ANNOUNCEMENT] } : {}),
      ...(spec.choices ? { choices: spec.choices.map((value) => choice(spec, value)) } : {}),
    })),
  };
}

/**
 * The application command JSON for `PUT /applications/{id}/commands`, derived from the registry:
 * `cop` for everyone and `copmod` for moderators (hidden from members by
 * `default_member_permissions`), whose subcommands and groups mirror the Slack words. Servers only.
 */
export function discordCommandDefinitions(registry: Registry) {
  return ROOTS.map((root) => ({
    name: root,
    type: CHAT_INPUT,
    ...described(ROOT_SUMMARIES[root]),
    ...(root === MODERATOR_ROOT ? { default_member_permissions: MODERATOR_COMMAND_PERMISSIONS } : {}),
    contexts: [GUILD_CONTEXT],
    integration_types: [GUILD_INSTALL],
    options: registry.tree("discord", root).map((entry) =>
      entry.kind === "command"
        ? subcommand(entry.command, entry.command.name)
        : {
            type: OPTION_TYPE.SUB_COMMAND_GROUP,
            name: entry.name,
            ...described(registry.groupSummary(entry.name)),
            options: entry.commands.map((command) => subcommand(command, command.path[1] as string)),
          },
    ),
  }));
}
