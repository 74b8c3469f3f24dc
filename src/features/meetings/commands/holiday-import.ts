import { defineCommand } from "../../../core/commands/define.ts";
import { localDay } from "../../../core/local-time.ts";
import type { Block } from "../../../core/message.ts";
import { ephemeral } from "../../../core/message.ts";
import { publicHolidays } from "../holiday-data.ts";
import { formatDayName } from "../holidays.ts";
import { describe, say, word } from "./holiday.ts";

/** Years a moderator may import, around the community's current year. */
const YEARS_BACK = 1;
const YEARS_AHEAD = 5;
/** Holidays named in the reply; the rest are counted (Discord allows 2,000 characters). */
const SHOWN = 10;

/**
 * `/copmod holiday import ID 2027`: a country's public holidays from the holiday data, added like a
 * pasted list. A day that already has a holiday keeps it (a moderator's pasted decree date or
 * name wins over the computed one), so importing a year twice changes nothing the second time.
 */
export const holidayImport = defineCommand({
  path: ["holiday", "import"],
  summary: "cmd.holiday.import",
  options: {
    country: word("arg.country", "arg.country.help", 8),
    year: word("arg.year", "arg.year.help", 8),
  },
  moderator: true,
  example: { country: "ID", year: "2027" },
  async handle(ctx, args) {
    const today = localDay(ctx.now, ctx.community.timezone);
    const current = Number(today.slice(0, 4));
    const [from, to] = [current - YEARS_BACK, current + YEARS_AHEAD];
    const year = /^\d{4}$/.test(args.year) ? Number(args.year) : Number.NaN;
    if (!(year >= from && year <= to))
      return say(ctx.t("holiday.badYear", { value: args.year, from: String(from), to: String(to) }));
    const found = publicHolidays(args.country, year, ctx.t.locale);
    if (!found) return say(ctx.t("holiday.badCountry", { value: args.country }));
    const params = { country: found.country, year: String(year) };
    if (found.holidays.length === 0) return say(ctx.t("holiday.importNone", params));

    // Holidays already begun never reach into the past (they would rewrite what was held).
    const ahead = found.holidays.filter((h) => h.startDay >= today);
    const skipped = found.holidays.length - ahead.length;
    const shownToday = formatDayName(today, ctx.t.locale);
    const { holidays: existing } = await ctx.store.meetings.calendar(ctx.community.id);
    const fresh = ahead.filter(
      (h) => !existing.some((e) => e.startDay <= h.endDay && h.startDay <= e.endDay),
    );
    const kept = ahead.length - fresh.length;
    const lines = [
      fresh.length === 0
        ? ahead.length === 0
          ? ctx.t("holiday.allPast", { count: String(skipped), today: shownToday })
          : ctx.t("holiday.importNothing")
        : ctx.t("holiday.imported", {
            count: String(fresh.length),
            holidays: fresh
              .slice(0, SHOWN)
              .map((h) => describe(ctx, h))
              .join("; "),
          }),
    ];
    if (fresh.length > SHOWN)
      lines.push(
        ctx.t("holiday.importedMore", {
          count: String(fresh.length - SHOWN),
          usage: `${ctx.syntax.prefix} holiday list`,
        }),
      );
    if (kept > 0 && fresh.length > 0) lines.push(ctx.t("holiday.importKept", { count: String(kept) }));
    if (skipped > 0 && ahead.length > 0)
      lines.push(ctx.t("holiday.skippedPast", { count: String(skipped), today: shownToday }));
    const blocks: Block[] = [
      { type: "heading", text: ctx.t("holiday.importedTitle", params) },
      { type: "text", text: lines.join("\n") },
    ];
    // Libraries compute Indonesia's Islamic holidays and leave out cuti bersama; the decree decides.
    if (args.country.toUpperCase() === "ID")
      blocks.push({
        type: "context",
        text: ctx.t("holiday.importIndonesia", { usage: `${ctx.syntax.moderatorPrefix} holiday paste` }),
      });
    return {
      message: ephemeral(...blocks),
      effects: fresh.length > 0 ? [{ type: "holiday.add", holidays: fresh }] : [],
    };
  },
});
