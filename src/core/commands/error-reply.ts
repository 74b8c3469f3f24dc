import type { CommandError } from "../errors.ts";
import type { Translator } from "../i18n/index.ts";
import { ephemeral, type Message } from "../message.ts";
import type { Registry } from "./registry.ts";
import { type CommandRoot, MEMBER_ROOT, MODERATOR_ROOT, rootOf } from "./roots.ts";
import { formatExample, formatUsage } from "./syntax.ts";
import type { CommandSyntax } from "./types.ts";

/**
 * Turns a command error into a short, localized, ephemeral reply that names the problem and
 * shows an example. Never a stack trace.
 */
export function errorReply(
  error: CommandError,
  t: Translator,
  syntax: CommandSyntax,
  registry: Registry,
): Message {
  const { path = "", argument = "", input = "", limit = 0, length = 0, root } = error.detail;
  const number = (n: number) => new Intl.NumberFormat(t.locale).format(n);
  const command = path ? registry.find(path.split(" ")) : undefined;
  const helpUsage = `${syntax.prefix} help`;
  const argumentLabel = command?.options[argument] ? t(command.options[argument].label) : argument;
  // Each command with its own root: `/copmod moderators add`, `/cop meeting rsvp`.
  const pathRoot = command ? rootOf(command) : (root ?? MEMBER_ROOT);
  const prefixOf = (r: CommandRoot) => (r === MODERATOR_ROOT ? syntax.moderatorPrefix : syntax.prefix);
  const shownPath = `${prefixOf(pathRoot)} ${path}`.trim();

  let text: string;
  switch (error.code) {
    case "unknown_command":
      text = t("error.unknown_command", { input });
      break;
    case "missing_subcommand": {
      const choices = registry.commands
        .filter((c) => c.path[0] === path && c.path.length === 2 && (!root || rootOf(c) === root))
        .map((c) => c.path[1])
        .join(", ");
      text = t("error.missing_subcommand", { path: shownPath, choices });
      break;
    }
    case "bad_argument":
      text = t("error.bad_argument", { input, argument: argumentLabel });
      break;
    case "missing_argument":
      text = t("error.missing_argument", { path: shownPath, argument: argumentLabel });
      break;
    case "too_many_arguments":
      text = t("error.too_many_arguments", { path: shownPath, input });
      break;
    case "not_moderator":
      text = t("error.not_moderator", { path: shownPath });
      break;
    case "moderator_unverifiable":
      text = t("error.moderator_unverifiable");
      break;
    case "wrong_root": {
      const typed = `${prefixOf(pathRoot === MODERATOR_ROOT ? MEMBER_ROOT : MODERATOR_ROOT)} ${path}`;
      text = t("error.wrong_root", { typed, usage: shownPath });
      break;
    }
    case "wrong_platform":
      text = t("error.wrong_platform", { path: shownPath });
      break;
    case "guild_only":
      text = t("error.guild_only");
      break;
    case "too_long":
      text = t("error.too_long", { limit: number(limit) });
      break;
    case "text_too_long":
      text = t("error.text_too_long", {
        argument: argumentLabel,
        length: number(length),
        limit: number(limit),
      });
      break;
  }

  const hint = command
    ? [
        `${t("help.usage")}: ${formatUsage(command, syntax, t)}`,
        t("error.example", { example: formatExample(command, syntax, t) }),
      ]
    : [t("error.seeHelp", { usage: helpUsage })];
  return ephemeral({ type: "text", text }, { type: "context", text: hint.join("\n") });
}
