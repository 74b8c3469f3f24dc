import type { PlainKey } from "../i18n/index.ts";

/**
 * The two top-level commands. Members use `/cop`; moderator-only commands live under `/copmod`, so
 * Discord can hide them from members (`default_member_permissions`) and `/cop` has room to grow
 * (Discord counts 8,000 characters and 25 subcommands per top-level command). Lowercase letters only:
 * a valid command name on Slack, Discord and Telegram.
 */
export const MEMBER_ROOT = "cop";
export const MODERATOR_ROOT = "copmod";

export type CommandRoot = typeof MEMBER_ROOT | typeof MODERATOR_ROOT;

export const ROOTS: readonly CommandRoot[] = [MEMBER_ROOT, MODERATOR_ROOT];

/** What each root is for, as a platform describes the top-level command. */
export const ROOT_SUMMARIES: Readonly<Record<CommandRoot, PlainKey>> = {
  [MEMBER_ROOT]: "cmd.root",
  [MODERATOR_ROOT]: "cmd.rootModerator",
};

/**
 * The root a command lives under: `copmod` for a command only moderators may use; `cop` for the
 * rest, including one hosts or moderators may use (`meeting done`, not marked `moderator`).
 */
export function rootOf(command: { readonly moderator: boolean }): CommandRoot {
  return command.moderator ? MODERATOR_ROOT : MEMBER_ROOT;
}

export function isCommandRoot(name: string): name is CommandRoot {
  return name === MEMBER_ROOT || name === MODERATOR_ROOT;
}
