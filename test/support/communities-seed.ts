import { env } from "cloudflare:workers";
import { addDays } from "../../src/core/calendar.ts";
import { type MeetingSeries, scheduledDay } from "../../src/features/meetings/schedule.ts";

/**
 * Many communities for the scheduler's scale tests and the jobs bench: varied zones (half-hour,
 * 45-minute, +14 and -11 offsets, DST in both hemispheres), weekly, biweekly and monthly series at
 * every quarter-hour, cancelled and moved meetings near `around`, a year of holidays plus ones on
 * and just before meeting days, members, rotation ledgers, topics and synced member lists. Rows are
 * built here and written with one `json_each` statement per table and chunk.
 */
export const ZONES = [
  "UTC",
  "Asia/Jakarta",
  "America/New_York",
  "Europe/London",
  "Australia/Adelaide",
  "Pacific/Kiritimati",
  "Pacific/Pago_Pago",
  "Asia/Kathmandu",
  "America/Sao_Paulo",
  "Europe/Berlin",
  "Australia/Sydney",
] as const;

const CREATED = "2026-06-01T00:00:00.000Z";
const CHUNK = 500;

type Row = Record<string, string | number | null>;

async function insert(table: string, rows: readonly Row[]): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  const values = columns.map((c) => `json_extract(value, '$.${c}')`).join(", ");
  for (let i = 0; i < rows.length; i += CHUNK) {
    await env.DB.prepare(
      `INSERT OR IGNORE INTO ${table} (${columns.join(", ")}) SELECT ${values} FROM json_each(?)`,
    )
      .bind(JSON.stringify(rows.slice(i, i + CHUNK)))
      .run();
  }
}

/** The series community `i` has, or none (every eleventh has no meeting, only topics). */
function seriesOf(i: number, timezone: string): MeetingSeries | null {
  if (i % 11 === 10) return null;
  const cadence = i % 7 === 3 ? "biweekly" : i % 9 === 4 ? "monthly" : "weekly";
  return {
    cadence,
    firstDay: addDays("2027-01-04", (i * 5) % 21),
    startMinute: ((i * 37) % 96) * 15,
    minutes: 30 + (i % 20) * 30,
    timezone,
    link: i % 2 ? "https://meet.example/cop" : null,
  };
}

/**
 * Seeds `count` communities (workspace ids `<prefix>…`), their meetings arranged around `around`.
 * Returns their ids.
 */
export async function seedCommunities(count: number, around: Date, prefix = "TS"): Promise<number[]> {
  const communities: Row[] = [];
  for (let i = 0; i < count; i++) {
    const timezone = ZONES[i % ZONES.length] ?? "UTC";
    communities.push({
      platform: i % 3 === 0 ? "discord" : "slack",
      workspace_id: `${prefix}${String(i).padStart(6, "0")}`,
      name: `CoP ${i}`,
      locale: i % 2 ? "id" : "en",
      timezone,
      main_channel_id: i % 13 === 5 ? null : "C0MAIN",
      announce_days: i % 15,
      remind_day: i % 4 === 1 ? 0 : 1,
      remind_hour: i % 5 === 2 ? 0 : 1,
      digest_weekday: 1 + (i % 7),
      digest_minute: ((i * 13) % 96) * 15,
      created_at: CREATED,
      updated_at: CREATED,
    });
  }
  await insert("communities", communities);
  const { results } = await env.DB.prepare(
    "SELECT id, workspace_id FROM communities WHERE workspace_id LIKE ? ORDER BY workspace_id",
  )
    .bind(`${prefix}%`)
    .all<{ id: number }>();
  const ids = results.map((r) => r.id);
  const rows = { series: [] as Row[], overrides: [] as Row[], holidays: [] as Row[] };
  const people = { members: [] as Row[], ledger: [] as Row[], topics: [] as Row[], sync: [] as Row[] };
  ids.forEach((id, i) => {
    const timezone = ZONES[i % ZONES.length] ?? "UTC";
    const series = seriesOf(i, timezone);
    calendarRows(id, i, series, around, rows);
    peopleRows(id, i, series, around, people);
  });
  await insert("meeting_series", rows.series);
  await insert("meeting_overrides", rows.overrides);
  await insert("holidays", rows.holidays);
  await insert("members", people.members);
  await insert("rotation_ledger", people.ledger);
  await insert("topics", people.topics);
  await insert("member_sync", people.sync);
  return ids;
}

