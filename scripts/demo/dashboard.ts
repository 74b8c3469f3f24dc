import { writeFileSync } from "node:fs";
import { Kysely } from "kysely";
import { D1Dialect } from "kysely-d1";
import type { Miniflare } from "miniflare";
import { translator } from "../../src/core/i18n/index.ts";
import type { Database } from "../../src/db/schema.ts";
import { renderDashboardContent } from "../../src/features/dashboard/content.ts";
import type { Lang } from "./scenario.ts";

/** The content-security policy of the real page (GET /dashboard): no script, nothing from elsewhere. */
export const DASHBOARD_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** Where the demo writes its month's dashboard, next to its chat page. */
export function defaultDashboardFile(lang: Lang): string {
  return lang === "en" ? "guyub-demo-dashboard.html" : `guyub-demo-dashboard.${lang}.html`;
}

/**
 * A standalone page around the health page's content (the demo has no session to open the real
 * route with): the language, a viewport for phones, the same policy as a meta tag, no script.
 */
export function dashboardPage(content: string, lang: Lang, title: string): string {
  return [
    "<!doctype html>",
    `<html lang="${lang}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${DASHBOARD_CSP.replace("frame-ancestors 'none'", "").replace(/; $/, "")}">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>${title}</title>`,
    "<style>body{font-family:system-ui,sans-serif;margin:0;padding:1rem;background:#f6f7f9;color:#111}h1{font-size:1.3rem}</style>",
    `</head><body><h1>${title}</h1>${content}</body></html>`,
  ].join("");
}

/** Renders the demo's Slack community's dashboard at the demo clock's `now` and writes it to `file`. */
export async function writeDemoDashboard(mf: Miniflare, now: Date, lang: Lang, file: string): Promise<void> {
  const d1 = await mf.getD1Database("DB");
  const community = await d1
    .prepare("SELECT id, name, timezone FROM communities ORDER BY platform = 'slack' DESC, id LIMIT 1")
    .first<{ id: number; name: string | null; timezone: string }>();
  if (!community) throw new Error("the demo made no community");
  const t = translator(lang);
  const content = await renderDashboardContent({
    // Kysely over Miniflare's D1 from Node, as the Worker builds it over its binding.
    db: new Kysely<Database>({ dialect: new D1Dialect({ database: d1 as never }) }),
    communityId: community.id,
    now,
    t,
    zone: community.timezone,
  });
  writeFileSync(file, dashboardPage(content, lang, DEMO_TITLE[lang]));
}

const DEMO_TITLE: Record<Lang, string> = {
  en: "guyub demo: how the community is doing",
  id: "Demo guyub: bagaimana kabar komunitas",
};
