import { defineCommand } from "../../../core/commands/define.ts";
import { option, optional } from "../../../core/commands/options.ts";
import type { CommandContext, CommandResult } from "../../../core/commands/types.ts";
import { localDay } from "../../../core/local-time.ts";
import {
  formatDayName,
  HOLIDAY_MAX_DAYS,
  type HolidayParse,
  holidayFrom,
  parseHolidayList,
} from "../holidays.ts";
import type { Holiday } from "../schedule.ts";
import { describe, say, word } from "./holiday.ts";

/** Why an entry could not be read, in the community's language. */
export function unreadable(ctx: CommandContext, parsed: Extract<HolidayParse, { ok: false }>): string {
  const { entry } = parsed;
  switch (parsed.reason) {
    case "noSuchDate":
      return entry === parsed.value
        ? ctx.t("holiday.noSuchDate", { value: parsed.value })
        : ctx.t("holiday.noSuchDateIn", { value: parsed.value, entry });
    case "long":
      return ctx.t("holiday.tooLong", { entry, days: String(parsed.days), max: String(HOLIDAY_MAX_DAYS) });
    case "order":
      return ctx.t("holiday.badOrder", { entry });
    case "name":
      return ctx.t("holiday.badName", { entry });
    case "date":
      return ctx.t("holiday.badEntry", { entry });
  }
}

/**
 * Adds parsed holidays, or names the first entry that could not be read (nothing written).
 * Holidays never reach into the past, where they would rewrite what was held: `add` refuses a
 * past start, a pasted list skips past entries and says how many. A holiday starting on the day
 * another starts replaces it (the table keeps one per start day), and the reply says which.
 */
async function added(ctx: CommandContext, parsed: HolidayParse, single: boolean): Promise<CommandResult> {
  if (!parsed.ok) return say(unreadable(ctx, parsed));
  const day = (d: string) => formatDayName(d, ctx.t.locale);
  const today = localDay(ctx.now, ctx.community.timezone);
  const past = parsed.holidays.filter((h) => h.startDay < today);
  const upcoming = parsed.holidays.filter((h) => h.startDay >= today);
  const [first] = past;
  if (single && first) return say(ctx.t("holiday.past", { day: day(first.startDay), today: day(today) }));
  if (upcoming.length === 0)
    return say(ctx.t("holiday.allPast", { count: String(past.length), today: day(today) }));

  const { holidays: existing } = await ctx.store.meetings.calendar(ctx.community.id);
  const same = (a: Holiday, b: Holiday) => a.endDay === b.endDay && a.name === b.name;
  const replaced = existing.filter((e) => upcoming.some((h) => h.startDay === e.startDay && !same(h, e)));
  const overlapped = existing.filter(
    (e) =>
      !upcoming.some((h) => h.startDay === e.startDay) &&
      upcoming.some((h) => e.startDay <= h.endDay && h.startDay <= e.endDay),
  );
  const list = (hs: Holiday[]) => hs.map((h) => describe(ctx, h)).join("; ");
  const lines = [ctx.t("holiday.added", { holidays: list(upcoming) })];
  if (replaced.length > 0) lines.push(ctx.t("holiday.replaces", { holidays: list(replaced) }));
  if (overlapped.length > 0) lines.push(ctx.t("holiday.overlaps", { holidays: list(overlapped) }));
  if (past.length > 0)
    lines.push(ctx.t("holiday.skippedPast", { count: String(past.length), today: day(today) }));
  return { ...say(lines.join("\n")), effects: [{ type: "holiday.add", holidays: upcoming }] };
}

/** `/copmod holiday add 2027-03-02 [2027-03-04] [name]`: no meeting on these days. */
export const holidayAdd = defineCommand({
  path: ["holiday", "add"],
  summary: "cmd.holiday.add",
  options: {
    date: word("arg.date", "arg.date.help", 16),
    "end-date": optional(word("arg.endDate", "arg.endDate.help", 100)),
    name: optional(option.text("arg.holidayName", "arg.holidayName.help", 100)),
  },
  moderator: true,
  example: { date: "2027-03-02", "end-date": "2027-03-04", name: "Cuti bersama" },
  handle(ctx, args) {
    // `holiday add 2027-03-10 Hari Raya Nyepi`: on Slack the name's first word lands in end-date.
    if (args["end-date"] !== undefined && !/^\d{4}-/.test(args["end-date"])) {
      const name = [args["end-date"], args.name].filter(Boolean).join(" ");
      return added(ctx, holidayFrom(args.date, undefined, name), true);
    }
    return added(ctx, holidayFrom(args.date, args["end-date"], args.name), true);
  },
});

/** `/copmod holiday paste 2027-01-01 Tahun Baru 2027-03-10 2027-03-11 Nyepi …`: all or nothing. */
export const holidayPaste = defineCommand({
  path: ["holiday", "paste"],
  summary: "cmd.holiday.paste",
  options: { list: option.text("arg.holidayList", "arg.holidayList.help", 3000) },
  moderator: true,
  example: { list: "2027-01-01 Tahun Baru 2027-03-10 2027-03-11 Nyepi dan cuti bersama" },
  handle: (ctx, { list }) => added(ctx, parseHolidayList(list), false),
});
