import type { Kysely } from "kysely";
import type { Translator } from "../../core/i18n/index.ts";
import { localDay } from "../../core/local-time.ts";
import type { Database } from "../../db/schema.ts";

/** The app's `Db` (src/db/client.ts), named without that file so Node scripts (the demo) can import this. */
type Db = Kysely<Database>;

import { concentrationSection, returningSection } from "./activity-sections.ts";
import { esc } from "./html.ts";
import { readDashboard } from "./page-store.ts";
import { attendanceSection, newcomersSection } from "./people-sections.ts";
import { periodsOf } from "./periods.ts";
import { DASHBOARD_STYLE } from "./style.ts";
import { hostingSection, recognitionSection, safetySection, topicsSection } from "./work-sections.ts";

export interface DashboardInput {
  db: Db;
  communityId: number;
  now: Date;
  t: Translator;
  zone: string;
}

/**
 * The health page's main content: an escaped HTML fragment with no script, its own small
 * stylesheet first (the page's CSP allows inline styles only), then the eight figures in the
 * issue's order. The page shell (head, headers, session) is the web route's. This file joins the
 * store's read (`page-store.ts`) to the core's rendering, so it is the feature's storage layer
 * (test/node/layers.test.ts names it).
 */
export async function renderDashboardContent(input: DashboardInput): Promise<string> {
  const { db, communityId, now, t, zone } = input;
  const p = periodsOf(localDay(now, zone));
  const r = await readDashboard(db, communityId, p, now);
  return [
    `<style>${DASHBOARD_STYLE}</style>`,
    `<div class="dashboard">`,
    `<p class="period">${esc(t("dashboard.period", { start: p.current, today: p.today }))}</p>`,
    attendanceSection(r, p, t),
    newcomersSection(r, p, t),
    returningSection(r, p, t),
    hostingSection(r, t),
    topicsSection(r, p, t),
    recognitionSection(r, t),
    concentrationSection(r, p, t),
    safetySection(r, t),
    "</div>",
  ].join("");
}
