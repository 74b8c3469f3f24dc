import { parseDay } from "../../../core/calendar.ts";
import { defineCommand } from "../../../core/commands/define.ts";
import { option } from "../../../core/commands/options.ts";
import type { CommandContext, CommandResult } from "../../../core/commands/types.ts";
import { ephemeral } from "../../../core/message.ts";
import { formatMeetingTime } from "../format.ts";
import { formatDayName } from "../holidays.ts";
import { parseLink, parseTime } from "../parse.ts";
import type { StoredSeries } from "../reads.ts";
import { holidayOn, isScheduledDay } from "../schedule.ts";
import { localToInstant } from "../zone.ts";
import { describe } from "./holiday.ts";

/** A one-word text option: on Slack, a text followed by another is one word or a quoted phrase. */
const word = (...args: Parameters<typeof option.text>) => ({ ...option.text(...args), rest: false });
const say = (text: string): CommandResult => ({ message: ephemeral({ type: "text", text }) });

/** The series, or the reply that says how to schedule one. */
async function seriesOr(ctx: CommandContext): Promise<StoredSeries | CommandResult> {
  const { series } = await ctx.store.meetings.calendar(ctx.community.id);
  return series ?? say(ctx.t("meeting.none", { usage: `${ctx.syntax.moderatorPrefix} meeting schedule` }));
}

/** A typed day the series meets on, or the reply that says why not. */
function scheduled(ctx: CommandContext, series: StoredSeries, text: string): string | CommandResult {
  const day = parseDay(text);
  if (!day) return say(ctx.t("meeting.badDate", { value: text }));
  if (!isScheduledDay(series, day))
    return say(
      ctx.t("meeting.notScheduled", {
        day: formatDayName(day, ctx.t.locale),
        usage: `${ctx.syntax.prefix} meeting list`,
      }),
    );
  return day;
}

/** `/copmod meeting link https://…`: where every meeting of the series happens. */
export const meetingLink = defineCommand({
  path: ["meeting", "link"],
  summary: "cmd.meeting.link",
  options: { link: option.link("arg.link", "arg.link.help", 500) },
  moderator: true,
  example: { link: "https://meet.example/cop" },
  async handle(ctx, args) {
    const link = parseLink(args.link);
    if (!link) return say(ctx.t("meeting.badLink", { value: args.link }));
    const series = await seriesOr(ctx);
    if (!("cadence" in series)) return series;
    return { ...say(ctx.t("meeting.linkSet", { link })), effects: [{ type: "meeting.link", link }] };
  },
});

/** `/copmod meeting cancel 2027-03-02`: no meeting that day; the series goes on. */
export const meetingCancel = defineCommand({
  path: ["meeting", "cancel"],
  summary: "cmd.meeting.cancel",
  options: { date: word("arg.date", "arg.date.help", 16) },
  moderator: true,
  example: { date: "2027-03-02" },
  async handle(ctx, args) {
    const series = await seriesOr(ctx);
    if (!("cadence" in series)) return series;
    const day = scheduled(ctx, series, args.date);
    if (typeof day !== "string") return day;
    return {
      ...say(ctx.t("meeting.cancelled", { day: formatDayName(day, ctx.t.locale) })),
      effects: [{ type: "meeting.override", override: { day, cancelled: true } }],
    };
  },
});

/** `/copmod meeting move 2027-03-02 2027-03-03 18:00`: one meeting at another day and time. */
export const meetingMove = defineCommand({
  path: ["meeting", "move"],
  summary: "cmd.meeting.move",
  options: {
    date: word("arg.date", "arg.date.help", 16),
    "new-date": word("arg.newDate", "arg.newDate.help", 16),
    time: word("arg.time", "arg.time.help", 8),
  },
  moderator: true,
  example: { date: "2027-03-02", "new-date": "2027-03-03", time: "18:00" },
  async handle(ctx, args) {
    const series = await seriesOr(ctx);
    if (!("cadence" in series)) return series;
    const day = scheduled(ctx, series, args.date);
    if (typeof day !== "string") return day;
    const toDay = parseDay(args["new-date"]);
    if (!toDay) return say(ctx.t("meeting.badDate", { value: args["new-date"] }));
    const toMinute = parseTime(args.time);
    if (toMinute === null) return say(ctx.t("meeting.badTime", { value: args.time }));
    const startsAt = localToInstant(toDay, toMinute, ctx.community.timezone);
    const when = formatMeetingTime(startsAt, ctx.t.locale, ctx.community.timezone);
    // A meeting moved into the past or onto a holiday would simply vanish, RSVPs and all.
    if (startsAt <= ctx.now) return say(ctx.t("meeting.moveToPast", { when }));
    const { holidays } = await ctx.store.meetings.calendar(ctx.community.id);
    const holiday = holidayOn(holidays, toDay);
    if (holiday)
      return say(
        ctx.t("meeting.moveToHoliday", {
          day: formatDayName(toDay, ctx.t.locale),
          holiday: describe(ctx, holiday),
          usage: `${ctx.syntax.moderatorPrefix} holiday remove ${holiday.startDay}`,
        }),
      );
    return {
      ...say(ctx.t("meeting.movedTo", { day: formatDayName(day, ctx.t.locale), when })),
      effects: [{ type: "meeting.override", override: { day, cancelled: false, toDay, toMinute } }],
    };
  },
});
