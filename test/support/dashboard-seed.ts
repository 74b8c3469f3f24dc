import { env } from "cloudflare:workers";
import { type Locale, translator } from "../../src/core/i18n/index.ts";
import { createDb } from "../../src/db/client.ts";
import { renderDashboardContent } from "../../src/features/dashboard/content.ts";
import { countingD1 } from "./counting-d1.ts";

type Row = Record<string, string | number | null>;
const AT = "2026-01-01T00:00:00.000Z";

/** Inserts rows with one `json_each` statement (the columns are the first row's keys). */
export async function insertRows(table: string, rows: readonly Row[]): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  const values = columns.map((c) => `json_extract(value, '$.${c}')`).join(", ");
  await env.DB.prepare(`INSERT INTO ${table} (${columns.join(", ")}) SELECT ${values} FROM json_each(?)`)
    .bind(JSON.stringify(rows))
    .run();
}

/** A community in a locale and zone; returns its id. */
export async function seedDashboardCommunity(locale: Locale = "en", zone = "UTC"): Promise<number> {
  const row = await env.DB.prepare(
    "INSERT INTO communities (platform, workspace_id, locale, timezone, created_at, updated_at) VALUES ('slack', ?, ?, ?, ?, ?) RETURNING id",
  )
    .bind(`T${locale}${zone.length}`, locale, zone, AT, AT)
    .first<{ id: number }>();
  return row?.id ?? 0;
}

/** Members `U<prefix><i>`, joined on `joined` (a day), not founders; returns their row ids. */
export async function seedMembers(
  communityId: number,
  prefix: string,
  count: number,
  joined: string,
  extra: Row = {},
): Promise<number[]> {
  await insertRows(
    "members",
    Array.from({ length: count }, (_, i) => ({
      community_id: communityId,
      platform_user_id: `U${prefix}${i}`,
      joined_at: `${joined}T09:00:00.000Z`,
      created_at: AT,
      updated_at: AT,
      ...extra,
    })),
  );
  const { results } = await env.DB.prepare(
    "SELECT id FROM members WHERE community_id = ? AND platform_user_id LIKE ? ORDER BY id",
  )
    .bind(communityId, `U${prefix}%`)
    .all<{ id: number }>();
  return results.map((r) => r.id);
}

/** Activity weeks for members: `days` active days in `week`, the last on `lastDay` (and their last active day). */
export async function seedWeeks(
  communityId: number,
  memberIds: readonly number[],
  week: string,
  lastDay: string,
  days = 1,
) {
  await insertRows(
    "member_activity_weeks",
    memberIds.map((member_id) => ({
      community_id: communityId,
      member_id,
      week,
      active_days: days,
      last_day: lastDay,
    })),
  );
  // The activity write keeps the member's last active day in the same batch (src/db/activity.ts).
  await env.DB.prepare(
    `UPDATE members SET last_active_on = ?1 WHERE id IN (SELECT value FROM json_each(?2))
       AND (last_active_on IS NULL OR last_active_on < ?1)`,
  )
    .bind(lastDay, JSON.stringify(memberIds))
    .run();
}

/** The page's content for a community, and the D1 round trips it took. */
export async function renderFor(communityId: number, now: Date, locale: Locale = "en", zone = "UTC") {
  const counting = countingD1(env.DB);
  const html = await renderDashboardContent({
    db: createDb(counting.d1),
    communityId,
    now,
    t: translator(locale),
    zone,
  });
  return { html, statements: counting.counts.roundTrips };
}

/** One figure's section as plain text (tags dropped, whitespace collapsed), for assertions. */
export function figureText(html: string, n: number): string {
  const match = html.match(
    new RegExp(`<section class="card" aria-labelledby="f${n}">([\\s\\S]*?)</section>`),
  );
  return (match?.[1] ?? "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}
