import type { Translator } from "../../core/i18n/index.ts";
import { barChart } from "./chart.ts";
import type { DashboardReading } from "./figures.ts";
import { counted, details, esc, headline, section, shared } from "./html.ts";
import { hasHistory } from "./people-sections.ts";
import type { Periods } from "./periods.ts";

/** 3. Returning participants: active this period and the one before; the weekly chart beside. */
export function returningSection(r: DashboardReading, p: Periods, t: Translator): string {
  const a = r.activity;
  if (!hasHistory(r, p.activity.lastWeek))
    return section("f3", t("dashboard.returning"), `<p>${esc(t("dashboard.history.none"))}</p>`);
  // Returning needs the previous period's history; its trend, the one before that as well.
  const current = before(r, p.activity.currentWeek) ? counted(a.returningCurrent, t) : null;
  const previous = before(r, p.activity.previousWeek) ? counted(a.returningPrevious, t) : null;
  const byWeek = new Map(a.weekly.map((w) => [w.week, w.members]));
  const chart = barChart(
    {
      id: "c3",
      title: t("dashboard.returning.chart"),
      columns: [t("dashboard.returning.week"), t("dashboard.returning.members")],
      bars: p.chartWeeks.map((week) => ({ label: week, value: byWeek.get(week) ?? 0 })),
    },
    t,
  );
  return section(
    "f3",
    t("dashboard.returning"),
    headline(t("dashboard.returning.count"), current, previous, "up", t) +
      periodNote(p, t) +
      details([
        [t("dashboard.returning.active"), counted(a.activeCurrent, t)?.shown ?? ""],
        [
          t("dashboard.returning.activeBefore"),
          before(r, p.activity.currentWeek)
            ? (counted(a.activePrevious, t)?.shown ?? "")
            : t("dashboard.noData"),
        ],
      ]) +
      chart,
  );
}

/** 7. Concentration: the share of active days that the most active tenth of members account for. */
export function concentrationSection(r: DashboardReading, p: Periods, t: Translator): string {
  const a = r.activity;
  if (!hasHistory(r, p.activity.lastWeek))
    return section("f7", t("dashboard.concentration"), `<p>${esc(t("dashboard.history.none"))}</p>`);
  // The share's base is the members active (under 5, the top tenth would be one named person).
  const current = a.activeCurrent < 5 ? null : shared(a.topTenthDaysCurrent, a.allDaysCurrent, t);
  const previous =
    before(r, p.activity.currentWeek) && a.activePrevious >= 5
      ? shared(a.topTenthDaysPrevious, a.allDaysPrevious, t)
      : null;
  const shown = current ?? (a.activeCurrent < 5 ? { value: 0, shown: t("dashboard.tooFew") } : null);
  return section(
    "f7",
    t("dashboard.concentration"),
    headline(t("dashboard.concentration.share"), shown, current ? previous : null, "down", t) +
      periodNote(p, t) +
      `<p class="note">${esc(t("dashboard.concentration.note"))}</p>`,
  );
}

/** Which weeks figures 3 and 7 count (finished weeks, periods.ts says why). */
const periodNote = (p: Periods, t: Translator) =>
  `<p class="note">${esc(t("dashboard.activity.period", { start: p.activity.start, end: p.activity.end }))}</p>`;

/** History reached into the period that ends before `week` (ISO week strings sort in time order). */
const before = (r: DashboardReading, week: string) =>
  r.activity.firstWeek !== null && r.activity.firstWeek < week;
