import { z } from "zod";
import { defineCommand } from "../../core/commands/define.ts";
import { type OptionSpec, option } from "../../core/commands/options.ts";
import type { CommandContext } from "../../core/commands/types.ts";
import type { PlainKey } from "../../core/i18n/index.ts";
import { localDay } from "../../core/local-time.ts";
import { ephemeral, type Message } from "../../core/message.ts";
import { formatDayName } from "../meetings/holidays.ts";
import { NUDGE_LIMITS } from "./ports.ts";
import { shiftDay } from "./rules.ts";

/** A whole number option within `[min, max]`; out of range is a polite argument error. */
function wholeNumber(label: PlainKey, help: PlainKey, [min, max]: readonly [number, number]) {
  const spec: OptionSpec<z.ZodType<number, string>> = {
    ...option.text(label, help, 3),
    rest: false,
    schema: z
      .string()
      .trim()
      .regex(/^\d{1,3}$/)
      .transform(Number)
      .pipe(z.number().int().min(min).max(max)),
  };
  return spec;
}

const say = (text: string): { message: Message } => ({ message: ephemeral({ type: "text", text }) });
const usage = (ctx: CommandContext, sub: string) => `${ctx.syntax.prefix} nudges ${sub}`;

/** `/cop nudges off`: no nudges for me ("just reading" is fine). */
export const nudgesOff = defineCommand({
  path: ["nudges", "off"],
  summary: "cmd.nudges.off",
  options: {},
  moderator: false,
  example: {},
  handle: (ctx) => ({
    ...say(ctx.t("nudge.offDone", { usage: usage(ctx, "on") })),
    effects: [{ type: "nudge.preference", userId: ctx.member.platformUserId, optedOut: true }],
  }),
});

/** `/cop nudges on`: nudges again (ends a snooze too). */
export const nudgesOn = defineCommand({
  path: ["nudges", "on"],
  summary: "cmd.nudges.on",
  options: {},
  moderator: false,
  example: {},
  handle: (ctx) => ({
    ...say(ctx.t("nudge.onDone")),
    effects: [{ type: "nudge.preference", userId: ctx.member.platformUserId, optedOut: false }],
  }),
});

/** `/cop nudges snooze 4`: no nudges for that many weeks. */
export const nudgesSnooze = defineCommand({
  path: ["nudges", "snooze"],
  summary: "cmd.nudges.snooze",
  options: { weeks: wholeNumber("arg.weeks", "arg.weeks.help", NUDGE_LIMITS.snoozeWeeks) },
  moderator: false,
  example: { weeks: "4" },
  handle(ctx, { weeks }) {
    const until = shiftDay(localDay(ctx.now, ctx.community.timezone), weeks * 7);
    return {
      ...say(ctx.t("nudge.snoozeDone", { day: formatDayName(until, ctx.t.locale) })),
      effects: [{ type: "nudge.snooze", userId: ctx.member.platformUserId, until }],
    };
  },
});

/** `/copmod nudges settings 21 30 50`: quiet days, days between nudges, nudges per day. */
export const nudgesSettings = defineCommand({
  path: ["nudges", "settings"],
  summary: "cmd.nudges.settings",
  options: {
    days: wholeNumber("arg.quietDays", "arg.quietDays.help", NUDGE_LIMITS.quietDays),
    cooldown: wholeNumber("arg.cooldown", "arg.cooldown.help", NUDGE_LIMITS.cooldownDays),
    perday: wholeNumber("arg.perDay", "arg.perDay.help", NUDGE_LIMITS.perDay),
  },
  moderator: true,
  example: { days: "21", cooldown: "30", perday: "50" },
  handle(ctx, { days, cooldown, perday }) {
    const text = ctx.t("nudge.settingsDone", {
      days: String(days),
      cooldown: String(cooldown),
      perDay: String(perday),
    });
    return {
      ...say(text),
      effects: [{ type: "nudge.settings", quietDays: days, cooldownDays: cooldown, perDay: perday }],
    };
  },
});

/** `/copmod nudges pause`: nudges only; everything else goes on. */
export const nudgesPause = defineCommand({
  path: ["nudges", "pause"],
  summary: "cmd.nudges.pause",
  options: {},
  moderator: true,
  example: {},
  async handle(ctx) {
    const settings = await ctx.store.nudges.settings(ctx.community.id);
    const resume = `${ctx.syntax.moderatorPrefix} nudges resume`;
    if (settings.paused) return say(ctx.t("nudge.alreadyPaused", { usage: resume }));
    return {
      ...say(ctx.t("nudge.pausedDone", { usage: resume })),
      effects: [{ type: "nudge.settings", paused: true }],
    };
  },
});

/** `/copmod nudges resume`. */
export const nudgesResume = defineCommand({
  path: ["nudges", "resume"],
  summary: "cmd.nudges.resume",
  options: {},
  moderator: true,
  example: {},
  async handle(ctx) {
    const settings = await ctx.store.nudges.settings(ctx.community.id);
    if (!settings.paused) return say(ctx.t("nudge.notPaused"));
    return { ...say(ctx.t("nudge.resumedDone")), effects: [{ type: "nudge.settings", paused: false }] };
  },
});
