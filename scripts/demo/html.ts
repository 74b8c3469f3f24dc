/**
 * The transcript as one self-contained HTML page that looks like a chat: per platform, one
 * column per channel and DM, a day divider wherever a day starts, guyub's messages as bubbles,
 * what members did in grey. No script, no external file: open it in any browser.
 */
import type { Played } from "./play.ts";
import { byDay, clockTime, dayTitle, readable, WORDS } from "./render-text.ts";
import type { Lang } from "./scenario.ts";
import type { Entry, Transcript } from "./transcript.ts";

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

const STYLE = `
body{margin:0;font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;background:#f4f1ea;color:#1d1c1d}
header{padding:16px 24px;background:#3f2a56;color:#fff}header h1{margin:0 0 4px;font-size:20px}header p{margin:0;opacity:.85}
h2{margin:20px 24px 8px;font-size:16px}
.board{display:flex;gap:12px;overflow-x:auto;padding:0 24px 24px;align-items:flex-start}
.col{flex:0 0 320px;background:#fff;border-radius:8px;box-shadow:0 1px 3px #0002;max-height:80vh;overflow-y:auto}
.col h3{position:sticky;top:0;margin:0;padding:10px 12px;background:#fff;border-bottom:1px solid #eee;font-size:14px}
.day{margin:10px 12px 4px;font-size:11px;font-weight:600;color:#666;text-transform:uppercase;letter-spacing:.04em;border-top:1px solid #eee;padding-top:6px}
.msg{margin:6px 12px;padding:8px 10px;border-radius:8px;background:#eef3fb;white-space:pre-wrap;word-wrap:break-word}
.msg .t{display:block;font-size:11px;color:#777;margin-bottom:2px}
.msg.edit{background:#f6f0ff}.msg.private{background:#fff8e1;border:1px dashed #e0c060}
.msg.form{background:#e9f7ef}.msg.member{background:none;color:#555;font-style:italic;padding:2px 10px}
`;

function bubble(e: Entry, lang: Lang): string {
  const words = WORDS[lang];
  const label =
    e.kind === "member"
      ? ""
      : e.kind === "private"
        ? `guyub · ${words.onlyThem}`
        : e.kind === "edit"
          ? `guyub · ${words.updated}`
          : e.kind === "form"
            ? words.form
            : "guyub";
  const time = `<span class="t">${clockTime(e.at)}${label ? ` · ${label}` : ""}</span>`;
  return `<div class="msg ${e.kind}">${time}${escapeHtml(readable(e.text))}</div>`;
}

export function renderHtml(transcript: Transcript, played: Played, lang: Lang): string {
  const days = byDay(transcript.entries, played);
  const shown = [...days.values()].flat();
  const sections: string[] = [];
  for (const platform of ["slack", "discord"] as const) {
    const columns = transcript.columns.filter(
      (c) => c.startsWith(`${platform} `) && shown.some((e) => e.column === c),
    );
    if (columns.length === 0) continue;
    const cols = columns.map((column) => {
      const parts: string[] = [`<h3>${escapeHtml(column.slice(platform.length + 1))}</h3>`];
      for (const [, entries] of days) {
        const mine = entries.filter((e) => e.column === column);
        const first = mine[0];
        if (!first) continue;
        parts.push(
          `<div class="day">${escapeHtml(dayTitle(first.at, lang))}</div>`,
          ...mine.map((e) => bubble(e, lang)),
        );
      }
      return `<section class="col">${parts.join("")}</section>`;
    });
    sections.push(
      `<h2>${platform === "slack" ? "Slack" : "Discord"}</h2><div class="board">${cols.join("")}</div>`,
    );
  }
  const title =
    lang === "id"
      ? "guyub: satu bulan komunitas dalam satu menit"
      : "guyub: a month of a community in a minute";
  const intro =
    lang === "id"
      ? "Simulasi empat minggu: anggota bergabung, memperkenalkan diri, mengusulkan topik, hadir di pertemuan, bergiliran menjadi fasilitator. Setiap kolom adalah satu kanal atau DM."
      : "Four simulated weeks: members join, introduce themselves, suggest topics, RSVP and take turns hosting. Each column is one channel or DM.";
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><header><h1>${escapeHtml(title)}</h1><p>${escapeHtml(intro)}</p></header>${sections.join("")}</body></html>\n`;
}
