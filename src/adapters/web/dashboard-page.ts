import type { Locale, Translator } from "../../core/i18n/index.ts";

/**
 * Every dashboard response's headers: nothing cached, no referrer leaves (the link's token is in
 * the one URL a moderator opens), no script may run, no other origin framed, loaded or posted to.
 */
export const DASHBOARD_HEADERS: Readonly<Record<string, string>> = {
  "Cache-Control": "no-store",
  "Referrer-Policy": "no-referrer",
  "Content-Security-Policy":
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
};

const STYLE = [
  "body{font-family:system-ui,sans-serif;margin:0;padding:1rem;line-height:1.5;color:#1b1b1b;background:#fafaf7}",
  "main{max-width:48rem;margin:0 auto}",
  "h1{font-size:1.4rem;margin:.5rem 0 1rem}h2{font-size:1.15rem;margin:1.5rem 0 .5rem}",
  "section{border-top:1px solid #ddd;padding-top:.5rem}",
  "dl{display:grid;grid-template-columns:1fr auto;gap:.25rem 1rem}dd{margin:0;font-weight:600}",
  "table{border-collapse:collapse;max-width:100%}td,th{padding:.2rem .5rem;border-bottom:1px solid #eee;text-align:left}",
  "svg{max-width:100%;height:auto}",
  "button{font:inherit;font-size:1.1rem;padding:.6rem 1.2rem;border-radius:.4rem;border:0;background:#2d6a4f;color:#fff}",
].join("");

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page shell: language, viewport, no referrer, the stylesheet inline (CSP allows no other). */
export function dashboardShell(locale: Locale, title: string, body: string): string {
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

/**
 * What `GET /dashboard/open` shows: one button whose form POSTs the token (in the body, not the
 * URL) to `/dashboard/session`. Opening the link redeems nothing, so a preview fetcher that
 * follows it burns nothing.
 */
export function openPage(t: Translator, token: string): string {
  return dashboardShell(
    t.locale,
    t("dashboard.open.title"),
    `<h1>${escapeHtml(t("dashboard.open.title"))}</h1><p>${escapeHtml(t("dashboard.open.lead"))}</p>` +
      `<form method="post" action="/dashboard/session"><input type="hidden" name="t" value="${escapeHtml(token)}">` +
      `<button type="submit">${escapeHtml(t("dashboard.open.button"))}</button></form>`,
  );
}

/** A refusal: a title and one clear sentence in the community's language where known. Nothing else shown. */
export function refusalPage(t: Translator, line: string): string {
  const title = t("dashboard.refused.title");
  return dashboardShell(t.locale, title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(line)}</p>`);
}

/** The health page: the community's name over the content `renderDashboardContent` made (escaped HTML). */
export function healthPage(t: Translator, communityName: string, content: string): string {
  const title = t("dashboard.page.title", { community: communityName });
  return dashboardShell(t.locale, title, `<h1>${escapeHtml(title)}</h1>${content}`);
}
