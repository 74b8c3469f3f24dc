import { CommandError } from "../errors.ts";
import type { PlatformId } from "../model.ts";
import type { CommunityStore } from "../ports.ts";
import type { Registry } from "./registry.ts";
import type { Command, CommandContext, CommandResult, Invocation } from "./types.ts";

/** An invocation whose command exists on this platform and whose arguments passed its schema. */
export interface ValidCommand {
  readonly command: Command;
  readonly args: Record<string, unknown>;
}

/**
 * Finds the command and validates its arguments with its zod schema, before anything is read
 * for or written about the speaker: bad input changes nothing, not even a first-contact row.
 */
export function validateInvocation(
  registry: Registry,
  platform: PlatformId,
  invocation: Invocation,
): ValidCommand {
  const command = registry.find(invocation.path);
  if (!command) throw new CommandError("unknown_command", { input: invocation.path.join(" ") });
  if (command.platforms && !command.platforms.includes(platform)) {
    throw new CommandError("wrong_platform", { path: command.name });
  }
  const parsed = command.schema.safeParse(invocation.args);
  if (parsed.success) return { command, args: parsed.data };

  const issue = parsed.error.issues[0];
  if (issue?.code === "unrecognized_keys") {
    throw new CommandError("too_many_arguments", { path: command.name, input: issue.keys.join(" ") });
  }
  const argument = String(issue?.path[0] ?? Object.keys(command.options)[0] ?? "");
  const input = invocation.args[argument];
  if (input === undefined) throw new CommandError("missing_argument", { path: command.name, argument });
  throw new CommandError("bad_argument", { path: command.name, argument, input: String(input) });
}

/**
 * Runs a validated command: checks moderator rights (the one place they are checked), calls
 * the handler, then applies its effects together with the audit entry in one transaction.
 */
export async function runCommand(
  ctx: CommandContext,
  store: CommunityStore,
  { command, args }: ValidCommand,
): Promise<CommandResult> {
  if (command.moderator) {
    const status = await ctx.moderatorStatus();
    if (status === "unknown") throw new CommandError("moderator_unverifiable", { path: command.name });
    if (status === "member") throw new CommandError("not_moderator", { path: command.name });
  }
  const result = await command.handle(ctx, args);
  if (result.effects && result.effects.length > 0) {
    const audit = command.moderator
      ? { actorMemberId: ctx.member.id, action: command.name, detail: { args, effects: result.effects } }
      : null;
    await store.apply(ctx.community, result.effects, audit, ctx.now);
  }
  return result;
}
