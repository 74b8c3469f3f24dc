import { optionType } from "../../src/adapters/discord/commands.ts";
import { OPTION_TYPE } from "../../src/adapters/discord/parse.ts";
import { DISCORD_TRAITS } from "../../src/adapters/discord/traits.ts";
import { choiceValue } from "../../src/core/commands/choice-words.ts";
import type { Command, Registry } from "../../src/core/commands/index.ts";
import { type Token, tokenize } from "../../src/core/commands/parse-text.ts";
import { type CommandRoot, isCommandRoot, MEMBER_ROOT, rootOf } from "../../src/core/commands/roots.ts";

/** An option as Discord sends it in an interaction: groups and subcommands nest further options. */
export interface DiscordOptionJson {
  readonly type: number;
  readonly name: string;
  readonly value?: string;
  readonly options?: DiscordOptionJson[];
}

/** A typed line Discord's own client would never have sent (a member that is not a mention…). */
export class CommandLineError extends Error {}

/** Who the signing CLI speaks as on Discord by default, without and with `--moderator`. */
export const DISCORD_MEMBER_ID = "300000000000000001";
export const DISCORD_MODERATOR_ID = "300000000000000002";

/** `@ayu` and `@budi` name those two, so a typed line can mention them. */
export const SEEDED_DISCORD_USERS: Readonly<Record<string, string>> = {
  ayu: DISCORD_MEMBER_ID,
  budi: DISCORD_MODERATOR_ID,
};

/** Names typed as `@name` this run, by the id they stand for (for `resolved`, which names them). */
const typedNames = new Map<string, string>(
  Object.entries(SEEDED_DISCORD_USERS).map(([name, id]) => [id, name]),
);

/** The name an id was typed as (`@ayu`, `@rani`), if it was. */
export function typedName(id: string): string | undefined {
  return typedNames.get(id);
}

/**
 * A stable made-up snowflake for `@name`: the same name always gives the same id (FNV-1a, 64 bit),
 * shaped like the seeded ids (18 digits starting with 3) so it reads as a Discord id.
 */
export function fakeSnowflake(name: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(name.toLowerCase())) {
    hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return `3${String(hash % 10n ** 17n).padStart(17, "0")}`;
}

/**
 * The application command a typed line names, and the words after it: `copmod moderators add @ayu`
 * is `copmod`; a line that names no root (`moderators add @ayu`, as the demo types) is `cop`.
 */
export function splitRoot(line: string): { readonly root: CommandRoot; readonly rest: string } {
  const trimmed = line.trim();
  const named = /^\/?([a-z]+)(?=\s|$)/i.exec(trimmed);
  const word = named?.[1]?.toLowerCase() ?? "";
  if (!named || !isCommandRoot(word)) return { root: MEMBER_ROOT, rest: trimmed };
  return { root: word, rest: trimmed.slice(named[0].length).trim() };
}

/**
 * The option tree Discord would send for a typed line such as `copmod moderators add @ayu`,
 * resolved under that line's root (see `splitRoot`) through the same registry the worker uses:
 * groups and subcommands nest, and the remaining words fill the command's options by name
 * (`member:@ayu`) or in definition order (a final text option takes the rest of the line). Unknown
 * commands, commands typed under the other root and bad choice values are still sent, so the
 * worker's own answers can be tried; a value Discord's client could not produce (a member that is
 * not a mention or id, a word too many, a root without a command) throws `CommandLineError`.
 */
export function discordOptions(registry: Registry, line: string): DiscordOptionJson[] {
  const { root, rest } = splitRoot(line);
  const tokens = tokenize(rest);
  if (tokens.length === 0) {
    // Discord's client sends `/cop` alone as nothing at all; the CLI reads it as `cop help`.
    if (root === MEMBER_ROOT) return nest(["help"], []);
    throw new CommandLineError(`${root} needs a command word, e.g. “${root} setup”.`);
  }
  const resolution = registry.resolve(
    DISCORD_TRAITS,
    tokens.map((token) => token.raw),
    false,
    root,
  );
  if (resolution.kind === "unknown") return nest(resolution.input.toLowerCase().split(" "), []);
  if (resolution.kind === "incomplete")
    return [{ type: OPTION_TYPE.SUB_COMMAND_GROUP, name: resolution.group, options: [] }];
  const { command } = resolution;
  return nest(command.path, optionValues(command, tokens.slice(resolution.consumed)));
}

