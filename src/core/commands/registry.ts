import type { PlainKey } from "../i18n/index.ts";
import type { PlatformId } from "../model.ts";
import { subcommandWord } from "./choice-words.ts";
import { type CommandRoot, ROOTS, rootOf } from "./roots.ts";
import { checkRootSize, rootSize } from "./size.ts";
import type { Command } from "./types.ts";

/** Discord's rule for command and option names, which Slack words follow too. */
const WORD = /^[a-z][a-z0-9-]{0,31}$/;

export type Resolution =
  | { readonly kind: "command"; readonly command: Command; readonly consumed: number }
  | { readonly kind: "unknown"; readonly input: string }
  | {
      readonly kind: "incomplete";
      readonly group: string;
      readonly choices: readonly Command[];
      /** The root the group word was read under (help, which reads both, leaves it out). */
      readonly root?: CommandRoot;
    };

type Tree = ({ kind: "command"; command: Command } | { kind: "group"; name: string; commands: Command[] })[];

/**
 * The command tree of each root (`cop`, `copmod`: see roots.ts): single words and groups of
 * subcommands, two levels at most. A group word with both kinds of commands is a group under each
 * root, holding that root's subcommands; a group default belongs to its command's root.
 */
export interface Registry {
  readonly commands: readonly Command[];
  find(path: readonly string[]): Command | undefined;
  /** Commands available on a platform, in definition order. */
  forPlatform(platform: PlatformId): Command[];
  /** One root's top-level words in order: a command or a group with its subcommands. */
  tree(platform: PlatformId, root: CommandRoot): Tree;
  /** The summary of a group word (`moderators`), for help and Discord registration. */
  groupSummary(group: string): PlainKey;
  /**
   * Finds the command named by leading words (`moderators add …`) under one root, allowing a group
   * default; with no root, under both (help explains any word).
   */
  resolve(
    platform: PlatformId,
    words: readonly string[],
    allowGroupDefault: boolean,
    root?: CommandRoot,
  ): Resolution;
}

/** Builds the registry and enforces the tree rules at start-up, so a bad definition never ships. */
export function createRegistry(
  commands: readonly Command[],
  groupSummaries: Readonly<Record<string, PlainKey>>,
): Registry {
  validate(commands);
  // Discord's size: refused here, at start-up, long before a registration would be.
  for (const root of ROOTS) checkRootSize(rootSize(root, commands, groupSummaries));
  for (const command of commands) {
    const group = command.path.length === 2 ? (command.path[0] as string) : undefined;
    if (group && !groupSummaries[group]) throw new Error(`group "${group}" has no summary`);
  }
  const byName = new Map(commands.map((command) => [command.name, command]));
  const groups = new Set(commands.filter((c) => c.path.length === 2).map((c) => c.path[0]));
  const available = (platform: PlatformId) => (c: Command) => !c.platforms || c.platforms.includes(platform);
  const under = (root: CommandRoot | undefined) => (c: Command) => root === undefined || rootOf(c) === root;

  return {
    commands,
    find: (path) => byName.get(path.join(" ")),
    groupSummary: (group) => groupSummaries[group] ?? "cmd.root",
    forPlatform: (platform) => commands.filter(available(platform)),
    tree(platform, root) {
      const out: Tree = [];
      for (const command of commands.filter((c) => available(platform)(c) && under(root)(c))) {
        if (command.path.length === 1) {
          out.push({ kind: "command", command });
          continue;
        }
        const name = command.path[0] as string;
        const group = out.find((entry) => entry.kind === "group" && entry.name === name);
        if (group?.kind === "group") group.commands.push(command);
        else out.push({ kind: "group", name, commands: [command] });
      }
      return out;
    },
    resolve(platform, words, allowGroupDefault, root) {
      const first = words[0]?.toLowerCase() ?? "";
      const choices = commands.filter(
        (c) => c.path.length === 2 && c.path[0] === first && available(platform)(c) && under(root)(c),
      );
      if (groups.has(first) && choices.length > 0) {
        const second = words[1]?.toLowerCase();
        const named = second === undefined ? undefined : subcommandWord(second);
        const sub = named === undefined ? undefined : choices.find((c) => c.path[1] === named);
        if (sub) return { kind: "command", command: sub, consumed: 2 };
        if (second !== undefined) return { kind: "unknown", input: `${first} ${words[1]}` };
        const fallback = allowGroupDefault ? choices.find((c) => c.groupDefault) : undefined;
        if (fallback) return { kind: "command", command: fallback, consumed: 1 };
        return { kind: "incomplete", group: first, choices, ...(root ? { root } : {}) };
      }
      const command = byName.get(first);
      if (command && available(platform)(command) && under(root)(command))
        return { kind: "command", command, consumed: 1 };
      return { kind: "unknown", input: words[0] ?? "" };
    },
  };
}

function validate(commands: readonly Command[]): void {
  const singles = new Set<string>();
  const groupWords = new Set<string>();
  const seen = new Set<string>();
  for (const command of commands) {
    if (command.path.length < 1 || command.path.length > 2)
      throw new Error(`${command.name}: one or two words`);
    for (const word of command.path)
      if (!WORD.test(word)) throw new Error(`${command.name}: bad word "${word}"`);
    if (seen.has(command.name)) throw new Error(`${command.name}: defined twice`);
    seen.add(command.name);
    (command.path.length === 1 ? singles : groupWords).add(command.path[0] as string);
    validateOptions(command);
  }
  for (const word of singles) {
    if (groupWords.has(word))
      throw new Error(`"${word}" cannot be both a command and a group (Discord forbids it)`);
  }
  for (const group of groupWords) {
    for (const root of ROOTS) {
      const defaults = commands.filter((c) => c.path[0] === group && c.groupDefault && rootOf(c) === root);
      if (defaults.length > 1) throw new Error(`group "${group}" has more than one default under /${root}`);
    }
  }
}

function validateOptions(command: Command): void {
  const specs = Object.entries(command.options);
  let optionalSeen = false;
  specs.forEach(([name, spec], index) => {
    if (!WORD.test(name)) throw new Error(`${command.name}: bad option name "${name}"`);
    if (spec.required && optionalSeen)
      throw new Error(`${command.name}: required option "${name}" after an optional one`);
    if (!spec.required) optionalSeen = true;
    if (spec.rest && index !== specs.length - 1)
      throw new Error(`${command.name}: only the last option may take the rest`);
  });
}
