import { addDays } from "../../core/calendar.ts";
import type { Translator } from "../../core/i18n/index.ts";
import { barChart } from "./chart.ts";
import type { DashboardReading, MeetingFacts } from "./figures.ts";
import {
  counted,
  details,
  esc,
  formatNumber,
  headline,
  SMALL,
  section,
  shared,
  shownCount,
  type Value,
} from "./html.ts";
import type { Periods } from "./periods.ts";

/** What history says about a period: it has data when the history began in or before it. */
export const hasHistory = (r: DashboardReading, lastWeekOfPeriod: string) =>
  r.activity.firstWeek !== null && r.activity.firstWeek <= lastWeekOfPeriod;

/** Attended where recorded, otherwise the RSVP yeses (a meeting nobody marked attendance for). */
const attendanceOf = (m: MeetingFacts) => (m.attended > 0 ? m.attended : m.rsvpYes);

function average(meetings: readonly MeetingFacts[], t: Translator): Value {
  if (meetings.length === 0) return null;
  const mean = meetings.reduce((sum, m) => sum + attendanceOf(m), 0) / meetings.length;
  return counted(Math.round(mean * 10) / 10, t);
}

/** 1. Attendance per meeting, and as a share of the period's active members. */
export function attendanceSection(r: DashboardReading, p: Periods, t: Translator): string {
  if (r.meetings.length === 0)
    return section("f1", t("dashboard.attendance"), `<p>${esc(t("dashboard.attendance.none"))}</p>`);
  const current = r.meetings.filter((m) => m.day >= p.current);
  const previous = r.meetings.filter((m) => m.day >= p.previous && m.day < p.current);
  const mean = average(current, t);
  const share =
    mean && hasHistory(r, p.activity.lastWeek) ? shared(mean.value, r.activity.activeCurrent, t) : null;
  const recent = r.meetings.slice(-12);
  return section(
    "f1",
    t("dashboard.attendance"),
    headline(t("dashboard.attendance.average"), mean, average(previous, t), "up", t) +
      details([[t("dashboard.attendance.share"), share?.shown ?? t("dashboard.noData")]]) +
      barChart(
        {
          id: "c1",
          title: t("dashboard.attendance.chart"),
          columns: [t("dashboard.attendance.meeting"), t("dashboard.attendance.count")],
          bars: recent.map((m) => ({
            label: m.day,
            value: attendanceOf(m),
            ...(m.attended === 0 && m.rsvpYes > 0 ? { note: t("dashboard.attendance.fromRsvp") } : {}),
          })),
        },
        t,
      ),
  );
}

/** 2. Newcomers: joins in the period, then a cohort table by month of joining. */
export function newcomersSection(r: DashboardReading, p: Periods, t: Translator): string {
  const head = headline(
    t("dashboard.newcomers.joined"),
    counted(r.newcomers.current, t),
    counted(r.newcomers.previous, t),
    "up",
    t,
  );
  if (r.cohorts.length === 0)
    return section("f2", t("dashboard.newcomers"), `${head}<p>${esc(t("dashboard.newcomers.none"))}</p>`);
  // A cohort's "after 30 days" is not yet known until its last member has been here 30 days, and
  // is "no data yet" when its first members reached day 30 before the history began.
  const cell = (month: string, days: number, n: number, joined: number) => {
    if (addDays(monthEnd(month), days) > p.today) return t("dashboard.notYet");
    const first = r.activity.firstWeek;
    if (first === null || addDays(`${month}-01`, days) < firstDayOf(first)) return t("dashboard.noData");
    return shareOrCount(n, joined, t);
  };
  const rows = r.cohorts
    .map((c) =>
      [
        c.month,
        shownCount(c.joined, t),
        shareOrCount(c.welcomed, c.joined, t),
        shareOrCount(c.introduced, c.joined, t),
        cell(c.month, 30, c.active30, c.joined),
        cell(c.month, 90, c.active90, c.joined),
      ]
        .map((v, i) => (i === 0 ? `<th scope="row">${esc(v)}</th>` : `<td>${esc(v)}</td>`))
        .join(""),
    )
    .map((cells) => `<tr>${cells}</tr>`)
    .join("");
  const heads = ["month", "joined", "welcomed", "introduced", "active30", "active90"] as const;
  const table = `<div class="scroll"><table class="cohorts"><caption>${esc(t("dashboard.newcomers.cohorts"))}</caption><thead><tr>${heads
    .map((h) => `<th scope="col">${esc(t(`dashboard.newcomers.${h}`))}</th>`)
    .join("")}</tr></thead><tbody>${rows}</tbody></table></div>`;
  const chart = barChart(
    {
      id: "c2",
      title: t("dashboard.newcomers.chart"),
      columns: [t("dashboard.newcomers.month"), t("dashboard.newcomers.joined")],
      bars: r.cohorts.map((c) => ({ label: c.month, value: c.joined })),
    },
    t,
  );
  return section("f2", t("dashboard.newcomers"), head + chart + table);
}

/** A part of a cohort: "n (p %)" when both are 5 or more, otherwise what may be shown. */
function shareOrCount(n: number, base: number, t: Translator): string {
  if (n < SMALL || base < SMALL) return shownCount(n, t);
  return `${formatNumber(n, t)} (${formatNumber(Math.round((n / base) * 100), t)} %)`;
}

/** The last day of a month ('YYYY-MM'). */
function monthEnd(month: string): string {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The Monday of an ISO week (for comparing with days). */
export function firstDayOf(week: string): string {
  const year = Number(week.slice(0, 4));
  const n = Number(week.slice(6));
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000);
  return new Date(monday.getTime() + (n - 1) * 7 * 86_400_000).toISOString().slice(0, 10);
}
