import type { Kysely } from "kysely";
import { sql } from "kysely";
import { addDays } from "../../core/calendar.ts";
import type { Database } from "../../db/schema.ts";

/** The app's `Db` (src/db/client.ts), named without that file so Node scripts (the demo) can import this. */
type Db = Kysely<Database>;

import { isoWeek } from "../../core/calendar.ts";
import type { DashboardReading } from "./figures.ts";
import type { Periods } from "./periods.ts";
import { rollupRows } from "./rollup-store.ts";

const MEETINGS_READ = 24;
const COHORT_MONTHS = 6;

type Row = Record<string, unknown>;
const num = (value: unknown) => Number(value ?? 0);
const text = (value: unknown) => (value == null ? null : String(value));

/**
 * Everything the health page shows, in eight statements run at once (each one D1 round trip;
 * Kysely over D1 has no batch, so they go out together rather than one after another). Every
 * statement is bounded by the community's index and a window of weeks or days, so a community of
 * 100,000 members reads weeks of its history, not its year; the two per-member groupings still
 * cost seconds there (scripts/bench/dashboard.ts; docs/architecture.md: a job's roll-up is next).
 */
export async function readDashboard(
  db: Db,
  communityId: number,
  p: Periods,
  now: Date,
): Promise<DashboardReading> {
  const c = communityId;
  // The job's roll-up (rollup-store.ts) first, one small read: finished weeks come from it, and
  // only what it lacks (always the current week) is computed live from the member weeks.
  const rolled = await rollupRows(db, c, p.chartWeeks[0] ?? p.currentWeek);
  const byWeek = new Map(rolled.map((r) => [r.week, r]));
  const prevRoll = byWeek.get(isoWeek(addDays(p.current, -7)));
  const liveWeeks = p.chartWeeks.filter((week) => !byWeek.has(week));
  // With the previous period rolled up, the live read needs only the two last periods' weeks
  // (the current period's returning members are those also active in the previous one).
  const from = prevRoll ? p.previousWeek : p.earlierWeek;
  const [activity, weekly, meetings, turns, cohorts, topics, kudos, reports] = await Promise.all([
    // One pass over the three periods' weeks, materialized once (a CTE named several times would
    // otherwise be scanned again for each), ranked twice for the most active tenth.
    // The weeks are taken first by the primary key's range (community, week), so the planner
    // cannot choose the by-member index for the group order and read every week of the year.
    sql<Row>`WITH rows AS MATERIALIZED (
        SELECT member_id, week, active_days FROM member_activity_weeks
        WHERE community_id = ${c} AND week >= ${from}),
      per AS MATERIALIZED (
        SELECT member_id,
          sum(CASE WHEN week >= ${p.currentWeek} THEN active_days ELSE 0 END) AS cur,
          sum(CASE WHEN week >= ${p.previousWeek} AND week < ${p.currentWeek} THEN active_days ELSE 0 END) AS prev,
          max(week < ${p.previousWeek}) AS earlier
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
      FROM ranked`.execute(db),
    sql<Row>`SELECT week, count(*) AS members FROM member_activity_weeks
      WHERE community_id = ${c} AND week IN (${sql.join(liveWeeks.length > 0 ? liveWeeks : [p.thisWeek])})
      GROUP BY week`.execute(db),
    sql<Row>`WITH days AS (
        SELECT meeting_day FROM rotation_ledger WHERE community_id = ${c} AND kind = 'hosted' AND meeting_day <= ${p.today}
        UNION SELECT meeting_day FROM meeting_attendance WHERE community_id = ${c} AND meeting_day <= ${p.today}),
      recent AS (SELECT meeting_day, (SELECT member_id FROM rotation_ledger h WHERE h.community_id = ${c}
          AND h.meeting_day = days.meeting_day AND h.kind = 'hosted') AS host
        FROM days ORDER BY meeting_day DESC LIMIT ${MEETINGS_READ})
      SELECT r.meeting_day AS day, r.host,
        (SELECT count(*) FROM meeting_attendance a WHERE a.community_id = ${c} AND a.meeting_day = r.meeting_day) AS attended,
        (SELECT count(*) FROM meeting_rsvps v WHERE v.community_id = ${c} AND v.meeting_day = r.meeting_day
          AND v.answer = 'yes') AS rsvp_yes,
        (SELECT min(f.meeting_day) FROM rotation_ledger f WHERE f.community_id = ${c} AND f.kind = 'hosted'
          AND f.member_id = r.host) AS host_first,
        EXISTS (SELECT 1 FROM meeting_topics mt JOIN topics tp ON tp.id = mt.topic_id WHERE mt.community_id = ${c}
          AND mt.meeting_day = r.meeting_day AND tp.source = 'member') AS member_topic
      FROM recent r ORDER BY r.meeting_day`.execute(db),
    sql<Row>`SELECT meeting_day AS day, sum(kind = 'passed') AS passed, sum(kind = 'swapped') AS swapped
      FROM rotation_ledger WHERE community_id = ${c} AND kind IN ('passed', 'swapped')
        AND meeting_day > ${addDays(p.today, -366)} AND meeting_day <= ${p.today}
      GROUP BY meeting_day`.execute(db),
    cohortRead(db, c, p),
    sql<Row>`SELECT
        (SELECT count(*) FROM topics WHERE community_id = ${c} AND status = 'open') AS backlog,
        (SELECT created_at FROM topics WHERE community_id = ${c} AND status = 'open' ORDER BY created_at
          LIMIT 1 OFFSET (SELECT count(*) / 2 FROM topics WHERE community_id = ${c} AND status = 'open')) AS median_created,
        (SELECT count(*) FROM topic_votes WHERE community_id = ${c} AND voted_at >= ${p.current}) AS votes_cur,
        (SELECT count(*) FROM topic_votes WHERE community_id = ${c} AND voted_at >= ${p.previous}
          AND voted_at < ${p.current}) AS votes_prev`.execute(db),
    sql<Row>`SELECT
        count(DISTINCT CASE WHEN given_on >= ${p.current} THEN from_user END) AS givers_cur,
        count(DISTINCT CASE WHEN given_on >= ${p.current} THEN to_user END) AS receivers_cur,
        count(DISTINCT CASE WHEN given_on < ${p.current} THEN from_user END) AS givers_prev,
        count(DISTINCT CASE WHEN given_on < ${p.current} THEN to_user END) AS receivers_prev
      FROM kudos WHERE community_id = ${c} AND given_on >= ${p.previous} AND given_on <= ${p.today}`.execute(
      db,
    ),
    reportsRead(db, c, p, now),
  ]);
  const a = activity.rows[0] ?? {};
  const weeklyRows = [
    ...rolled.filter((r) => r.activeMembers > 0).map((r) => ({ week: r.week, members: r.activeMembers })),
    ...weekly.rows.map((w) => ({ week: String(w.week), members: num(w.members) })),
  ].sort((x, y) => (x.week < y.week ? -1 : 1));
  const cohortRows = cohorts.rows.filter((r) => r.month !== null);
  const periodRow = cohorts.rows.find((r) => r.month === null) ?? {};
  const t = topics.rows[0] ?? {};
  const k = kudos.rows[0] ?? {};
  const r = reports.rows.find((row) => row.hours === null) ?? {};
  const closed = reports.rows.filter((row) => row.hours !== null);
  return {
    activity: {
      firstWeek: text(a.first_week),
      activeCurrent: num(a.active_cur),
      activePrevious: prevRoll ? prevRoll.periodActive : num(a.active_prev),
      returningCurrent: num(a.returning_cur),
      returningPrevious: prevRoll ? prevRoll.periodReturning : num(a.returning_prev),
      topTenthDaysCurrent: num(a.top_cur),
      allDaysCurrent: num(a.all_cur),
      topTenthDaysPrevious: prevRoll ? prevRoll.periodTopDays : num(a.top_prev),
      allDaysPrevious: prevRoll ? prevRoll.periodAllDays : num(a.all_prev),
      weekly: weeklyRows,
    },
    meetings: meetings.rows.map((m) => ({
      day: String(m.day),
      attended: num(m.attended),
      rsvpYes: num(m.rsvp_yes),
      host: text(m.host),
      hostFirstDay: text(m.host_first),
      memberTopic: num(m.member_topic) === 1,
    })),
    turns: turns.rows.map((row) => ({
      day: String(row.day),
      passed: num(row.passed),
      swapped: num(row.swapped),
    })),
    cohorts: cohortRows.map((row) => ({
      month: String(row.month),
      joined: num(row.joined),
      welcomed: num(row.welcomed),
      introduced: num(row.introduced),
      active30: num(row.active30),
      active90: num(row.active90),
    })),
    newcomers: { current: num(periodRow.joined_cur), previous: num(periodRow.joined_prev) },
    topics: {
      backlog: num(t.backlog),
      medianCreatedAt: text(t.median_created),
      votesCurrent: num(t.votes_cur),
      votesPrevious: num(t.votes_prev),
    },
    kudos: {
      giversCurrent: num(k.givers_cur),
      receiversCurrent: num(k.receivers_cur),
      giversPrevious: num(k.givers_prev),
      receiversPrevious: num(k.receivers_prev),
    },
    reports: {
      open: num(r.open),
      openOver72h: num(r.open_72h),
      hoursCurrent: closed.filter((row) => row.period === "cur").map((row) => num(row.hours)),
      hoursPrevious: closed.filter((row) => row.period === "prev").map((row) => num(row.hours)),
    },
  };
}

