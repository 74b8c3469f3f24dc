import { sql } from "kysely";
import { addDays } from "../../core/calendar.ts";
import type { Translator } from "../../core/i18n/index.ts";
import { localDay } from "../../core/local-time.ts";
import type { Db } from "../../db/client.ts";

export interface DashboardInput {
  db: Db;
  communityId: number;
  now: Date;
  t: Translator;
  zone: string;
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** A count as shown: under 5 never shows the number (small groups would name people). */
function count(n: number, t: Translator): string {
  return n < 5 ? t("dashboard.fewerThan5") : String(n);
}

/** The health page's main content, an escaped HTML fragment with no script (the shell is the route's). */
export async function renderDashboardContent(input: DashboardInput): Promise<string> {
  const { db, communityId, now, t, zone } = input;
  const since = addDays(localDay(now, zone), -30);
  const row = await db
    .selectFrom("kudos")
    .select([
      sql<number>`count(distinct from_user)`.as("givers"),
      sql<number>`count(distinct to_user)`.as("receivers"),
    ])
    .where("community_id", "=", communityId)
    .where("given_on", ">", since)
    .executeTakeFirst();
  return [
    `<section aria-labelledby="recognition"><h2 id="recognition">${escape(t("dashboard.recognition"))}</h2>`,
    `<p>${escape(t("dashboard.last30"))}</p><dl>`,
    `<dt>${escape(t("dashboard.recognition.givers"))}</dt><dd>${escape(count(row?.givers ?? 0, t))}</dd>`,
    `<dt>${escape(t("dashboard.recognition.receivers"))}</dt><dd>${escape(count(row?.receivers ?? 0, t))}</dd>`,
    "</dl></section>",
  ].join("");
}
