import { localDay } from "../local-time.ts";
import { formatMeetingTime } from "../meetings/format.ts";
import { parseLink, parseMinutes, parseTime, parseWeekday } from "../meetings/parse.ts";
import type { MeetingCalendar } from "../meetings/ports.ts";
import { CADENCES, firstMeetingDay, type Meeting, upcomingMeetings } from "../meetings/schedule.ts";
import { type Block, ephemeral } from "../message.ts";
import { defineCommand } from "./define.ts";
import { option, optional } from "./options.ts";
import type { CommandContext } from "./types.ts";

/** A one-word text option: on Slack, a text followed by another is one word or a quoted phrase. */
const word = (...args: Parameters<typeof option.text>) => ({ ...option.text(...args), rest: false });

const DEFAULT_MINUTES = 60;

/** `/cop meeting schedule weekly tue 19:00 [minutes] [link]`: the community's one series. */
export const meetingSchedule = defineCommand({
  path: ["meeting", "schedule"],
  summary: "cmd.meeting.schedule",
  options: {
    cadence: option.choice(CADENCES, "arg.cadence", "arg.cadence.help"),
    weekday: word("arg.weekday", "arg.weekday.help", 16),
    time: word("arg.time", "arg.time.help", 8),
    // As long as a link: `… 19:00 https://…` puts the link here (see below).
    minutes: optional(word("arg.minutes", "arg.minutes.help", 500)),
    link: optional(option.text("arg.link", "arg.link.help", 500)),
  },
  moderator: true,
  example: {
    cadence: "weekly",
    weekday: "tue",
    time: "19:00",
    minutes: "60",
    link: "https://meet.example/cop",
  },
  handle(ctx, args) {
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
    const minutes = minutesText === undefined ? DEFAULT_MINUTES : parseMinutes(minutesText);
    if (minutes === null) return say(ctx.t("meeting.badMinutes", { value: minutesText ?? "" }));
    const link = linkText === undefined ? null : parseLink(linkText);
    if (linkText !== undefined && link === null) return say(ctx.t("meeting.badLink", { value: linkText }));
    const zone = ctx.community.timezone;
    const firstDay = firstMeetingDay(ctx.now, zone, localDay(ctx.now, zone), weekday, startMinute);
    const series = { cadence: args.cadence, firstDay, startMinute, minutes, link };
    const [first] = upcomingMeetings({ ...series, timezone: zone }, [], [], ctx.now, 1);
    const when = first ? formatMeetingTime(first.startsAt, ctx.t.locale, zone) : firstDay;
    return {
      message: ephemeral(
        {
          type: "text",
          text: ctx.t("meeting.scheduled", {
            cadence: ctx.t(`meeting.cadence.${args.cadence}`),
            minutes: String(minutes),
            when,
          }),
        },
        { type: "context", text: ctx.t("meeting.zone", { zone, usage: `${ctx.syntax.prefix} timezone` }) },
      ),
      effects: [{ type: "meeting.schedule", series }],
    };
  },
});

/** The next `count` meetings of the community, or null when none is scheduled. */
async function upcoming(ctx: CommandContext, count: number): Promise<Meeting[] | null> {
  const calendar: MeetingCalendar = await ctx.store.meetings.calendar(ctx.community.id);
  if (!calendar.series) return null;
  const series = { ...calendar.series, timezone: ctx.community.timezone };
  return upcomingMeetings(series, calendar.overrides, calendar.holidays, ctx.now, count);
}

function describe(ctx: CommandContext, meeting: Meeting): string {
  const when = formatMeetingTime(meeting.startsAt, ctx.t.locale, ctx.community.timezone);
  return meeting.moved ? `${when} ${ctx.t("meeting.moved")}` : when;
}

function noMeeting(ctx: CommandContext, meetings: Meeting[] | null): Block | null {
  if (meetings === null)
    return { type: "text", text: ctx.t("meeting.none", { usage: `${ctx.syntax.prefix} meeting schedule` }) };
  return meetings.length === 0 ? { type: "text", text: ctx.t("meeting.noneAhead") } : null;
}

/** `/cop meeting next`: the next meeting's day and time in the community's language and zone. */
export const meetingNext = defineCommand({
  path: ["meeting", "next"],
  summary: "cmd.meeting.next",
  options: {},
  moderator: false,
  groupDefault: true,
  example: {},
  async handle(ctx) {
    const meetings = await upcoming(ctx, 1);
    const none = noMeeting(ctx, meetings);
    const next = meetings?.[0];
    if (none || !next)
      return { message: ephemeral(none ?? { type: "text", text: ctx.t("meeting.noneAhead") }) };
    const blocks: Block[] = [{ type: "text", text: ctx.t("meeting.next", { when: describe(ctx, next) }) }];
    if (next.link) blocks.push({ type: "text", text: ctx.t("meeting.link", { link: next.link }) });
    return { message: ephemeral(...blocks) };
  },
});

/** `/cop meeting list`: the next four meetings. */
export const meetingList = defineCommand({
  path: ["meeting", "list"],
  summary: "cmd.meeting.list",
  options: {},
  moderator: false,
  example: {},
  async handle(ctx) {
    const meetings = await upcoming(ctx, 4);
    const none = noMeeting(ctx, meetings);
    if (none || !meetings)
      return { message: ephemeral(none ?? { type: "text", text: ctx.t("meeting.noneAhead") }) };
    const blocks: Block[] = [
      { type: "heading", text: ctx.t("meeting.listTitle") },
      { type: "text", text: meetings.map((m) => `• ${describe(ctx, m)}`).join("\n") },
    ];
    const link = meetings[0]?.link;
    if (link) blocks.push({ type: "context", text: ctx.t("meeting.link", { link }) });
    return { message: ephemeral(...blocks) };
  },
});