/**
 * Newcomers by month of joining (founders, here before guyub, are not newcomers), with a last row
 * (month NULL, through ROLLUP-like UNION) counting the joins of the two periods. Introduced: the
 * intro answered within 14 days; still active: an activity week whose last day is 30 (90) days on.
 */
function cohortRead(db: Db, c: number, p: Periods) {
  const since = `${addDays(`${p.today.slice(0, 7)}-01`, -31 * (COHORT_MONTHS - 1)).slice(0, 7)}-01`;
  const from = since < p.previous ? since : p.previous;
  // One grouped pass over three sources stacked (the newcomers, their weeks since the oldest
  // cohort, their intros) rather than a lookup per member and per question, or a join SQLite
  // might run as a nested loop: linear in the rows read.
  return sql<Row>`WITH stacked AS (
      SELECT id AS member_id, joined_at, welcomed_at, NULL AS last_day, NULL AS intro FROM members
      WHERE community_id = ${c} AND status IN ('active', 'paused', 'alumni') AND founder = 0 AND joined_at >= ${from}
      UNION ALL
      SELECT member_id, NULL, NULL, last_day, NULL FROM member_activity_weeks
      WHERE community_id = ${c} AND week >= ${isoWeek(addDays(from, 28))}
      UNION ALL
      SELECT member_id, NULL, NULL, NULL, substr(answered_at, 1, 10) FROM profiles
      WHERE community_id = ${c} AND answered_at >= ${from}),
    joined AS MATERIALIZED (
      SELECT max(joined_at) AS joined_at, max(welcomed_at) AS welcomed_at, max(last_day) AS last_day, min(intro) AS intro
      FROM stacked GROUP BY member_id HAVING max(joined_at) IS NOT NULL)
    SELECT substr(joined_at, 1, 7) AS month, count(*) AS joined,
      sum(welcomed_at IS NOT NULL) AS welcomed,
      sum(coalesce(intro <= date(joined_at, '+14 days'), 0)) AS introduced,
      sum(coalesce(last_day >= date(joined_at, '+30 days'), 0)) AS active30,
      sum(coalesce(last_day >= date(joined_at, '+90 days'), 0)) AS active90,
      NULL AS joined_cur, NULL AS joined_prev
    FROM joined WHERE joined_at >= ${since} GROUP BY month
    UNION ALL
    SELECT NULL, NULL, NULL, NULL, NULL, NULL,
      sum(joined_at >= ${p.current}), sum(joined_at >= ${p.previous} AND joined_at < ${p.current})
    FROM joined
    ORDER BY month`.execute(db);
}

/**
 * Reports: one row of open counts (hours NULL), then one row per report closed in the two periods
 * with the hours from the report to its closing (claims carry no time, so the first moderator
 * action measured is the decision that closed it).
 */
function reportsRead(db: Db, c: number, p: Periods, now: Date) {
  const cutoff = new Date(now.getTime() - 72 * 3_600_000).toISOString();
  return sql<Row>`SELECT NULL AS period, NULL AS hours,
      (SELECT count(*) FROM reports WHERE community_id = ${c} AND status IN ('open', 'claimed')) AS open,
      (SELECT count(*) FROM reports WHERE community_id = ${c} AND status IN ('open', 'claimed')
        AND created_at <= ${cutoff}) AS open_72h
    UNION ALL
    SELECT CASE WHEN closed_at >= ${p.current} THEN 'cur' ELSE 'prev' END,
      (julianday(closed_at) - julianday(created_at)) * 24, NULL, NULL
    FROM reports WHERE community_id = ${c} AND status IN ('resolved', 'dismissed') AND closed_at >= ${p.previous}`.execute(
    db,
  );
}
