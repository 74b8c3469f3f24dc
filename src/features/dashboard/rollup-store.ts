import type { Kysely } from "kysely";
import { sql } from "kysely";
import type { Database } from "../../db/schema.ts";
// The roll-up table joins `Database` by declaration merging there.
import type {} from "./schema.ts";

type Db = Kysely<Database>;

/** The weeks a roll-up of week `week` reads: the four ending with it, and the four before. */
export interface RollupWeeks {
  week: string;
  /** First week of the four ending with `week`. */
  start: string;
  /** First week of the four before those. */
  earlierStart: string;
}

/**
 * Rolls up one finished week for every community at once (one statement, the job's): the same
 * sums as the page's live read of its previous period (page-store.ts), grouped by community. A
 * row already written is kept (INSERT OR IGNORE): a finished week is rolled up once.
 */
export function rollupWeekQuery(db: Db, w: RollupWeeks, rolledAt: string) {
  return sql`INSERT OR IGNORE INTO dashboard_week_rollup (community_id, week, active_members, period_active,
      period_returning, period_top_days, period_all_days, rolled_at)
    WITH per AS MATERIALIZED (
      SELECT community_id, member_id,
        sum(CASE WHEN week >= ${w.start} THEN active_days ELSE 0 END) AS cur,
        max(week < ${w.start}) AS earlier, max(week = ${w.week}) AS this_week
      FROM member_activity_weeks WHERE week >= ${w.earlierStart} AND week <= ${w.week}
      GROUP BY community_id, member_id),
    ranked AS (SELECT community_id, cur, earlier, this_week,
        row_number() OVER (PARTITION BY community_id ORDER BY cur DESC) AS rc,
        sum(cur > 0) OVER (PARTITION BY community_id) AS nc
      FROM per)
    SELECT community_id, ${w.week}, sum(this_week), sum(cur > 0), sum(cur > 0 AND earlier = 1),
      sum(CASE WHEN cur > 0 AND rc <= (nc + 9) / 10 THEN cur ELSE 0 END), sum(cur), ${rolledAt}
    FROM ranked GROUP BY community_id`.compile(db);
}

/** Whether any community with activity in `week` still lacks its roll-up: one statement, all communities. */
export async function rollupPending(db: Db, week: string): Promise<boolean> {
  const row = await sql<{ one: number }>`SELECT 1 AS one FROM communities c
    WHERE EXISTS (SELECT 1 FROM member_activity_weeks m WHERE m.community_id = c.id AND m.week = ${week})
      AND NOT EXISTS (SELECT 1 FROM dashboard_week_rollup r WHERE r.community_id = c.id AND r.week = ${week})
    LIMIT 1`.execute(db);
  return row.rows.length > 0;
}

export interface RollupRow {
  week: string;
  activeMembers: number;
  periodActive: number;
  periodReturning: number;
  periodTopDays: number;
  periodAllDays: number;
}

/** A community's roll-up rows from `fromWeek` on (the page's chart weeks and previous period). */
export async function rollupRows(db: Db, communityId: number, fromWeek: string): Promise<RollupRow[]> {
  const rows = await db
    .selectFrom("dashboard_week_rollup")
    .select([
      "week",
      "active_members",
      "period_active",
      "period_returning",
      "period_top_days",
      "period_all_days",
    ])
    .where("community_id", "=", communityId)
    .where("week", ">=", fromWeek)
    .orderBy("week")
    .execute();
  return rows.map((r) => ({
    week: r.week,
    activeMembers: r.active_members,
    periodActive: r.period_active,
    periodReturning: r.period_returning,
    periodTopDays: r.period_top_days,
    periodAllDays: r.period_all_days,
  }));
}
