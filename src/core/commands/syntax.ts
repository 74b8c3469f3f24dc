import type { PlainKey, Translator } from "../i18n/index.ts";
import { choiceName } from "./choice-words.ts";
import { MODERATOR_ROOT, rootOf } from "./roots.ts";
import type { Command, CommandSyntax } from "./types.ts";

/** An example value that reads differently per language ("Large classes", "Kelas besar"). */
export interface LocalizedExample {
  readonly key: PlainKey;
}

/** An example value from the i18n catalog, so help in Indonesian shows Indonesian examples. */
export const localized = (key: PlainKey): LocalizedExample => ({ key });

/** How a command is typed up to its words: `/cop meeting next`, `/copmod meeting schedule`. */
export function prefixFor(syntax: CommandSyntax, command: Pick<Command, "moderator">): string {
  return rootOf(command) === MODERATOR_ROOT ? syntax.moderatorPrefix : syntax.prefix;
}

/** How a user types the command, with placeholders: `/copmod moderators add <member>`. */
export function formatUsage(command: Command, syntax: CommandSyntax, t: Translator): string {
  const parts = [prefixFor(syntax, command), ...command.path];
  for (const [name, spec] of Object.entries(command.options)) {
    // Choices in the community's language: `hadir|mungkin|tidak` (the English words work too).
    const label = spec.choices
      ? spec.choices.map((v) => choiceName(spec, v, t.locale)).join("|")
      : t(spec.label);
    const value = syntax.namedOptions ? `${name}:<${label}>` : `<${label}>`;
    parts.push(spec.required ? value : `[${value}]`);
  }
  return parts.join(" ");
}

/** A complete example invocation in the community's language: `/cop meeting rsvp hadir`. */
export function formatExample(command: Command, syntax: CommandSyntax, t: Translator): string {
  const parts = [prefixFor(syntax, command), ...command.path];
  for (const [name, spec] of Object.entries(command.options)) {
    const example = command.example[name];
    if (example === undefined) continue;
    const text = typeof example === "string" ? example : t(example.key);
    const value = spec.kind === "choice" ? choiceName(spec, text, t.locale) : text;
    const shown = spec.kind === "text" && !syntax.namedOptions && value.includes(" ") ? `"${value}"` : value;
    parts.push(syntax.namedOptions ? `${name}:${shown}` : shown);
  }
  return parts.join(" ");
}
