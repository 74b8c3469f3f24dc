import { opensAsModal } from "../actions/form-place.ts";
import { CANCEL_WORD } from "../conversation/question.ts";
import { CommandError } from "../errors.ts";
import { type Block, ephemeral, type Field, type Message } from "../message.ts";
import { defineCommand } from "./define.ts";
import { cachedPage } from "./help-cache.ts";
import { option, optional } from "./options.ts";
import { formatExample, formatUsage, prefixFor } from "./syntax.ts";
import type { Command, CommandContext, CommandResult, ModeratorStatus } from "./types.ts";

/**
 * `/cop help [command]`: an index of the command words, then one word's commands, then one
 * command in full. Three levels because the whole list no longer fits one message (Discord: 2,000
 * characters), and a member looking for "meetings" wants the meeting commands, not all seventy.
 */
export const help = defineCommand({
  path: ["help"],
  summary: "cmd.help",
  options: { command: optional(option.command("arg.command", "arg.command.help")) },
  moderator: false,
  openToAlumni: true,
  example: { command: "meeting" },
  async handle(ctx, { command }) {
    return command ? explain(ctx, command) : index(ctx);
  },
});

/** The first word of each command, in registry order, with the commands under it. */
function byWord(commands: readonly Command[]): Map<string, Command[]> {
  const words = new Map<string, Command[]>();
  for (const c of commands) {
    const word = c.path[0] as string;
    words.set(word, [...(words.get(word) ?? []), c]);
  }
  return words;
}

/** The index: every word a member can use with what it is for; moderators also get theirs. */
async function index(ctx: CommandContext): Promise<CommandResult> {
  const status = await ctx.moderatorStatus();
  return { message: cachedPage(ctx, `index ${status}`, () => indexPage(ctx, status)) };
}

function indexPage(ctx: CommandContext, status: ModeratorStatus): Message {
  const { t, syntax } = ctx;
  const words = byWord(ctx.registry.forPlatform(ctx.traits));
  const everyone: Field[] = [];
  const moderatorWords: string[] = [];
  for (const [word, commands] of words) {
    const open = commands.filter((c) => !c.moderator);
    if (open.length < commands.length) moderatorWords.push(word);
    const [only] = open;
    if (!only) continue;
    // A lone command shows its usage; a group its word (its commands are one `help <word>` away).
    const grouped = commands.length > 1 || only.path.length > 1;
    everyone.push(
      grouped
        ? { label: `${syntax.prefix} ${word}`, value: t(ctx.registry.groupSummary(word)) }
        : { label: formatUsage(only, syntax, t), value: t(only.summary) },
    );
  }
  const blocks: Block[] = [
    { type: "heading", text: t("help.title") },
    { type: "text", text: t("help.intro") },
    { type: "section", text: [{ bold: t("help.forEveryone") }], fields: everyone },
  ];
  if (status === "moderator") {
    blocks.push({
      type: "section",
      text: [{ bold: t("help.forModerators") }],
      // Under their own root: `/copmod moderators, /copmod meeting, …`.
      fields: [
        {
          label: t("help.moderatorWords"),
          value: moderatorWords.map((word) => `${syntax.moderatorPrefix} ${word}`).join(", "),
        },
      ],
    });
  }
  const notes = [t("help.more", { usage: `${syntax.prefix} help meeting` })];
  if (status === "unknown") notes.unshift(t("help.moderatorUnknown"));
  // Where forms are asked as a conversation, the word that stops one (src/core/conversation/).
  if (!opensAsModal(ctx.traits)) notes.push(t("help.cancel", { cancel: `/${CANCEL_WORD}` }));
  blocks.push({ type: "context", text: notes.join("\n") });
  return ephemeral(...blocks);
}

/** One word's commands, a line each (moderators' marked), or one command in full. */
async function explain(ctx: CommandContext, words: string): Promise<CommandResult> {
  const resolution = ctx.registry.resolve(ctx.traits, words.split(/\s+/), false);
  if (resolution.kind === "unknown") throw new CommandError("unknown_command", { input: words });
  if (resolution.kind !== "incomplete") {
    const { command } = resolution;
    return { message: cachedPage(ctx, `command ${command.path.join(" ")}`, () => explainOne(ctx, command)) };
  }
  const status = await ctx.moderatorStatus();
  const choices = resolution.choices;
  const key = `word ${choices[0]?.path[0] ?? words} ${status}`;
  return { message: cachedPage(ctx, key, () => wordPage(ctx, choices, status, words)) };
}

function wordPage(
  ctx: CommandContext,
  choices: readonly Command[],
  status: ModeratorStatus,
  words: string,
): Message {
  const { t, syntax } = ctx;
  const shown = choices.filter((c) => !c.moderator || status !== "member");
  const hidden = choices.length - shown.length;
  const word = choices[0]?.path[0] ?? words;
  const blocks: Block[] = [
    {
      type: "heading",
      text: `${shown.every((c) => c.moderator) ? syntax.moderatorPrefix : syntax.prefix} ${word}`,
    },
    { type: "text", text: t(ctx.registry.groupSummary(word)) },
    {
      type: "fields",
      fields: shown.map((c) => ({
        label: formatUsage(c, syntax, t),
        value: c.moderator ? marked(t(c.summary), t("help.moderatorMark")) : t(c.summary),
      })),
    },
  ];
  const notes = [t("help.detail", { usage: `${syntax.prefix} help ${shown[0]?.path.join(" ") ?? word}` })];
  if (hidden > 0) notes.unshift(t("help.hiddenForModerators", { count: String(hidden) }));
  blocks.push({ type: "context", text: notes.join("\n") });
  return ephemeral(...blocks);
}

/** A moderator command's summary with the mark, unless its summary already says so. */
function marked(summary: string, mark: string): string {
  return summary.includes(mark) ? summary : `${summary} ${mark}`;
}

function explainOne(ctx: CommandContext, command: Command): Message {
  const { t, syntax } = ctx;
  const fields: Field[] = [
    { label: t("help.usage"), value: [{ code: formatUsage(command, syntax, t) }] },
    { label: t("help.example"), value: [{ code: formatExample(command, syntax, t) }] },
  ];
  for (const spec of Object.values(command.options))
    fields.push({ label: t(spec.label), value: t(spec.description) });
  const blocks: Block[] = [
    { type: "heading", text: `${prefixFor(syntax, command)} ${command.name}` },
    { type: "section", text: t(command.summary), fields },
  ];
  if (command.moderator) blocks.push({ type: "context", text: t("help.moderatorsOnly") });
  return ephemeral(...blocks);
}