function nest(path: readonly string[], options: DiscordOptionJson[]): DiscordOptionJson[] {
  const [first = "help", second] = path;
  if (second === undefined) return [{ type: OPTION_TYPE.SUB_COMMAND, name: first, options }];
  const sub = { type: OPTION_TYPE.SUB_COMMAND, name: second, options };
  return [{ type: OPTION_TYPE.SUB_COMMAND_GROUP, name: first, options: [sub] }];
}

function optionValues(command: Command, tokens: readonly Token[]): DiscordOptionJson[] {
  const specs = Object.entries(command.options);
  const typed = `${rootOf(command)} ${command.name}`;
  const filled = new Map<string, Token[]>();
  let last: string | undefined;
  for (const token of tokens) {
    const named = token.kind === "word" ? /^([a-z][a-z0-9-]*):(.*)$/s.exec(token.raw) : null;
    if (named?.[1] && command.options[named[1]]) {
      last = named[1];
      filled.set(last, tokenize(named[2] ?? ""));
      continue;
    }
    // A final `rest` option keeps taking words, as on Slack; otherwise the next unfilled option.
    const lastSpec = last === undefined ? undefined : command.options[last];
    if (last !== undefined && lastSpec?.rest && specs.at(-1)?.[0] === last) {
      filled.get(last)?.push(token);
      continue;
    }
    const next = specs.find(([name]) => !filled.has(name))?.[0];
    if (next === undefined) {
      throw new CommandLineError(`Too many words for ${typed}: “${token.raw}”.`);
    }
    last = next;
    filled.set(next, [token]);
  }
  return specs.flatMap(([name, spec]) => {
    const words = filled.get(name);
    if (!words || words.length === 0) return [];
    const type = optionType(spec);
    const value = optionValue(type, words, typed, name);
    // A choice picked by its Indonesian name (`hadir`) arrives as its value (`yes`), as on Discord.
    return [{ type, name, value: spec.kind === "choice" ? choiceValue(spec, value) : value }];
  });
}

function optionValue(type: number, words: readonly Token[], path: string, name: string): string {
  if (type === OPTION_TYPE.CHANNEL) {
    // Discord's client sends a picked channel's id: accept <#id> or a bare id.
    const [word] = words;
    if (words.length === 1 && word?.kind === "channel") return word.id;
    if (words.length === 1 && word?.kind === "word" && /^\d{17,20}$/.test(word.raw)) return word.raw;
    throw new CommandLineError(
      `${path}: ${name} must be <#id> or a channel id, not “${words.map((w) => w.raw).join(" ")}”.`,
    );
  }
  if (type !== OPTION_TYPE.USER && type !== OPTION_TYPE.ROLE) return words.map((w) => w.raw).join(" ");
  const [word] = words;
  const kind = type === OPTION_TYPE.USER ? "user" : "role";
  if (words.length === 1 && word) {
    if (word.kind === kind) return word.id;
    if (word.kind === "word" && /^\d{17,20}$/.test(word.raw)) return word.raw;
    const at = word.kind === "word" ? /^@([\w.-]{1,32})$/.exec(word.raw)?.[1] : undefined;
    if (at) {
      const id = (kind === "user" ? SEEDED_DISCORD_USERS[at.toLowerCase()] : undefined) ?? fakeSnowflake(at);
      if (!typedNames.has(id)) typedNames.set(id, at);
      return id;
    }
  }
  const shape = kind === "user" ? "@name or <@id>" : "@name or <@&id>";
  const typed = words.map((w) => w.raw).join(" ");
  throw new CommandLineError(`${path}: ${name} must be ${shape}, not “${typed}”.`);
}
