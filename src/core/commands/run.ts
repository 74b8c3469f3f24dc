import { CommandError } from "../errors.ts";
import type { CommunityStore } from "../ports.ts";
import type { CommandContext, CommandResult, Invocation } from "./types.ts";

/**
 * Runs an invocation: finds the command, checks platform and moderator rights (the one place
 * they are checked), validates the arguments with the command's zod schema, calls the handler,
 * then applies its effects together with the audit entry in one transaction.
 */
export async function runCommand(
  ctx: CommandContext,
  store: CommunityStore,
  invocation: Invocation,
): Promise<CommandResult> {
  const command = ctx.registry.find(invocation.path);
  if (!command) throw new CommandError("unknown_command", { input: invocation.path.join(" ") });
  if (command.platforms && !command.platforms.includes(ctx.platform)) {
    throw new CommandError("wrong_platform", { path: command.name });
  }
  if (command.moderator) {
    const status = await ctx.moderatorStatus();
    if (status === "unknown") throw new CommandError("moderator_unverifiable", { path: command.name });
    if (status === "member") throw new CommandError("not_moderator", { path: command.name });
  }

  const parsed = command.schema.safeParse(invocation.args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue?.code === "unrecognized_keys") {
      throw new CommandError("too_many_arguments", { path: command.name, input: issue.keys.join(" ") });
    }
    const argument = String(issue?.path[0] ?? Object.keys(command.options)[0] ?? "");
    const input = invocation.args[argument];
    if (input === undefined) throw new CommandError("missing_argument", { path: command.name, argument });
    throw new CommandError("bad_argument", { path: command.name, argument, input: String(input) });
  }

  const result = await command.handle(ctx, parsed.data);
  if (result.effects && result.effects.length > 0) {
    const audit = command.moderator
      ? {
          actorMemberId: ctx.member.id,
          action: command.name,
          detail: { args: parsed.data, effects: result.effects },
        }
      : null;
    await store.apply(ctx.community, result.effects, audit, ctx.now);
  }
  return result;
}
