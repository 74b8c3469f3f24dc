import type { Kysely } from "kysely";
import { sql } from "kysely";
import { addDays } from "../../core/calendar.ts";
import type { Database } from "../../db/schema.ts";

/** The app's `Db` (src/db/client.ts), named without that file so Node scripts (the demo) can import this. */
type Db = Kysely<Database>;

import { activityFigures, firstWeekRead, liveActivityRead } from "./activity-read-store.ts";
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
  const a = p.activity;
  // The job's roll-up (rollup-store.ts) first, one small read: the activity figures' two periods
  // are two of its rows (periods.ts: finished weeks), and the weekly chart's finished weeks come
  // from it. Only what it lacks is computed live: always this week's count, and the periods'
  // member groupings when the job has not run (the same sums, so the figures never depend on it).
  const rolled = await rollupRows(db, c, p.chartWeeks[0] ?? p.currentWeek);
  const byWeek = new Map(rolled.map((r) => [r.week, r]));
  const curRoll = byWeek.get(a.lastWeek);
  const prevRoll = byWeek.get(a.previousLastWeek);
  const liveWeeks = p.chartWeeks.filter((week) => !byWeek.has(week));
  const [activity, weekly, meetings, turns, cohorts, topics, kudos, reports] = await Promise.all([
    curRoll && prevRoll ? firstWeekRead(db, c) : liveActivityRead(db, c, a, prevRoll !== undefined),
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
  const a0 = activity.rows[0] ?? {};
  const weeklyRows = [
    ...rolled.filter((r) => r.activeMembers > 0).map((r) => ({ week: r.week, members: r.activeMembers })),
    ...weekly.rows.map((w) => ({ week: String(w.week), members: num(w.members) })),
  ].sort((x, y) => (x.week < y.week ? -1 : 1));
  const cohortRows = cohorts.rows.filter((r) => num(r.shown) === 1);
  const t = topics.rows[0] ?? {};
  const k = kudos.rows[0] ?? {};
  const r = reports.rows.find((row) => row.hours === null) ?? {};
  const closed = reports.rows.filter((row) => row.hours !== null);
  return {
    activity: { ...activityFigures(a0, curRoll, prevRoll), weekly: weeklyRows },
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
    newcomers: {
      current: cohorts.rows.reduce((sum, r) => sum + num(r.joined_cur), 0),
      previous: cohorts.rows.reduce((sum, r) => sum + num(r.joined_prev), 0),
    },
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
 * Newcomers by month of joining (founders, here before guyub, are not newcomers), each row also
 * counting its joins in the two periods. Introduced: the intro answered within 14 days; still
 * active: the member's last active day (`last_active_on`, the latest of their activity) is 30 (90)
 * days after joining or later. One range of the members_cohorts index (migrations/0023), which
 * holds every column counted, and the intro by the profiles' unique key.
 */
function cohortRead(db: Db, c: number, p: Periods) {
  const since = `${addDays(`${p.today.slice(0, 7)}-01`, -31 * (COHORT_MONTHS - 1)).slice(0, 7)}-01`;
  const from = since < p.previous ? since : p.previous;
  return sql<Row>`SELECT substr(m.joined_at, 1, 7) AS month, count(*) AS joined,
      sum(m.welcomed_at IS NOT NULL) AS welcomed,
      sum(coalesce(substr(pr.answered_at, 1, 10) <= date(m.joined_at, '+14 days'), 0)) AS introduced,
      sum(coalesce(m.last_active_on >= date(m.joined_at, '+30 days'), 0)) AS active30,
      sum(coalesce(m.last_active_on >= date(m.joined_at, '+90 days'), 0)) AS active90,
      sum(m.joined_at >= ${p.current}) AS joined_cur,
      sum(m.joined_at >= ${p.previous} AND m.joined_at < ${p.current}) AS joined_prev,
      substr(m.joined_at, 1, 10) >= ${since} AS shown
    FROM members m LEFT JOIN profiles pr ON pr.community_id = m.community_id AND pr.member_id = m.id
    WHERE m.community_id = ${c} AND m.founder = 0 AND m.joined_at >= ${from}
      AND m.status IN ('active', 'paused', 'alumni')
    GROUP BY month ORDER BY month`.execute(db);
}

/**
 * Reports: one row of open counts (hours NULL), then one row per report first acted on in the two
 * periods, with the hours from the report to that first moderator action (a claim, or a decision
 * nobody claimed first: `first_action_at`, migrations/0023).
 */
function reportsRead(db: Db, c: number, p: Periods, now: Date) {
  const cutoff = new Date(now.getTime() - 72 * 3_600_000).toISOString();
  return sql<Row>`SELECT NULL AS period, NULL AS hours,
      (SELECT count(*) FROM reports WHERE community_id = ${c} AND status IN ('open', 'claimed')) AS open,
      (SELECT count(*) FROM reports WHERE community_id = ${c} AND status IN ('open', 'claimed')
        AND created_at <= ${cutoff}) AS open_72h
    UNION ALL
    SELECT CASE WHEN first_action_at >= ${p.current} THEN 'cur' ELSE 'prev' END,
      (julianday(first_action_at) - julianday(created_at)) * 24, NULL, NULL
    FROM reports WHERE community_id = ${c} AND first_action_at >= ${p.previous}`.execute(db);
}
