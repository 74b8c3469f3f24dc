import type { Translator } from "../../core/i18n/index.ts";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML content and attribute values. Every string the page shows goes through it. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Below this, a count (or an average of counts) is shown as "fewer than 5": it would name people. */
export const SMALL = 5;

/** A number in the page's language (one decimal at most: averages). */
export function formatNumber(n: number, t: Translator): string {
  return new Intl.NumberFormat(t.locale === "id" ? "id-ID" : "en-US", { maximumFractionDigits: 1 }).format(n);
}

/** A count as shown: under 5 never shows the number. */
export function shownCount(n: number, t: Translator): string {
  return n < SMALL ? t("dashboard.fewerThan5") : formatNumber(n, t);
}

/** A share as a whole percent; "too few to show" when its base is under 5 (the share would reveal it). */
export function shownShare(part: number, base: number, t: Translator): string {
  if (base < SMALL) return t("dashboard.tooFew");
  return `${formatNumber(Math.round((part / base) * 100), t)} %`;
}

/** What a figure is when its period has no data: before history existed, or nothing happened yet. */
export type Value = { value: number; shown: string } | null;

export const counted = (n: number, t: Translator): Value => ({ value: n, shown: shownCount(n, t) });
export const shared = (part: number, base: number, t: Translator): Value =>
  base < SMALL ? null : { value: part / base, shown: shownShare(part, base, t) };

export type Good = "up" | "down";

/**
 * The headline of a figure: its value, the trend against the previous period in words (arrow,
 * "up from …", better or worse) and which direction is good, so colour is never the only signal.
 */
export function headline(
  label: string,
  current: Value,
  previous: Value,
  good: Good,
  t: Translator,
  empty: string = t("dashboard.noData"),
): string {
  const value = current === null ? empty : current.shown;
  return [
    `<div class="figure"><p class="label">${esc(label)}</p>`,
    `<p class="value">${esc(value)}</p>`,
    `<p class="trend">${trend(current, previous, good, t)}</p>`,
    `<p class="good">${esc(t(good === "up" ? "dashboard.goodUp" : "dashboard.goodDown"))}</p></div>`,
  ].join("");
}

function trend(current: Value, previous: Value, good: Good, t: Translator): string {
  if (current === null || previous === null) return esc(t("dashboard.trend.none"));
  const from = { previous: previous.shown };
  if (current.value === previous.value)
    return `<span class="same">= ${esc(t("dashboard.trend.same", from))}</span>`;
  const up = current.value > previous.value;
  const better = up === (good === "up");
  const words = `${t(up ? "dashboard.trend.up" : "dashboard.trend.down", from)} · ${t(
    better ? "dashboard.trend.better" : "dashboard.trend.worse",
  )}`;
  return `<span class="${better ? "better" : "worse"}">${up ? "▲" : "▼"} ${esc(words)}</span>`;
}

/** A small table of label → value rows (the figure's details). */
export function details(rows: readonly (readonly [string, string])[]): string {
  const body = rows.map(([k, v]) => `<tr><th scope="row">${esc(k)}</th><td>${esc(v)}</td></tr>`).join("");
  return `<table class="details"><tbody>${body}</tbody></table>`;
}

/** One figure's section, numbered as in the issue so moderators can talk about "figure 4". */
export function section(id: string, title: string, body: string): string {
  return `<section class="card" aria-labelledby="${id}"><h2 id="${id}">${esc(title)}</h2>${body}</section>`;
}
