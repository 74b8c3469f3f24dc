import type { Translator } from "../i18n/index.ts";
import type { Command, CommandSyntax } from "./types.ts";

/** How a user types the command, with placeholders: `/cop moderators add <member>`. */
export function formatUsage(command: Command, syntax: CommandSyntax, t: Translator): string {
  const parts = [syntax.prefix, ...command.path];
  for (const [name, spec] of Object.entries(command.options)) {
    const label = spec.choices ? spec.choices.join("|") : t(spec.label);
    const value = syntax.namedOptions ? `${name}:<${label}>` : `<${label}>`;
    parts.push(spec.required ? value : `[${value}]`);
  }
  return parts.join(" ");
}

/** A complete example invocation: `/cop language id`. */
export function formatExample(command: Command, syntax: CommandSyntax): string {
  const parts = [syntax.prefix, ...command.path];
  for (const [name, spec] of Object.entries(command.options)) {
    const value = command.example[name];
    if (value === undefined) continue;
    const shown = spec.kind === "text" && !syntax.namedOptions && value.includes(" ") ? `"${value}"` : value;
    parts.push(syntax.namedOptions ? `${name}:${shown}` : shown);
  }
  return parts.join(" ");
}
