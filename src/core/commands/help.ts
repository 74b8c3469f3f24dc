import { CommandError } from "../errors.ts";
import { type Block, ephemeral, type Field } from "../message.ts";
import { defineCommand } from "./define.ts";
import { option, optional } from "./options.ts";
import { formatExample, formatUsage } from "./syntax.ts";
import type { Command, CommandContext, CommandResult } from "./types.ts";

/** `/cop help [command]`: what this member may run; moderators also see their commands. */
export const help = defineCommand({
  path: ["help"],
  summary: "cmd.help",
  options: { command: optional(option.command("arg.command", "arg.command.help")) },
  moderator: false,
  example: { command: "language" },
  async handle(ctx, { command }) {
    return command ? explainOne(ctx, command) : listAll(ctx);
  },
});

async function listAll(ctx: CommandContext): Promise<CommandResult> {
  const { t, syntax } = ctx;
  const status = await ctx.moderatorStatus();
  const available = ctx.registry.forPlatform(ctx.platform);
  const line = (c: Command): Field => ({ label: formatUsage(c, syntax, t), value: t(c.summary) });
  const blocks: Block[] = [
    { type: "heading", text: t("help.title") },
    { type: "text", text: t("help.intro") },
    {
      type: "section",
      text: [{ bold: t("help.forEveryone") }],
      fields: available.filter((c) => !c.moderator).map(line),
    },
  ];
  if (status === "moderator") {
    blocks.push({
      type: "section",
      text: [{ bold: t("help.forModerators") }],
      fields: available.filter((c) => c.moderator).map(line),
    });
  }
  const notes = [t("help.more", { usage: formatExample(help, syntax) })];
  if (status === "unknown") notes.unshift(t("help.moderatorUnknown"));
  blocks.push({ type: "context", text: notes.join("\n") });
  return { message: ephemeral(...blocks) };
}

function explainOne(ctx: CommandContext, words: string): CommandResult {
  const { t, syntax } = ctx;
  const resolution = ctx.registry.resolve(ctx.platform, words.split(/\s+/), false);
  if (resolution.kind === "unknown") throw new CommandError("unknown_command", { input: words });
  const commands = resolution.kind === "incomplete" ? resolution.choices : [resolution.command];
  const blocks: Block[] = [];
  for (const command of commands) {
    const fields: Field[] = [
      { label: t("help.usage"), value: [{ code: formatUsage(command, syntax, t) }] },
      { label: t("help.example"), value: [{ code: formatExample(command, syntax) }] },
    ];
    for (const spec of Object.values(command.options))
      fields.push({ label: t(spec.label), value: t(spec.description) });
    blocks.push({ type: "heading", text: `${syntax.prefix} ${command.name}` });
    blocks.push({ type: "section", text: t(command.summary), fields });
    if (command.moderator) blocks.push({ type: "context", text: t("help.moderatorsOnly") });
  }
  return { message: ephemeral(...blocks) };
}
