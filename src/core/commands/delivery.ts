import { ephemeral } from "../message.ts";
import { defineCommand } from "./define.ts";
import type { CommandContext } from "./types.ts";

/** How many dead messages one `/cop delivery retry` queues: the rest wait for the next one. */
export const RETRY_LIMIT = 500;

/** `/cop delivery retry`: dead messages back to the queue (at most RETRY_LIMIT), attempts reset. */
export const deliveryRetry = defineCommand({
  path: ["delivery", "retry"],
  summary: "cmd.delivery.retry",
  options: {},
  moderator: true,
  example: {},
  async handle(ctx) {
    const report = await ctx.store.deliveryReport(ctx.community.id, new Date(0));
    const dead = report.counts.dead;
    if (dead === 0) return { message: ephemeral({ type: "text", text: ctx.t("delivery.nothingToRetry") }) };
    const text =
      dead <= RETRY_LIMIT
        ? ctx.t("delivery.retried", { count: String(dead) })
        : ctx.t("delivery.retriedSome", {
            count: String(RETRY_LIMIT),
            total: String(dead),
            usage: usageOf(ctx, "retry"),
          });
    return {
      message: ephemeral({ type: "text", text }),
      effects: [{ type: "delivery.retryDead", limit: RETRY_LIMIT }],
    };
  },
});

/**
 * `/cop delivery unblock`: the moderator fixed access (invited the bot, reinstalled it), so every
 * loss clears and the messages that waited go out; where access is still missing, the first
 * message there finds out and the block comes back.
 */
export const deliveryUnblock = defineCommand({
  path: ["delivery", "unblock"],
  summary: "cmd.delivery.unblock",
  options: {},
  moderator: true,
  example: {},
  async handle(ctx) {
    const report = await ctx.store.deliveryReport(ctx.community.id, ctx.now);
    const losses = report.blocks.filter((block) => block.cause !== "no_main_channel");
    if (losses.length === 0)
      return { message: ephemeral({ type: "text", text: ctx.t("delivery.nothingBlocked") }) };
    const count = String(report.waitingForAccess);
    const text = ctx.t("delivery.unblocked", { count, status: usageOf(ctx, "status") });
    return { message: ephemeral({ type: "text", text }), effects: [{ type: "delivery.unblock" }] };
  },
});

/** `/cop delivery pause`: nothing goes out until resume; messages keep waiting in the outbox. */
export const deliveryPause = defineCommand({
  path: ["delivery", "pause"],
  summary: "cmd.delivery.pause",
  options: {},
  moderator: true,
  example: {},
  async handle(ctx) {
    const report = await ctx.store.deliveryReport(ctx.community.id, ctx.now);
    const usage = usageOf(ctx, "resume");
    if (report.paused)
      return { message: ephemeral({ type: "text", text: ctx.t("delivery.alreadyPaused", { usage }) }) };
    return {
      message: ephemeral({ type: "text", text: ctx.t("delivery.pausedNow", { usage }) }),
      effects: [{ type: "delivery.pause" }],
    };
  },
});

/** `/cop delivery resume`: the waiting messages are queued again, each sent once. */
export const deliveryResume = defineCommand({
  path: ["delivery", "resume"],
  summary: "cmd.delivery.resume",
  options: {},
  moderator: true,
  example: {},
  async handle(ctx) {
    const report = await ctx.store.deliveryReport(ctx.community.id, ctx.now);
    if (!report.paused) return { message: ephemeral({ type: "text", text: ctx.t("delivery.notPaused") }) };
    return {
      message: ephemeral({ type: "text", text: ctx.t("delivery.resumedNow") }),
      effects: [{ type: "delivery.resume" }],
    };
  },
});

export function usageOf(ctx: CommandContext, sub: string): string {
  return `${ctx.syntax.moderatorPrefix} delivery ${sub}`;
}
