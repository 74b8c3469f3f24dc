/**
 * The transcript as one self-contained HTML page that looks like a chat: the outcome checks first,
 * then per platform a channel and DM picker beside the one picked, a day divider wherever a day
 * starts, guyub's messages as bubbles with clickable links, what members did in grey. No script,
 * no external file: open it in any browser.
 */
import type { Outcome } from "./checks.ts";
import type { Played } from "./play.ts";
import { byDay, clockTime, dayTitle, readable, WORDS } from "./render-text.ts";
import type { Lang } from "./scenario.ts";
import type { Entry, Transcript } from "./transcript.ts";

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

// One platform at a time as a chat app: the channel and DMs on the left, one of them on the right.
// No script: radio buttons pick the pane (their rules are generated per pane in `pickerCss`), so
// the page is never wider than the window (13 columns of 320 px needed a horizontal scroll).
const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;background:#f4f1ea;color:#1d1c1d}
header{padding:16px 24px;background:#3f2a56;color:#fff}header h1{margin:0 0 4px;font-size:20px}header p{margin:0;opacity:.85}
h2{margin:20px 24px 8px;font-size:16px}
.outcome{margin:16px 24px 0;padding:8px 16px;border-radius:8px;background:#fff;box-shadow:0 1px 3px #0002}
.outcome ul{margin:0;padding:0;list-style:none}.outcome li{margin:4px 0}
.outcome .pass::before{content:"✓ ";color:#1a7f37;font-weight:700}.outcome .fail::before{content:"✗ ";color:#c62828;font-weight:700}
.outcome .detail{color:#666}
.app{display:flex;margin:0 24px 24px;background:#fff;border-radius:8px;box-shadow:0 1px 3px #0002;height:75vh;min-height:360px}
.app>input{position:absolute;opacity:0;pointer-events:none}
.app nav{flex:0 0 200px;overflow-y:auto;background:#3f2a56;border-radius:8px 0 0 8px;padding:8px 0}
.app nav label{display:flex;justify-content:space-between;gap:8px;padding:5px 14px;color:#ddd;cursor:pointer}
.app nav label:hover{background:#ffffff1a}.app nav .n{opacity:.6;font-size:12px}
.app main{flex:1;min-width:0;overflow-y:auto}
.pane{display:none}.pane h3{position:sticky;top:0;margin:0;padding:10px 16px;background:#fff;border-bottom:1px solid #eee;font-size:15px}
.day{margin:12px 16px 4px;font-size:11px;font-weight:600;color:#666;text-transform:uppercase;letter-spacing:.04em;border-top:1px solid #eee;padding-top:6px}
.msg{margin:6px 16px;padding:8px 10px;border-radius:8px;background:#eef3fb;white-space:pre-wrap;overflow-wrap:anywhere;max-width:760px}
.msg .t{display:block;font-size:11px;color:#777;margin-bottom:2px}
.msg.edit{background:#f6f0ff}.msg.private{background:#fff8e1;border:1px dashed #e0c060}
.msg.form{background:#e9f7ef}.msg.member{background:none;color:#555;font-style:italic;padding:2px 10px}
.msg a{color:#1264a3}
`;

/** Each pane shows when its radio button is checked, and its label is marked. */
function pickerCss(ids: readonly string[]): string {
  return ids
    .map(
      (id) =>
        `#r-${id}:checked~main #p-${id}{display:block}#r-${id}:checked~nav label[for=r-${id}]{background:#ffffff33;color:#fff;font-weight:600}`,
    )
    .join("");
}

/** Escaped text with its web links made clickable (a trailing full stop or bracket stays text). */
export function linkify(text: string): string {
  return escapeHtml(text).replace(/https?:\/\/[^\s<>"]+/g, (found) => {
    const url = found.replace(/[.,;:!?)\]]+$/, "");
    return `<a href="${url}" target="_blank" rel="noopener">${url}</a>${found.slice(url.length)}`;
  });
}

/** The page's default file: the English one, or its own for each other language. */
export function defaultHtmlFile(lang: Lang): string {
  return lang === "en" ? "guyub-demo.html" : `guyub-demo.${lang}.html`;
}

const PAGE = {
  en: {
    title: "guyub: a month of a community in a minute",
    intro:
      "Four simulated weeks: members join, introduce themselves, suggest topics, RSVP and take turns hosting. Pick a channel or a DM on the left to read what it received.",
    outcome: "How the month went: the demo's checks",
  },
  id: {
    title: "guyub: satu bulan komunitas dalam satu menit",
    intro:
      "Simulasi empat minggu: anggota bergabung, memperkenalkan diri, mengusulkan topik, mengonfirmasi kehadiran, dan bergiliran menjadi fasilitator. Pilih kanal atau DM di sebelah kiri untuk membaca pesan yang diterimanya.",
    outcome: "Bagaimana bulan ini berjalan: hasil pemeriksaan demo",
  },
} satisfies Record<Lang, Record<string, string>>;

function outcomeHtml(outcome: Outcome, lang: Lang): string {
  const items = outcome.checks.map(
    (c) =>
      `<li class="${c.passed ? "pass" : "fail"}">${escapeHtml(platformName(c.platform))}: ${escapeHtml(c.what[lang])}${c.detail ? ` <span class="detail">(${escapeHtml(c.detail)})</span>` : ""}</li>`,
  );
  return `<section class="outcome"><h2>${escapeHtml(PAGE[lang].outcome)}</h2><ul>${items.join("")}</ul></section>`;
}

const platformName = (platform: string) =>
  platform === "slack" ? "Slack" : platform === "discord" ? "Discord" : "Telegram";

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
  return `<div class="msg ${e.kind}">${time}${linkify(readable(e.text))}</div>`;
}

export function renderHtml(transcript: Transcript, played: Played, lang: Lang, outcome: Outcome): string {
  const days = byDay(transcript.entries, played);
  const shown = [...days.values()].flat();
  const sections: string[] = [];
  const ids: string[] = [];
  for (const platform of ["slack", "discord", "telegram"] as const) {
    const columns = transcript.columns.filter(
      (c) => c.startsWith(`${platform} `) && shown.some((e) => e.column === c),
    );
    if (columns.length === 0) continue;
    const radios: string[] = [];
    const labels: string[] = [];
    const panes = columns.map((column, i) => {
      const id = `${platform}-${i}`;
      ids.push(id);
      const name = escapeHtml(column.slice(platform.length + 1));
      const count = shown.filter((e) => e.column === column).length;
      radios.push(`<input type="radio" name="${platform}" id="r-${id}"${i === 0 ? " checked" : ""}>`);
      labels.push(`<label for="r-${id}"><span>${name}</span><span class="n">${count}</span></label>`);
      const parts: string[] = [`<h3>${name}</h3>`];
      for (const [, entries] of days) {
        const mine = entries.filter((e) => e.column === column);
        const first = mine[0];
        if (!first) continue;
        parts.push(
          `<div class="day">${escapeHtml(dayTitle(first.at, lang))}</div>`,
          ...mine.map((e) => bubble(e, lang)),
        );
      }
      return `<section class="pane" id="p-${id}">${parts.join("")}</section>`;
    });
    sections.push(
      `<h2>${platformName(platform)}</h2><div class="app">${radios.join("")}<nav>${labels.join("")}</nav><main>${panes.join("")}</main></div>`,
    );
  }
  const { title, intro } = PAGE[lang];
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}${pickerCss(ids)}</style></head><body><header><h1>${escapeHtml(title)}</h1><p>${escapeHtml(intro)}</p></header>${outcomeHtml(outcome, lang)}${sections.join("")}</body></html>\n`;
}
