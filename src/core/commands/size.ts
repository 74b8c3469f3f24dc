import { allTranslations, type PlainKey } from "../i18n/index.ts";
import { choiceName, SUBCOMMAND_WORDS } from "./choice-words.ts";
import type { OptionSpec } from "./options.ts";
import { type CommandRoot, ROOT_SUMMARIES, rootOf } from "./roots.ts";
import type { Command } from "./types.ts";

/** Discord refuses a top-level command whose counted characters exceed this. */
export const COMMAND_CHARACTER_LIMIT = 8000;
/** Discord allows 25 subcommands, groups or options at one level. */
export const COMMAND_LEVEL_LIMIT = 25;
/**
 * What the registry allows at start-up: 85 % of the characters and 22 entries a level, so the
 * next commands fail here, in a test, with room left to move words, never at registration.
 */
export const SIZE_BUDGET = { characters: Math.floor(COMMAND_CHARACTER_LIMIT * 0.85), perLevel: 22 };

export interface RootSize {
  readonly root: CommandRoot;
  readonly characters: number;
  /** The most subcommands, groups or options at any one level, and where. */
  readonly widest: { readonly count: number; readonly at: string };
}

/**
 * One root as Discord counts it (8,000 characters per command): every name and description of the
 * command, its groups, subcommands and options, every choice name and value; each at its longest
 * localization. It mirrors the Discord registration JSON (descriptions cut at 100 characters);
 * a test checks the two agree.
 */
export function rootSize(
  root: CommandRoot,
  commands: readonly Command[],
  groupSummaries: Readonly<Record<string, PlainKey>>,
): RootSize {
  const mine = commands.filter((c) => rootOf(c) === root);
  let characters = root.length + described(ROOT_SUMMARIES[root]);
  let widest: { count: number; at: string } = { count: 0, at: root };
  const level = (count: number, at: string) => {
    if (count > widest.count) widest = { count, at };
  };
  const top = new Set<string>();
  for (const command of mine) {
    const [first, second] = command.path as [string, string?];
    if (second !== undefined && !top.has(first))
      characters += first.length + described(groupSummaries[first]);
    top.add(first);
    characters += subcommandSize(command, second ?? first);
    level(Object.keys(command.options).length, `${root} ${command.name}`);
  }
  level(top.size, root);
  for (const group of top) {
    const subs = mine.filter((c) => c.path.length === 2 && c.path[0] === group).length;
    level(subs, `${root} ${group}`);
  }
  return { root, characters, widest };
}

/** Refuses, at start-up, a root Discord would refuse or nearly refuse. */
export function checkRootSize(size: RootSize): void {
  if (size.characters > SIZE_BUDGET.characters)
    throw new Error(
      `/${size.root} counts ${size.characters} characters as Discord counts them, over the ${SIZE_BUDGET.characters} allowed (85 % of ${COMMAND_CHARACTER_LIMIT}): move words or shorten descriptions`,
    );
  if (size.widest.count > SIZE_BUDGET.perLevel)
    throw new Error(
      `/${size.widest.at} has ${size.widest.count} entries at one level, over the ${SIZE_BUDGET.perLevel} allowed (Discord: ${COMMAND_LEVEL_LIMIT})`,
    );
}

function subcommandSize(command: Command, name: string): number {
  let total = longest(name, Object.values(SUBCOMMAND_WORDS[name] ?? {})) + described(command.summary);
  for (const [optionName, spec] of Object.entries(command.options))
    total += optionName.length + described(spec.description) + choicesSize(spec);
  return total;
}

/** A choice counts its name at its longest localization, and its value. */
function choicesSize(spec: OptionSpec): number {
  let total = 0;
  for (const value of spec.choices ?? []) {
    const names = Object.keys(spec.choiceWords?.[value] ?? {}).map((locale) =>
      choiceName(spec, value, locale as "en" | "id"),
    );
    total += longest(value, names) + characters(value);
  }
  return total;
}

/** A description as registered: each language cut at 100, counted at its longest. */
function described(key: PlainKey | undefined): number {
  if (!key) return 0;
  const texts = Object.values(allTranslations(key)).map((text) => text.slice(0, 100));
  return longest("", texts);
}

function longest(text: string, others: readonly string[]): number {
  return Math.max(characters(text), ...others.map(characters));
}

const characters = (text: string) => [...text].length;
