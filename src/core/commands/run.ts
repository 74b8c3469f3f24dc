import { NO_MAIN_CHANNEL } from "../delivery.ts";
import { CommandError, DuplicateDeliveryError } from "../errors.ts";
import { deepFreeze } from "../frozen.ts";
import { ephemeral, type Form, type Message, prependNotice } from "../message.ts";
import type { Effect } from "../model.ts";
import type { PlatformTraits } from "../platform.ts";
import type { CommunityStore, DeliveryQueue } from "../ports.ts";
import { rootOf } from "./roots.ts";
import type { Command, CommandContext, CommandResult, Invocation, Registry } from "./types.ts";

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
  platform: PlatformTraits,
  invocation: Invocation,
): ValidCommand {
  const command = registry.find(invocation.path);
  if (!command) throw new CommandError("unknown_command", { input: invocation.path.join(" ") });
  // `/copmod moderators add` or `/copmod meeting next` on Discord: the other root's word, refused.
  if (invocation.root !== undefined && rootOf(command) !== invocation.root)
    throw new CommandError("wrong_root", { path: command.name });
  if (command.requires && !platform[command.requires]) {
    throw new CommandError("wrong_platform", { path: command.name });
  }
  const kept = keptArgs(command, invocation.args);
  if (kept) return { command, args: kept };
  const parsed = command.schema.safeParse(invocation.args);
  if (parsed.success) return { command, args: keepArgs(command, invocation.args, parsed.data) };

  const issue = parsed.error.issues[0];
  if (issue?.code === "unrecognized_keys") {
    throw new CommandError("too_many_arguments", { path: command.name, input: issue.keys.join(" ") });
  }
  const argument = String(issue?.path[0] ?? Object.keys(command.options)[0] ?? "");
  const input = invocation.args[argument];
  if (input === undefined) throw new CommandError("missing_argument", { path: command.name, argument });
  if (issue?.code === "too_big" && issue.origin === "string") {
    // A long text is not echoed back: its length and the limit say what is wrong.
    const length = [...String(input).trim()].length;
    throw new CommandError("text_too_long", {
      path: command.name,
      argument,
      limit: Number(issue.maximum),
      length,
    });
  }
  throw new CommandError("bad_argument", { path: command.name, argument, input: String(input) });
}

// Validated arguments kept per isolate: the schema's answer for the same input is the same
// (schemas are pure), and zod's walk costs more than a kept help page's answer. Kept only where
// no handler could be handed arguments it means to change: a read-only command's, and any
// command's without arguments (`help`, `members`). Per command for no arguments; per object for
// a kept, frozen invocation's (typed-memo.ts hands the same one out again). Frozen.
const keptForEmpty = new WeakMap<Command, Record<string, unknown>>();
const keptForArgs = new WeakMap<object, { command: Command; args: Record<string, unknown> }>();

/** Whether an invocation of `command` with `args` may be kept and handed out again. */
export function keepable(command: Command, args: Record<string, unknown>): boolean {
  return command.readOnly || isEmpty(args);
}

function keptArgs(command: Command, input: Record<string, unknown>): Record<string, unknown> | undefined {
  if (isEmpty(input)) return keptForEmpty.get(command);
  const kept = command.readOnly ? keptForArgs.get(input) : undefined;
  return kept?.command === command ? kept.args : undefined;
}

function keepArgs(
  command: Command,
  input: Record<string, unknown>,
  args: Record<string, unknown>,
): Record<string, unknown> {
  if (isEmpty(input)) keptForEmpty.set(command, deepFreeze(args));
  else if (command.readOnly && Object.isFrozen(input))
    keptForArgs.set(input, { command, args: deepFreeze(args) });
  return args;
}

function isEmpty(record: Record<string, unknown>): boolean {
  for (const _ in record) return false;
  return true;
}

/** Where a command's writes go, and how its outgoing messages reach the delivery queue. */
export interface RunDeps {
  readonly store: CommunityStore;
  readonly queue?: DeliveryQueue;
  /** The inbound delivery's id (Slack trigger/event id, Discord interaction id): effects happen once. */
  readonly ingressKey?: string;
}

