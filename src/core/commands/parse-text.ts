import { CommandError } from "../errors.ts";
import type { PlatformTraits } from "../platform.ts";
import { choiceValue } from "./choice-words.ts";
import type { OptionSpec } from "./options.ts";
import { type Token, tokenize } from "./typed-text.ts";
import type { Command, Invocation, Registry } from "./types.ts";

export { type Token, tokenize } from "./typed-text.ts";

/**
 * Turns typed text (`moderators add <@U1>`, `topic suggest "Rubrics"`) into an invocation.
 * Options are positional in definition order; a final text option takes the rest of the line.
 * Each option gets what its kind means (see `typed-text.ts` for the forms): a member, role or
 * channel option the id, a link option the URL, any other option readable text. Empty text
 * means `help`.
 */
export function parseCommandText(registry: Registry, platform: PlatformTraits, text: string): Invocation {
  const tokens = tokenize(text);
  if (tokens.length === 0) return { path: ["help"], args: {} };
  const resolution = registry.resolve(
    platform,
    tokens.map((token) => token.text),
    true,
  );
  if (resolution.kind === "unknown") throw new CommandError("unknown_command", { input: resolution.input });
  if (resolution.kind === "incomplete")
    throw new CommandError("missing_subcommand", { path: resolution.group });

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
        .map((token) => token.text)
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
  return { path: command.path, args };
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
