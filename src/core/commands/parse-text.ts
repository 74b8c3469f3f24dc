import { CommandError } from "../errors.ts";
import type { PlatformTraits } from "../platform.ts";
import { choiceValue } from "./choice-words.ts";
import type { OptionSpec } from "./options.ts";
import { type CommandRoot, MEMBER_ROOT, MODERATOR_ROOT, rootOf } from "./roots.ts";
import { type Token, tokenize } from "./typed-text.ts";
import type { Command, Invocation, Registry, Resolution } from "./types.ts";

export { type Token, tokenize } from "./typed-text.ts";

/** Where typed text arrives: under which root, and whether `/cop` still takes moderator words. */
export interface TypedRoot {
  readonly root: CommandRoot;
  /**
   * One release of compatibility (Slack): `/copmod onboarding welcome …`, typed before `/copmod`
   * existed, runs as `/copmod onboarding welcome …` would, with the same checks.
   */
  readonly memberRootTakesModeratorWords?: boolean;
}

/**
 * Turns typed text (`moderators add <@U1>`, `topic suggest "Rubrics"`) into an invocation.
 * Options are positional in definition order; a final text option takes the rest of the line.
 * Each option gets what its kind means (see `typed-text.ts` for the forms): a member, role or
 * channel option the id, a link option the URL, any other option readable text. Empty text
 * means `help`. Words are read under `where.root`; with no root, under both.
 */
export function parseCommandText(
  registry: Registry,
  platform: PlatformTraits,
  text: string,
  where?: TypedRoot,
): Invocation {
  const tokens = tokenize(text);
  if (tokens.length === 0) return { path: ["help"], args: {} };
  const words = tokens.map((token) => token.text);
  const resolution = resolveUnder(registry, platform, words, where);
  if (resolution.kind === "unknown") throw new CommandError("unknown_command", { input: resolution.input });
  if (resolution.kind === "incomplete")
    throw new CommandError("missing_subcommand", {
      path: resolution.group,
      ...(resolution.root ? { root: resolution.root } : {}),
    });

  const { command } = resolution;
  const rest = tokens.slice(resolution.consumed);
  const args: Record<string, unknown> = {};
  const specs = Object.entries(command.options);
  for (const [index, [name, spec]] of specs.entries()) {
    if (rest.length === 0) break;
    const isLast = index === specs.length - 1;
    if (spec.rest && isLast) {
      args[name] = rest
        .splice(0)
        .map((token) => (spec.raw ? token.raw : token.text))
        .join(" ");
      break;
    }
    args[name] = optionValue(command, name, spec, rest.shift() as Token);
  }
  if (rest.length > 0) {
    throw new CommandError("too_many_arguments", {
      path: command.name,
      input: rest.map((token) => token.text).join(" "),
    });
  }
  return { path: command.path, args, ...(where ? { root: rootOf(command) } : {}) };
}

/**
 * Reads the words under the root they were typed under. A word only the other root knows is
 * refused with where it lives (`wrong_root`), except moderator words under `/cop` while the
 * compatibility lasts: they resolve under `/copmod`, group defaults included (`/cop digest`).
 * A group word with member commands keeps its member meaning (`/cop nudges` lists those).
 */
function resolveUnder(
  registry: Registry,
  platform: PlatformTraits,
  words: readonly string[],
  where: TypedRoot | undefined,
): Resolution {
  if (!where) return registry.resolve(platform, words, true);
  const here = registry.resolve(platform, words, true, where.root);
  if (here.kind !== "unknown") return here;
  const otherRoot = where.root === MEMBER_ROOT ? MODERATOR_ROOT : MEMBER_ROOT;
  const there = registry.resolve(platform, words, true, otherRoot);
  if (there.kind === "unknown") return here;
  if (otherRoot === MODERATOR_ROOT && where.memberRootTakesModeratorWords) return there;
  const path = there.kind === "command" ? there.command.name : there.group;
  throw new CommandError("wrong_root", { path, root: otherRoot });
}

/** What one token means to one option. */
function optionValue(command: Command, name: string, spec: OptionSpec, token: Token): string {
  switch (spec.kind) {
    case "user":
    case "role":
    case "channel":
      if (token.kind === spec.kind && "id" in token) return token.id;
      throw new CommandError("bad_argument", { path: command.name, argument: name, input: token.text });
    case "link":
      // Escaped, the URL; typed where Slack did not escape it (or on Discord), the word itself.
      return token.kind === "link" ? token.url : token.text;
    case "choice":
      return choiceValue(spec, token.text);
    default:
      return token.text;
  }
}