/**
 * Runs a validated command: checks moderator rights (the one place they are checked), calls
 * the handler, then applies its effects together with the audit entry and the ingress key in
 * one transaction, and hands new outgoing messages to the delivery queue. A retried or replayed
 * request gets the same answer and changes nothing.
 */
export async function runCommand(
  ctx: CommandContext,
  deps: RunDeps,
  { command, args }: ValidCommand,
): Promise<CommandResult> {
  // Someone who stepped back answers nothing, votes nothing, moderates nothing until they rejoin.
  if (ctx.member.status === "alumni" && !command.openToAlumni) return { message: steppedBack(ctx) };
  if (command.moderator) {
    // A change is authorized on the platform's answer now; a look is fine with one an hour old.
    const status = await ctx.moderatorStatus({ fresh: !command.readOnly });
    if (status === "unknown") throw new CommandError("moderator_unverifiable", { path: command.name });
    if (status === "member") throw new CommandError("not_moderator", { path: command.name });
  }
  const result = await command.handle(ctx, args);
  if (command.readOnly && (result.effects ?? []).length > 0) {
    // Authorized on a cached answer: it must not change anything. A bug, never applied.
    throw new Error(`read-only command ${command.name} returned effects`);
  }
  let effects: readonly Effect[] = result.effects ?? [];
  // guyub can only reach moderators when they speak to it: a lost channel is news for the next one.
  const notice = command.moderator ? ctx.community.deliveryNotice : null;
  if (notice) effects = [...effects, { type: "delivery.noticeShown" }];
  let duplicate = false;
  if (effects.length > 0) {
    const audit = command.moderator
      ? {
          actorMemberId: ctx.member.id,
          action: command.name,
          detail: { args, effects: result.effects ?? [] },
        }
      : null;
    try {
      const applied = await deps.store.apply(ctx.community, effects, audit, ctx.now, {
        ingressKey: deps.ingressKey,
      });
      if (applied.enqueue.length > 0) await enqueueQuietly(deps.queue, applied.enqueue);
    } catch (error) {
      if (!(error instanceof DuplicateDeliveryError)) throw error;
      duplicate = true;
    }
  }
  let message: Message = result.replyAfter ? await result.replyAfter({ duplicate }) : result.message;
  if (notice) {
    const text =
      notice.scope === NO_MAIN_CHANNEL
        ? ctx.t("onboarding.noMainChannel", { usage: `${ctx.syntax.moderatorPrefix} onboarding channel` })
        : ctx.t("delivery.notice", {
            scope: notice.scope,
            reason: notice.reason,
            usage: `${ctx.syntax.moderatorPrefix} delivery status`,
          });
    message = prependNotice(message, text);
  }
  return {
    message,
    effects,
    ...(result.form ? { form: withCloseLabel(result.form, ctx.t("form.close")) } : {}),
  };
}

/** The kind refusal for someone who stepped back: nothing changed, and the way back. */
export function steppedBack(ctx: Pick<CommandContext, "t" | "syntax">): Message {
  return ephemeral({
    type: "text",
    text: ctx.t("steppedBack.refused", { usage: `${ctx.syntax.prefix} join` }),
  });
}

/** Forms get Slack's close button in the community's language unless their definition set one. */
export function withCloseLabel(form: Form, closeLabel: string): Form {
  return form.closeLabel ? form : { ...form, closeLabel };
}

/**
 * Rows are committed before this runs; if the queue refuses them now, the delivery sweep
 * enqueues them within minutes, so the user's command still succeeded.
 */
async function enqueueQuietly(queue: DeliveryQueue | undefined, ids: readonly number[]): Promise<void> {
  if (!queue) return;
  try {
    await queue.enqueue(ids);
  } catch (error) {
    console.error("outbox enqueue failed; the sweep will pick these up", { ids, error });
  }
}
