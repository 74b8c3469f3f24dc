import { CommandError } from "../errors.ts";
import type { PlatformId } from "../model.ts";
import type { Registry } from "./registry.ts";
import type { Invocation } from "./types.ts";

/** A word of typed command text: plain, quoted, or a platform mention in the `<@id>` form. */
export type Token =
  | { readonly kind: "word"; readonly text: string }
  | { readonly kind: "user"; readonly id: string; readonly text: string }
  | { readonly kind: "role"; readonly id: string; readonly text: string }
  | { readonly kind: "channel"; readonly id: string; readonly text: string };

// <@U123>, <@U123|name>, <@!123> (Discord nickname form), <@&123> roles, <#C123|name> channels.
const MENTION = /^<(@&|@!?|#)([A-Za-z0-9]+)(?:\|[^>]*)?>$/;
const QUOTES: Record<string, string> = { '"': '"', "“": "”", "„": "”", "«": "»" };

/** Splits command text into tokens, honouring straight and smart quotes (Slack clients send “ ”). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    const close = QUOTES[char];
    if (close !== undefined) {
      const end = text.indexOf(close, i + 1);
      const stop = end === -1 ? text.length : end;
      tokens.push({ kind: "word", text: text.slice(i + 1, stop) });
      i = stop + 1;
      continue;
    }
    let end = i;
    while (end < text.length && !/\s/.test(text[end] as string)) end++;
    tokens.push(classify(text.slice(i, end)));
    i = end;
  }
  return tokens;
}

function classify(raw: string): Token {
  const mention = MENTION.exec(raw);
  if (!mention) return { kind: "word", text: raw };
  const [, sigil, id = ""] = mention;
  if (sigil === "@&") return { kind: "role", id, text: raw };
  if (sigil === "#") return { kind: "channel", id, text: raw };
  return { kind: "user", id, text: raw };
}

/**
 * Turns typed text (`moderators add <@U1>`, `topic suggest "Rubrics"`) into an invocation.
 * Options are positional in definition order; a final text option takes the rest of the line.
 * Empty text means `help`.
 */
export function parseCommandText(registry: Registry, platform: PlatformId, text: string): Invocation {
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
    const token = rest.shift() as Token;
    if (spec.kind === "user" || spec.kind === "role" || spec.kind === "channel") {
      if (token.kind !== spec.kind) {
        throw new CommandError("bad_argument", { path: command.name, argument: name, input: token.text });
      }
      args[name] = token.id;
    } else {
      args[name] = spec.kind === "choice" ? token.text.toLowerCase() : token.text;
    }
  }
  if (rest.length > 0) {
    throw new CommandError("too_many_arguments", {
      path: command.name,
      input: rest.map((token) => token.text).join(" "),
    });
  }
  return { path: command.path, args };
}
