import { sql } from "kysely";
import { addDays, weekdayOf } from "../../core/calendar.ts";
import { localClock } from "../../core/local-time.ts";
import type { Db } from "../../db/client.ts";
import type { DueItem } from "../../jobs/job-kind.ts";
import type { MeetingOverride } from "../meetings/schedule.ts";
import { upcomingMeetings } from "../meetings/schedule.ts";

/** The weekly run starts Monday at 09:00 community time (later in the week if the cron missed it). */
const WEEKLY_AT_MINUTE = 9 * 60;
/** The ledger closes a meeting within a day or so; looking back a week covers every open one. */
const LOOK_BACK_DAYS = 7;

/**
 * What the topic refresh has due at `now`, in a fixed number of statements whatever the number of
 * communities (the dispatcher's claim drops what already ran):
 * - `<day>`: the next meeting that is neither over nor closed in the ledger: right after a meeting
 *   ends (or the ledger closes it) the following one becomes due, once;
 * - `<day>#<ledger id>`: a pass, swap, volunteer or announced host recorded for a meeting whose
 *   topic the host has not chosen yet, so a new host is offered the choice;
 * - `week:<monday>`: at least weekly for every community with a meeting series or open topics.
 */
export async function topicRefreshDue(db: Db, now: Date): Promise<DueItem[]> {
  const since = addDays(now.toISOString().slice(0, 10), -LOOK_BACK_DAYS);
  const [series, overrides, holidays, closed, changes, withTopics] = await Promise.all([
    db
      .selectFrom("meeting_series as s")
      .innerJoin("communities as c", "c.id", "s.community_id")
      .select([
        "s.community_id",
        "c.timezone",
        "s.cadence",
        "s.first_day",
        "s.start_minute",
        "s.minutes",
        "s.link",
      ])
      .execute(),
    db
      .selectFrom("meeting_overrides")
      .selectAll()
      .where((eb) => eb.or([eb("day", ">=", since), eb("to_day", ">=", since)]))
      .execute(),
    db
      .selectFrom("holidays")
      .select(["community_id", "start_day", "end_day", "name"])
      .where("end_day", ">=", since)
      .execute(),
    db
      .selectFrom("rotation_ledger")
      .select(["community_id", "meeting_day"])
      .where("kind", "in", ["hosted", "skipped", "cancelled"])
      .where("meeting_day", ">=", since)
      .execute(),
    sql<{ community_id: number; period: string }>`
      SELECT l.community_id, l.meeting_day || '#' || l.id AS period
      FROM rotation_ledger l JOIN meeting_topics mt
        ON mt.community_id = l.community_id AND mt.meeting_day = l.meeting_day
      WHERE l.kind IN ('passed', 'swapped', 'volunteered', 'assigned') AND l.meeting_day >= ${since}
        AND mt.chosen_by IS NULL AND mt.source <> 'pinned' AND l.created_at >= mt.decided_at`.execute(db),
    db
      .selectFrom("topics as t")
      .innerJoin("communities as c", "c.id", "t.community_id")
      .select(["t.community_id", "c.timezone"])
      .distinct()
      .where("t.status", "=", "open")
      .execute(),
  ]);
  const group = <T extends { community_id: number }>(rows: readonly T[]) => {
    const map = new Map<number, T[]>();
    for (const row of rows) map.set(row.community_id, [...(map.get(row.community_id) ?? []), row]);
    return map;
  };
  const overridesBy = group(overrides);
  const holidaysBy = group(holidays);
  const closedDays = new Set(closed.map((c) => `${c.community_id}:${c.meeting_day}`));
  const items: DueItem[] = [];
  const timezones = new Map<number, string>();
  for (const s of series) {
    timezones.set(s.community_id, s.timezone);
    const meetings = upcomingMeetings(
      {
        cadence: s.cadence,
        firstDay: s.first_day,
        startMinute: s.start_minute,
        minutes: s.minutes,
        link: s.link,
        timezone: s.timezone,
      },
      (overridesBy.get(s.community_id) ?? []).map(
        (o): MeetingOverride =>
          o.cancelled === 1 || o.to_day === null || o.to_minute === null
            ? { day: o.day, cancelled: true }
            : { day: o.day, cancelled: false, toDay: o.to_day, toMinute: o.to_minute },
      ),
      (holidaysBy.get(s.community_id) ?? []).map((h) => ({
        startDay: h.start_day,
        endDay: h.end_day,
        name: h.name,
      })),
      now,
      3,
    );
    const next = meetings.find((m) => !closedDays.has(`${s.community_id}:${m.scheduledDay}`));
    if (next) items.push({ communityId: s.community_id, period: next.scheduledDay });
  }
  items.push(...changes.rows.map((c) => ({ communityId: c.community_id, period: c.period })));
  // Communities with open topics but no series yet: their zone came with the topics' read.
  for (const row of withTopics)
    if (!timezones.has(row.community_id)) timezones.set(row.community_id, row.timezone);
  for (const [communityId, timezone] of timezones) {
    const period = weekPeriod(now, timezone);
    if (period) items.push({ communityId, period });
  }
  return items;
}

/** `week:<local Monday>` once it is Monday 09:00 there (any later day of the week catches up). */
export function weekPeriod(now: Date, timezone: string): string | null {
  const { day, minutes } = localClock(now, timezone);
  const weekday = weekdayOf(day);
  if (weekday === 1 && minutes < WEEKLY_AT_MINUTE) return null;
  return `week:${addDays(day, 1 - weekday)}`;
}
