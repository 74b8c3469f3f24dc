import { type Block, ephemeral } from "../message.ts";
import { defineCommand } from "./define.ts";
import type { CommandContext } from "./types.ts";

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** `/cop delivery status`: counts for the last 7 days, the latest errors, lost access. */
export const deliveryStatus = defineCommand({
  path: ["delivery", "status"],
  summary: "cmd.delivery.status",
  options: {},
  moderator: true,
  readOnly: true,
  groupDefault: true,
  example: {},
  async handle(ctx) {
    const { t } = ctx;
    const report = await ctx.store.deliveryReport(ctx.community.id, new Date(ctx.now.getTime() - WEEK_MS));
    const count = (n: number) => String(n);
    const blocks: Block[] = [
      { type: "heading", text: t("delivery.title") },
      {
        type: "fields",
        fields: [
          { label: t("delivery.pending"), value: count(report.counts.pending) },
          { label: t("delivery.sent"), value: count(report.counts.sent) },
          { label: t("delivery.failed"), value: count(report.counts.failed) },
          { label: t("delivery.dead"), value: count(report.counts.dead) },
        ],
      },
      {
        type: "text",
        text: report.paused ? t("delivery.paused", { usage: usageOf(ctx, "resume") }) : t("delivery.running"),
      },
      { type: "text", text: [{ bold: t("delivery.lastErrors") }] },
      {
        type: "context",
        text:
          report.lastErrors.length === 0
            ? t("delivery.noErrors")
            : report.lastErrors.map((e) => `${stamp(e.at)} ${e.kind}: ${e.error}`).join("\n"),
      },
    ];
    if (report.blocks.length > 0) {
      blocks.push({ type: "text", text: [{ bold: t("delivery.blocks") }] });
      for (const block of report.blocks) {
        blocks.push({
          type: "context",
          text: t("delivery.block", { scope: block.scope, reason: block.reason, at: stamp(block.at) }),
        });
      }
    }
    return { message: ephemeral(...blocks) };
  },
});

/** `/cop delivery retry`: dead messages back to the queue, attempts reset. */
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
    return {
      message: ephemeral({ type: "text", text: ctx.t("delivery.retried", { count: String(dead) }) }),
      effects: [{ type: "delivery.retryDead" }],
    };
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

function usageOf(ctx: CommandContext, sub: string): string {
  return `${ctx.syntax.prefix} delivery ${sub}`;
}

/** UTC, minute precision: moderators compare it with what they saw in the channel. */
function stamp(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
