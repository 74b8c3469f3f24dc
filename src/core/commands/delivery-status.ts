import { formatMoment } from "../membership/dates.ts";
import { type Block, ephemeral, type Inline } from "../message.ts";
import type { DeliveryBlock } from "../ports.ts";
import { defineCommand } from "./define.ts";
import { usageOf } from "./delivery.ts";
import type { CommandContext } from "./types.ts";

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * `/cop delivery status`: counts for the last 7 days, the latest errors, and where guyub cannot
 * post: since when, how many messages wait, when it tries again, and what fixes it.
 */
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
            : report.lastErrors.map((e) => `${stamp(ctx, e.at)} ${e.kind}: ${e.error}`).join("\n"),
      },
    ];
    if (report.blocks.length > 0) {
      blocks.push({ type: "text", text: [{ bold: t("delivery.blocks") }] });
      for (const block of report.blocks) blocks.push(...describe(ctx, block));
    }
    return { message: ephemeral(...blocks) };
  },
});

/** One place guyub cannot post: what, since when, what waits, the next try, and the fix. */
function describe(ctx: CommandContext, block: DeliveryBlock): Block[] {
  const { t } = ctx;
  const channel = `${ctx.syntax.moderatorPrefix} onboarding channel`;
  if (block.cause === "no_main_channel")
    return [{ type: "text", text: t("delivery.fix.no_main_channel", { channel, at: stamp(ctx, block.at) }) }];
  const where: Inline = block.scope === "*" ? t("delivery.block.community") : { channel: block.scope };
  const facts = t.rich("delivery.block", {
    where,
    reason: block.reason,
    at: stamp(ctx, block.at),
    waiting: String(block.waiting),
  });
  const unblock = usageOf(ctx, "unblock");
  const next = block.probeAt ? ` ${t("delivery.block.next", { at: stamp(ctx, block.probeAt) })}` : "";
  const fix =
    block.cause === "not_in_channel"
      ? t("delivery.fix.not_in_channel", { unblock })
      : block.cause === "channel_gone"
        ? t("delivery.fix.channel_gone", { unblock, channel })
        : t("delivery.fix.uninstalled", { unblock });
  return [
    { type: "text", text: [...facts, next] },
    { type: "context", text: fix },
  ];
}

/**
 * The moment in words, to the minute, in the community's zone and language ("8 Maret 2027 pukul
 * 10.00 WIB"): the same clock moderators see next to the messages in the channel.
 */
function stamp(ctx: CommandContext, at: Date): string {
  return formatMoment(at, ctx.t.locale, ctx.community.timezone);
}
