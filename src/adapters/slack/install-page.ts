import { type MessageKey, translator } from "../../core/i18n/index.ts";

/**
 * The install pages: a short HTML page in both languages (no community exists yet to choose
 * one), English first. Everything placed into it is escaped.
 */
export function installPage(
  titleKey: MessageKey,
  lines: readonly ((t: ReturnType<typeof translator>) => string)[],
  againUrl: string | null,
): string {
  const sections = (["en", "id"] as const).map((locale) => {
    const t = translator(locale);
    const again = againUrl
      ? `<p><a href="${escapeHtml(againUrl)}">${escapeHtml(t("install.again"))}</a></p>`
      : "";
    return `<section lang="${locale}"><h1>${escapeHtml(t(titleKey as "install.title"))}</h1>${lines
      .map((line) => `<p>${escapeHtml(line(t))}</p>`)
      .join("")}${again}</section>`;
  });
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>guyub</title><style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}section+section{border-top:1px solid #ccc;margin-top:2rem}</style></head><body>${sections.join("")}</body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
