import { defineCommand } from "../../../core/commands/define.ts";
import { option, optional } from "../../../core/commands/options.ts";
import { localized } from "../../../core/commands/syntax.ts";
import type { CommandContext } from "../../../core/commands/types.ts";
import { type Block, ephemeral } from "../../../core/message.ts";
import type { Effect } from "../../../core/model.ts";
import { formatMeetingTime } from "../format.ts";
import { formatDayName } from "../holidays.ts";
import { DEFAULT_MEETING_MINUTES, newSeries } from "../new-series.ts";
import { isTimeZone, parseLink, parseMinutes, parseTime, parseWeekday } from "../parse.ts";
import { CADENCES, upcomingMeetings } from "../schedule.ts";

/** A one-word text option: on Slack, a text followed by another is one word or a quoted phrase. */
const word = (...args: Parameters<typeof option.text>) => ({ ...option.text(...args), rest: false });

/** `/copmod meeting schedule weekly tue 19:00 [minutes] [link]`: the community's one series. */
export const meetingSchedule = defineCommand({
  path: ["meeting", "schedule"],
  summary: "cmd.meeting.schedule",
  options: {
    cadence: option.choice(CADENCES, "arg.cadence", "arg.cadence.help", {
      weekly: { id: ["mingguan"] },
      biweekly: { id: ["dua-mingguan"] },
      monthly: { id: ["bulanan"] },
    }),
    weekday: word("arg.weekday", "arg.weekday.help", 16),
    time: word("arg.time", "arg.time.help", 8),
    // As long as a link: `… 19:00 https://…` puts the link here (see below).
    minutes: optional(word("arg.minutes", "arg.minutes.help", 500)),
    link: optional(option.link("arg.link", "arg.link.help", 500)),
  },
  moderator: true,
  example: {
    cadence: "weekly",
    weekday: localized("example.weekday"),
    time: localized("example.time"),
    minutes: "60",
    link: "https://meet.example/cop",
  },
  async handle(ctx, args) {
    const say = (text: string) => ({ message: ephemeral({ type: "text", text }) });
    const weekday = parseWeekday(args.weekday);
    if (weekday === null) return say(ctx.t("meeting.badWeekday", { value: args.weekday }));
    const startMinute = parseTime(args.time);
    if (startMinute === null) return say(ctx.t("meeting.badTime", { value: args.time }));
    // `… 19:00 https://…` without minutes: the link came in the minutes' place.
    let { minutes: minutesText, link: linkText } = args;
    if (minutesText && linkText === undefined && /^https?:/i.test(minutesText)) {
      linkText = minutesText;
      minutesText = undefined;
    }
    const minutes = minutesText === undefined ? DEFAULT_MEETING_MINUTES : parseMinutes(minutesText);
    if (minutes === null) return say(ctx.t("meeting.badMinutes", { value: minutesText ?? "" }));
    const link = linkText === undefined ? null : parseLink(linkText);
    if (linkText !== undefined && link === null) return say(ctx.t("meeting.badLink", { value: linkText }));
    const { zone, effects } = await scheduleZone(ctx);
    const series = newSeries(ctx.now, zone, { cadence: args.cadence, weekday, startMinute, minutes, link });
    // A new schedule clears cancellations and moves, never holidays: the first real meeting skips them.
    const { holidays } = await ctx.store.meetings.calendar(ctx.community.id);
    const [first] = upcomingMeetings({ ...series, timezone: zone }, [], holidays, ctx.now, 1);
    const when = first
      ? formatMeetingTime(first.startsAt, ctx.t.locale, zone)
      : formatDayName(series.firstDay, ctx.t.locale);
    const blocks: Block[] = [
      {
        type: "text",
        text: ctx.t("meeting.scheduled", {
          cadence: ctx.t(`meeting.cadence.${args.cadence}`),
          minutes: String(minutes),
          when,
        }),
      },
      {
        type: "context",
        text: ctx.t("meeting.zone", { zone, usage: `${ctx.syntax.moderatorPrefix} timezone` }),
      },
    ];
    const { mainChannelId } = await ctx.store.membership.onboarding(ctx.community.id);
    if (!mainChannelId)
      blocks.push({
        type: "context",
        text: ctx.t("meeting.noMainChannel", {
          usage: `${ctx.syntax.moderatorPrefix} onboarding channel ${ctx.t("example.channelPlaceholder")}`,
        }),
      });
    return { message: ephemeral(...blocks), effects: [...effects, { type: "meeting.schedule", series }] };
  },
});

/**
 * The zone a schedule is read in: the community's once a moderator chose it (or an earlier schedule
 * took one); before that, the scheduling moderator's own zone where the platform tells it (Slack's
 * `tz`), stored with the schedule; else the community's (UTC). The reply names the zone used.
 */
async function scheduleZone(ctx: CommandContext): Promise<{ zone: string; effects: Effect[] }> {
  const zone = ctx.community.timezone;
  const settings = await ctx.store.rotation.settings(ctx.community.id);
  if (settings.timezoneSet || !ctx.actorTimezone) return { zone, effects: [] };
  const theirs = await ctx.actorTimezone().catch(() => null);
  if (!theirs || !isTimeZone(theirs)) return { zone, effects: [] };
  return { zone: theirs, effects: [{ type: "community.timezone", timezone: theirs }] };
}

export { meetingList, meetingNext } from "./meeting-view.ts";
