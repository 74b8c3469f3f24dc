import { defineCommand } from "../../core/commands/define.ts";
import { type Block, ephemeral } from "../../core/message.ts";
import { formatDayName } from "../meetings/holidays.ts";
import { scanWindow } from "./rules.ts";

/** How many of the longest quiet a moderator sees by name. */
const LISTED = 20;

/**
 * `/copmod nudges quiet`: for moderators, privately (an ephemeral reply, never a channel post):
 * how many members are quiet and why some will not be nudged, and the longest quiet by name,
 * then any channel guyub could not read (whose members would look quiet) and what to change.
 */
export const nudgesQuiet = defineCommand({
  path: ["nudges", "quiet"],
  summary: "cmd.nudges.quiet",
  options: {},
  moderator: true,
  readOnly: true,
  groupDefault: true,
  example: {},
  async handle(ctx) {
    const { t } = ctx;
    const settings = await ctx.store.nudges.settings(ctx.community.id);
    const window = scanWindow(ctx.community.id, ctx.community.timezone, settings, ctx.now);
    const [report, unread] = await Promise.all([
      ctx.store.nudges.quiet(window, LISTED),
      ctx.store.nudges.unreadChannels(ctx.community.id),
    ]);
    const days = String(settings.quietDays);
    const total = report.quiet + report.optedOut + report.snoozed + report.inCooldown;
    const blocks: Block[] = [{ type: "heading", text: t("nudge.quietTitle") }];
    // Counts from channels guyub could not read would call active members quiet: say so first.
    if (unread.length > 0) {
      blocks.push({ type: "text", text: t("nudge.unreadTitle", { count: String(unread.length) }) });
      for (const u of unread)
        blocks.push({
          type: "context",
          text: t.rich(`nudge.unread.${u.problem}`, { channel: { channel: u.channelId } }),
        });
    }
    if (total === 0) blocks.push({ type: "text", text: t("nudge.quietNone", { days }) });
    else {
      blocks.push({
        type: "text",
        text: t("nudge.quietCounts", {
          days,
          quiet: String(report.quiet),
          optedOut: String(report.optedOut),
          snoozed: String(report.snoozed),
          cooldown: String(report.inCooldown),
        }),
      });
      for (const m of report.longest)
        blocks.push({
          type: "context",
          text: t.rich("nudge.quietSince", {
            user: { user: m.userId },
            day: formatDayName(m.since, t.locale),
          }),
        });
    }
    if (settings.paused) blocks.push({ type: "context", text: t("nudge.quietPaused") });

    return { message: ephemeral(...blocks) };
  },
});
