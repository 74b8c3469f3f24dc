import { parseDay } from "../../../core/calendar.ts";
import { defineCommand } from "../../../core/commands/define.ts";
import { option } from "../../../core/commands/options.ts";
import type { CommandContext, CommandResult } from "../../../core/commands/types.ts";
import { localDay } from "../../../core/local-time.ts";
import { ephemeral } from "../../../core/message.ts";
import { formatDayName } from "../holidays.ts";
import type { Holiday } from "../schedule.ts";

/** A one-word text option: on Slack, a text followed by another is one word or a quoted phrase. */
export const word = (...args: Parameters<typeof option.text>) => ({ ...option.text(...args), rest: false });
/** A short private reply. */
export const say = (text: string): CommandResult => ({ message: ephemeral({ type: "text", text }) });

/** One holiday as people read it: "2 March 2027 – 4 March 2027: Cuti bersama". */
export function describe(ctx: CommandContext, h: Holiday): string {
  const start = formatDayName(h.startDay, ctx.t.locale);
  const range = h.endDay === h.startDay ? start : `${start} – ${formatDayName(h.endDay, ctx.t.locale)}`;
  return h.name ? `${range}: ${h.name}` : range;
}

/** Holidays shown by `list`: 25 long named ranges stay within Discord's 2,000 characters. */
const LIST_LIMIT = 25;

/** `/cop holiday list`: the nearest holidays not yet over, in the community's language. */
export const holidayList = defineCommand({
  path: ["holiday", "list"],
  summary: "cmd.holiday.list",
  options: {},
  moderator: false,
  groupDefault: true,
  example: {},
  async handle(ctx) {
    const today = localDay(ctx.now, ctx.community.timezone);
    const { holidays } = await ctx.store.meetings.calendar(ctx.community.id);
    const upcoming = holidays.filter((h) => h.endDay >= today);
    if (upcoming.length === 0)
      return say(
        ctx.t("holiday.none", { usage: `${ctx.syntax.moderatorPrefix} holiday add 2027-03-02 Nyepi` }),
      );
    // Imports of a few countries and years run long: the nearest ones fit any platform's message.
    const lines = upcoming.slice(0, LIST_LIMIT).map((h) => `• ${describe(ctx, h)}`);
    if (upcoming.length > LIST_LIMIT)
      lines.push(ctx.t("holiday.listMore", { count: String(upcoming.length - LIST_LIMIT) }));
    return {
      message: ephemeral(
        { type: "heading", text: ctx.t("holiday.listTitle") },
        { type: "text", text: lines.join("\n") },
      ),
    };
  },
});

/** `/copmod holiday remove 2027-03-02`: by the day it starts. */
export const holidayRemove = defineCommand({
  path: ["holiday", "remove"],
  summary: "cmd.holiday.remove",
  options: { date: word("arg.date", "arg.date.help", 16) },
  moderator: true,
  example: { date: "2027-03-02" },
  async handle(ctx, args) {
    const day = parseDay(args.date);
    if (!day) return say(ctx.t("meeting.badDate", { value: args.date }));
    const { holidays } = await ctx.store.meetings.calendar(ctx.community.id);
    const shown = formatDayName(day, ctx.t.locale);
    if (!holidays.some((h) => h.startDay === day))
      return say(ctx.t("holiday.notFound", { day: shown, usage: `${ctx.syntax.prefix} holiday list` }));
    return {
      ...say(ctx.t("holiday.removed", { day: shown })),
      effects: [{ type: "holiday.remove", startDay: day }],
    };
  },
});
