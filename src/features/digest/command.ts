import { defineCommand } from "../../core/commands/define.ts";
import { option } from "../../core/commands/options.ts";
import { localized } from "../../core/commands/syntax.ts";
import type { CommandContext } from "../../core/commands/types.ts";
import { calendarWeek } from "../../core/digest/dates.ts";
import { localDay } from "../../core/local-time.ts";
import { ephemeral } from "../../core/message.ts";
import { formatClock } from "../meetings/format.ts";
import { parseTime, parseWeekday } from "../meetings/parse.ts";
import { buildDigest } from "./build.ts";

/** A one-word text option: on Slack, a text followed by another is one word or a quoted phrase. */
const word = (...args: Parameters<typeof option.text>) => ({ ...option.text(...args), rest: false });
const say = (text: string) => ({ message: ephemeral({ type: "text", text }) });
const usage = (ctx: CommandContext, words: string) => `${ctx.syntax.moderatorPrefix} digest ${words}`;
type WeekdayKey = `digest.weekday.${1 | 2 | 3 | 4 | 5 | 6 | 7}`;
const weekdayName = (ctx: CommandContext, weekday: number) =>
  ctx.t(`digest.weekday.${weekday}` as WeekdayKey);

/** `/copmod digest preview` (Slack also `/cop digest`): this week's digest, privately, as it would be posted. */
export const digestPreview = defineCommand({
  path: ["digest", "preview"],
  summary: "cmd.digest.preview",
  options: {},
  moderator: true,
  readOnly: true,
  groupDefault: true,
  example: {},
  async handle(ctx) {
    const digest = await buildDigest(ctx.store.digest, ctx.community, ctx.now);
    return {
      message: ephemeral(
        { type: "context", text: ctx.t("digest.preview", { send: usage(ctx, "send") }) },
        ...digest.message.blocks,
      ),
    };
  },
});

/**
 * `/copmod digest send`: this week's digest in the main channel now. It is the week's digest: the
 * same outbox key (`digest:<ISO week>`) as the scheduled one, which then does not repeat it.
 */
export const digestSend = defineCommand({
  path: ["digest", "send"],
  summary: "cmd.digest.send",
  options: {},
  moderator: true,
  example: {},
  async handle(ctx) {
    const reads = ctx.store.digest;
    const settings = await reads.settings(ctx.community.id);
    if (!settings.mainChannelId) {
      return say(
        ctx.t("digest.noMainChannel", { usage: `${ctx.syntax.moderatorPrefix} onboarding channel` }),
      );
    }
    const digest = await buildDigest(reads, ctx.community, ctx.now);
    if (await reads.posted(ctx.community.id, digest.key)) {
      const period = calendarWeek(ctx.t, localDay(ctx.now, ctx.community.timezone));
      return say(ctx.t("digest.alreadySent", { period }));
    }
    const draft = {
      kind: "post" as const,
      key: digest.key,
      channelId: settings.mainChannelId,
      message: digest.message,
    };
    return {
      ...say(ctx.t("digest.sent")),
      effects: [
        {
          type: "digest.post",
          draft,
          archivedTopicIds: digest.archivedTopicIds,
          topics: { period: digest.period, ids: digest.topicIds },
        },
      ],
    };
  },
});

/** `/copmod digest schedule <weekday> <HH:MM>`: the weekday and local time of the weekly digest. */
export const digestSchedule = defineCommand({
  path: ["digest", "schedule"],
  summary: "cmd.digest.schedule",
  options: {
    weekday: word("arg.weekday", "arg.weekday.help", 16),
    time: word("arg.time", "arg.time.help", 8),
  },
  moderator: true,
  example: { weekday: localized("example.digestWeekday"), time: "08:00" },
  handle(ctx, args) {
    const weekday = parseWeekday(args.weekday);
    if (weekday === null) return say(ctx.t("digest.badWeekday", { value: args.weekday }));
    const minute = parseTime(args.time);
    if (minute === null) return say(ctx.t("digest.badTime", { value: args.time }));
    const text = ctx.t("digest.scheduled", {
      weekday: weekdayName(ctx, weekday),
      time: formatClock(minute, ctx.t.locale, ctx.community.timezone, ctx.now),
    });
    return { ...say(text), effects: [{ type: "digest.settings", weekday, minute, enabled: true }] };
  },
});

/** `/copmod digest off`: no weekly digest until `/copmod digest on`. */
export const digestOff = defineCommand({
  path: ["digest", "off"],
  summary: "cmd.digest.off",
  options: {},
  moderator: true,
  example: {},
  handle(ctx) {
    return {
      ...say(ctx.t("digest.offDone", { usage: usage(ctx, "on") })),
      effects: [{ type: "digest.settings", enabled: false }],
    };
  },
});

/** `/copmod digest on`: the weekly digest again, on its weekday and time. */
export const digestOn = defineCommand({
  path: ["digest", "on"],
  summary: "cmd.digest.on",
  options: {},
  moderator: true,
  example: {},
  async handle(ctx) {
    const settings = await ctx.store.digest.settings(ctx.community.id);
    const text = ctx.t("digest.onDone", {
      weekday: weekdayName(ctx, settings.weekday),
      time: formatClock(settings.minute, ctx.t.locale, ctx.community.timezone, ctx.now),
    });
    return { ...say(text), effects: [{ type: "digest.settings", enabled: true }] };
  },
});