function calendarRows(
  id: number,
  i: number,
  series: MeetingSeries | null,
  around: Date,
  rows: { series: Row[]; overrides: Row[]; holidays: Row[] },
) {
  // A year of one-day holidays, a long break for some, and every community's own extras below.
  for (let month = 1; month <= 12; month++)
    rows.holidays.push(holiday(id, `2027-${String(month).padStart(2, "0")}-${10 + (i % 17)}`, 0));
  if (i % 8 === 0) rows.holidays.push(holiday(id, addDays(dayOf(around), 20), 40));
  if (!series) return;
  rows.series.push({
    community_id: id,
    cadence: series.cadence,
    first_day: series.firstDay,
    start_minute: series.startMinute,
    minutes: series.minutes,
    link: series.link,
    updated_at: CREATED,
  });
  const near = scheduledDays(series, addDays(dayOf(around), -10), 6);
  const day = (k: number) => near[k] ?? series.firstDay;
  if (i % 4 === 0) rows.overrides.push(override(id, day(1), null, null));
  if (i % 6 === 1) rows.overrides.push(override(id, day(2), addDays(day(2), 1 + (i % 3)), (i * 53) % 1440));
  if (i % 10 === 3) rows.overrides.push(override(id, day(4), addDays(day(4), -10), 6 * 60));
  // Moved long ago to a day weeks before its own, which later became a holiday: still closes.
  if (i % 17 === 9) {
    rows.overrides.push(override(id, day(1), addDays(day(1), -30), 10 * 60));
    rows.holidays.push(holiday(id, addDays(day(1), -30), 0));
  }
  // A holiday on a meeting day (skipped, closed as such), or the day before it (no 24h reminder).
  if (i % 5 === 0) rows.holidays.push(holiday(id, day(3), i % 3));
  if (i % 5 === 2) rows.holidays.push(holiday(id, addDays(day(2), -1), 0));
  // A holiday on a meeting announced two weeks ahead (the furthest any announcement looks).
  if (i % 15 === 14) rows.holidays.push(holiday(id, day(3), 0));
  if (i % 12 === 7) rows.holidays.push(holiday(id, addDays(day(0), -2), 0));
}

const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/**
 * The series' first `count` scheduled days from `from` on: day arithmetic only, so seeding asks no
 * zone anything and leaves the conversions a cron tick makes to the tick (the bench times it cold).
 */
function scheduledDays(series: MeetingSeries, from: string, count: number): string[] {
  const days: string[] = [];
  for (let k = 0; days.length < count && k < 1000; k++) {
    const day = scheduledDay(series, k);
    if (day >= from) days.push(day);
  }
  return days;
}

const holiday = (id: number, start: string, extraDays: number): Row => ({
  community_id: id,
  start_day: start,
  end_day: addDays(start, extraDays),
  name: extraDays > 10 ? "Libur panjang" : `Holiday ${start}`,
  created_at: CREATED,
});

const override = (id: number, day: string, toDay: string | null, toMinute: number | null): Row => ({
  community_id: id,
  day,
  cancelled: toDay === null ? 1 : 0,
  to_day: toDay,
  to_minute: toMinute,
  updated_at: CREATED,
});

function peopleRows(
  id: number,
  i: number,
  series: MeetingSeries | null,
  around: Date,
  people: { members: Row[]; ledger: Row[]; topics: Row[]; sync: Row[] },
) {
  const users = [0, 1, 2, 3, 4].map((n) => `U${String(i).padStart(5, "0")}${n}`);
  for (const [n, user] of users.entries())
    people.members.push({
      community_id: id,
      platform_user_id: user,
      display_name: `Member ${i}.${n}`,
      founder: 1,
      joined_at: CREATED,
      last_active_on: "2027-02-20",
      created_at: CREATED,
      updated_at: CREATED,
    });
  const next = new Date(around.getTime() + ((i * 7) % 48) * 3_600_000).toISOString();
  people.sync.push({ community_id: id, next_run_at: next, first_completed_at: CREATED, updated_at: CREATED });
  if (i % 3 === 0)
    for (let n = 0; n < 3; n++)
      people.topics.push({
        community_id: id,
        title: `Topic ${n}`,
        title_key: `topic ${n}`,
        status: "open",
        created_at: CREATED,
        updated_at: CREATED,
      });
  if (!series) return;
  // Past meetings held in turn, and (for some) the next one already assigned or passed on.
  const past = scheduledDays(series, addDays(dayOf(around), -60), 4);
  for (const [n, day] of past.entries()) {
    if (day >= addDays(dayOf(around), -9)) break;
    people.ledger.push(entry(id, "hosted", day, users[n % users.length] ?? null, "default"));
  }
  const [coming] = scheduledDays(series, addDays(dayOf(around), 1), 1);
  if (coming && i % 3 === 1) people.ledger.push(entry(id, "assigned", coming, users[1] ?? null, "rotation"));
  if (coming && i % 6 === 1) people.ledger.push(entry(id, "passed", coming, users[1] ?? null, "pass"));
}

const entry = (id: number, kind: string, day: string, member: string | null, reason: string): Row => ({
  community_id: id,
  kind,
  meeting_day: day,
  member_id: member,
  reason,
  created_at: CREATED,
});
