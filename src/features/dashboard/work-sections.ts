import { daysBetween } from "../../core/calendar.ts";
import type { Translator } from "../../core/i18n/index.ts";
import type { DashboardReading, MeetingFacts } from "./figures.ts";
import {
  counted,
  details,
  esc,
  formatNumber,
  headline,
  section,
  shared,
  shownCount,
  type Value,
} from "./html.ts";
import type { Periods } from "./periods.ts";

const SPAN = 12;

/** 4. Facilitation spread over the last 12 hosted meetings, against the 12 before them. */
export function hostingSection(r: DashboardReading, t: Translator): string {
  const hosted = r.meetings.filter((m) => m.host !== null);
  if (hosted.length === 0)
    return section("f4", t("dashboard.hosting"), `<p>${esc(t("dashboard.hosting.none"))}</p>`);
  const last = hosted.slice(-SPAN);
  const before = hosted.slice(-2 * SPAN, -SPAN);
  const hosts = (ms: readonly MeetingFacts[]): Value =>
    ms.length === 0 ? null : counted(new Set(ms.map((m) => m.host)).size, t);
  const counts = new Map<string, number>();
  for (const m of last) if (m.host) counts.set(m.host, (counts.get(m.host) ?? 0) + 1);
  const top = Math.max(...counts.values());
  const since = last[0]?.day ?? "";
  const firstTimers = [...counts.keys()].filter((host) => {
    const first = last.find((m) => m.host === host)?.hostFirstDay;
    return first !== null && first !== undefined && first >= since;
  }).length;
  const turns = r.turns.filter((turn) => turn.day >= since);
  const passes = turns.reduce((n, turn) => n + turn.passed, 0);
  const swaps = turns.reduce((n, turn) => n + turn.swapped, 0);
  return section(
    "f4",
    t("dashboard.hosting"),
    headline(t("dashboard.hosting.distinct"), hosts(last), hosts(before), "up", t) +
      details([
        [t("dashboard.hosting.meetings"), shownCount(last.length, t)],
        [t("dashboard.hosting.topShare"), shared(top, last.length, t)?.shown ?? t("dashboard.tooFew")],
        [t("dashboard.hosting.firstTime"), shownCount(firstTimers, t)],
        [t("dashboard.hosting.passes"), shownCount(passes, t)],
        [t("dashboard.hosting.swaps"), shownCount(swaps, t)],
      ]),
  );
}

/** 5. Topic pipeline: votes in the period (the headline), backlog size and age, member topics' share. */
export function topicsSection(r: DashboardReading, p: Periods, t: Translator): string {
  const s = r.topics;
  const age = s.medianCreatedAt
    ? t("dashboard.days", { days: formatNumber(daysBetween(s.medianCreatedAt.slice(0, 10), p.today), t) })
    : t("dashboard.noData");
  const recent = r.meetings.slice(-SPAN);
  const memberShare = shared(recent.filter((m) => m.memberTopic).length, recent.length, t);
  return section(
    "f5",
    t("dashboard.topics"),
    headline(t("dashboard.topics.votes"), counted(s.votesCurrent, t), counted(s.votesPrevious, t), "up", t) +
      details([
        [t("dashboard.topics.backlog"), shownCount(s.backlog, t)],
        [t("dashboard.topics.age"), age],
        [t("dashboard.topics.memberShare"), memberShare?.shown ?? t("dashboard.tooFew")],
      ]),
  );
}

/** 6. Recognition: distinct givers (the headline) and receivers of kudos. */
export function recognitionSection(r: DashboardReading, t: Translator): string {
  const k = r.kudos;
  return section(
    "f6",
    t("dashboard.recognition"),
    headline(
      t("dashboard.recognition.givers"),
      counted(k.giversCurrent, t),
      counted(k.giversPrevious, t),
      "up",
      t,
    ) +
      details([
        [t("dashboard.recognition.receivers"), shownCount(k.receiversCurrent, t)],
        [t("dashboard.recognition.receiversBefore"), shownCount(k.receiversPrevious, t)],
      ]),
  );
}

/** 8. Safety: median time to a moderator's decision (headline), reports open, open after 72 hours. */
export function safetySection(r: DashboardReading, t: Translator): string {
  const s = r.reports;
  const median = (hours: readonly number[]): Value => {
    if (hours.length === 0) return null;
    const sorted = [...hours].sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    const value = sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
    const rounded = Math.round(value * 10) / 10;
    return { value: rounded, shown: t("dashboard.hours", { hours: formatNumber(rounded, t) }) };
  };
  const empty = t("dashboard.safety.noneClosed");
  return section(
    "f8",
    t("dashboard.safety"),
    headline(
      t("dashboard.safety.median"),
      median(s.hoursCurrent),
      median(s.hoursPrevious),
      "down",
      t,
      empty,
    ) +
      details([
        [t("dashboard.safety.open"), shownCount(s.open, t)],
        [t("dashboard.safety.over72"), shownCount(s.openOver72h, t)],
      ]),
  );
}
