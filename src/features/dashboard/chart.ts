import type { Translator } from "../../core/i18n/index.ts";
import { esc, SMALL, shownCount } from "./html.ts";

export interface Bars {
  id: string;
  /** What the chart shows, its accessible name and the table's caption. */
  title: string;
  /** The table's column headings: the bar's label, its value. */
  columns: readonly [string, string];
  bars: readonly { label: string; value: number; note?: string }[];
}

const WIDTH = 320;
const HEIGHT = 120;
const AXIS = 14;

/**
 * A bar chart as inline SVG (drawn here, no library, no script), with the same numbers as a
 * table beside it for screen readers and for reading exact values. A value under 5 is drawn as
 * a pale bar 5 high (never its height) and written "fewer than 5".
 */
export function barChart(chart: Bars, t: Translator): string {
  const max = Math.max(SMALL, ...chart.bars.map((b) => b.value));
  const slot = WIDTH / Math.max(1, chart.bars.length);
  const rects = chart.bars
    .map((bar, i) => {
      const few = bar.value > 0 && bar.value < SMALL;
      const h = Math.round(((few ? SMALL : bar.value) / max) * (HEIGHT - AXIS));
      const x = Math.round(i * slot + slot * 0.15);
      const w = Math.max(1, Math.round(slot * 0.7));
      return `<rect x="${x}" y="${HEIGHT - AXIS - h}" width="${w}" height="${h}" class="${few ? "few" : "bar"}"/>`;
    })
    .join("");
  const first = chart.bars[0]?.label ?? "";
  const last = chart.bars[chart.bars.length - 1]?.label ?? "";
  const svg = [
    `<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${chart.id}-t" preserveAspectRatio="none">`,
    `<title id="${chart.id}-t">${esc(chart.title)}</title>`,
    `<line x1="0" y1="${HEIGHT - AXIS}" x2="${WIDTH}" y2="${HEIGHT - AXIS}" class="axis"/>`,
    rects,
    `<text x="0" y="${HEIGHT - 2}" class="tick">${esc(first)}</text>`,
    `<text x="${WIDTH}" y="${HEIGHT - 2}" text-anchor="end" class="tick">${esc(last)}</text>`,
    "</svg>",
  ].join("");
  const rows = chart.bars
    .map((bar) => {
      const value = shownCount(bar.value, t) + (bar.note ? ` ${bar.note}` : "");
      return `<tr><th scope="row">${esc(bar.label)}</th><td>${esc(value)}</td></tr>`;
    })
    .join("");
  const table = [
    `<div class="scroll"><table class="chart-table"><caption>${esc(chart.title)}</caption>`,
    `<thead><tr><th scope="col">${esc(chart.columns[0])}</th><th scope="col">${esc(chart.columns[1])}</th></tr></thead>`,
    `<tbody>${rows}</tbody></table></div>`,
  ].join("");
  return `<div class="chart">${svg}${table}</div>`;
}
