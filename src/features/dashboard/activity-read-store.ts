import type { Kysely } from "kysely";
import { sql } from "kysely";
import type { Database } from "../../db/schema.ts";
import type { DashboardReading } from "./figures.ts";
import type { ActivityPeriods } from "./periods.ts";
import type { RollupRow } from "./rollup-store.ts";

type Db = Kysely<Database>;
type Row = Record<string, unknown>;
const num = (value: unknown) => Number(value ?? 0);

/** When the history began: one step down the primary key (community, week, member). */
export function firstWeekRead(db: Db, c: number) {
  return sql<Row>`SELECT min(week) AS first_week FROM member_activity_weeks WHERE community_id = ${c}`.execute(
    db,
  );
}

/**
 * The activity figures' two periods computed live, for a community the roll-up job has not
 * counted yet (a new install, a missed day): the job's own sums (rollup-store.ts), over the
 * finished weeks only, so the page shows the same numbers with or without the job. With the
 * previous period rolled up, only the two last periods' weeks are read (the current period's
 * returning members are those also active in the previous one). One pass, materialized once,
 * ranked twice for the most active tenth.
 */
export function liveActivityRead(db: Db, c: number, a: ActivityPeriods, previousRolled: boolean) {
  const from = previousRolled ? a.previousWeek : a.earlierWeek;
  // The weeks are taken by the primary key's range (community, week), so the planner cannot
  // choose the by-member index for the group order and read every week of the year.
  return sql<Row>`WITH rows AS MATERIALIZED (
      SELECT member_id, week, active_days FROM member_activity_weeks
      WHERE community_id = ${c} AND week >= ${from} AND week <= ${a.lastWeek}),
    per AS MATERIALIZED (
      SELECT member_id,
        sum(CASE WHEN week >= ${a.currentWeek} THEN active_days ELSE 0 END) AS cur,
        sum(CASE WHEN week >= ${a.previousWeek} AND week < ${a.currentWeek} THEN active_days ELSE 0 END) AS prev,
        max(week < ${a.previousWeek}) AS earlier
      FROM rows GROUP BY member_id),
    ranked AS (SELECT cur, prev, earlier,
        row_number() OVER (ORDER BY cur DESC) AS rc, sum(cur > 0) OVER () AS nc,
        row_number() OVER (ORDER BY prev DESC) AS rp, sum(prev > 0) OVER () AS np
      FROM per)
    SELECT
      (SELECT min(week) FROM member_activity_weeks WHERE community_id = ${c}) AS first_week,
      sum(cur > 0) AS active_cur, sum(prev > 0) AS active_prev,
      sum(cur > 0 AND prev > 0) AS returning_cur, sum(prev > 0 AND earlier = 1) AS returning_prev,
      sum(CASE WHEN cur > 0 AND rc <= (nc + 9) / 10 THEN cur ELSE 0 END) AS top_cur, sum(cur) AS all_cur,
      sum(CASE WHEN prev > 0 AND rp <= (np + 9) / 10 THEN prev ELSE 0 END) AS top_prev, sum(prev) AS all_prev
    FROM ranked`.execute(db);
}

/** The activity figures from the roll-up rows where the job wrote them, else from the live read. */
export function activityFigures(
  live: Row,
  current: RollupRow | undefined,
  previous: RollupRow | undefined,
): Omit<DashboardReading["activity"], "weekly"> {
  const firstWeek = live.first_week == null ? null : String(live.first_week);
  return {
    firstWeek,
    activeCurrent: current ? current.periodActive : num(live.active_cur),
    activePrevious: previous ? previous.periodActive : num(live.active_prev),
    returningCurrent: current ? current.periodReturning : num(live.returning_cur),
    returningPrevious: previous ? previous.periodReturning : num(live.returning_prev),
    topTenthDaysCurrent: current ? current.periodTopDays : num(live.top_cur),
    allDaysCurrent: current ? current.periodAllDays : num(live.all_cur),
    topTenthDaysPrevious: previous ? previous.periodTopDays : num(live.top_prev),
    allDaysPrevious: previous ? previous.periodAllDays : num(live.all_prev),
  };
}
