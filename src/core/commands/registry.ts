import type { PlainKey } from "../i18n/index.ts";
import type { PlatformTraits } from "../platform.ts";
import { subcommandWord } from "./choice-words.ts";
import { type CommandRoot, ROOTS, rootOf } from "./roots.ts";
import { checkRootSize, rootSize } from "./size.ts";
import type { Command, Registry, Tree } from "./types.ts";

/** Discord's rule for command and option names, which Slack words follow too. */
const WORD = /^[a-z][a-z0-9-]{0,31}$/;

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
  const available = (platform: PlatformTraits) => (c: Command) => !c.requires || platform[c.requires];
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
      const found = byName.get(first);
      const single = found && available(platform)(found) && under(root)(found) ? found : undefined;
      if (groups.has(first) && choices.length > 0) {
        const second = words[1]?.toLowerCase();
        const named = second === undefined ? undefined : subcommandWord(second);
        const sub = named === undefined ? undefined : choices.find((c) => c.path[1] === named);
        if (sub) return { kind: "command", command: sub, consumed: 2 };
        // Only without a root can a word be both (a command under one root, a group under the
        // other): anything but the group's subcommand is the command's argument.
        if (single) return { kind: "command", command: single, consumed: 1 };
        if (second !== undefined) return { kind: "unknown", input: `${first} ${words[1]}` };
        const fallback = allowGroupDefault ? choices.find((c) => c.groupDefault) : undefined;
        if (fallback) return { kind: "command", command: fallback, consumed: 1 };
        return { kind: "incomplete", group: first, choices, ...(root ? { root } : {}) };
      }
      if (single) return { kind: "command", command: single, consumed: 1 };
      return { kind: "unknown", input: words[0] ?? "" };
    },
  };
}

function validate(commands: readonly Command[]): void {
  // Per root: Discord registers `/cop` and `/copmod` as two commands, so `report` may be a command
  // under one (`/cop report …`) and a group under the other (`/copmod report channel`).
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
    (command.path.length === 1 ? singles : groupWords).add(`${rootOf(command)} ${command.path[0]}`);
    validateOptions(command);
  }
  for (const word of singles) {
    if (groupWords.has(word))
      throw new Error(
        `"${word.split(" ")[1]}" cannot be both a command and a group under /${word.split(" ")[0]} (Discord forbids it)`,
      );
  }
  for (const group of new Set(commands.filter((c) => c.path.length === 2).map((c) => c.path[0]))) {
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
