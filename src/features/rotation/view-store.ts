import { type RawBuilder, sql } from "kysely";
import type { Db } from "../../db/client.ts";
import type { MeetingSettings, RotationBook } from "./reads.ts";
import { candidateLimit, type RotationScope } from "./scope.ts";
import type { Away, LedgerEntry, RotationMember, RotationMode, StoredTally } from "./types.ts";

/** A member's rotation columns (members ⟕ profiles ⟕ rotation_members), as every read selects them. */
export interface MemberRow {
  readonly platform_user_id: string;
  readonly joined_at: string;
  readonly status: string;
  readonly founder: number;
  readonly answered_at: string | null;
  readonly opted_in: number | null;
  readonly excluded: number | null;
}

export const MEMBER_COLUMNS = sql`m.platform_user_id, m.joined_at, m.status, m.founder, p.answered_at,
  r.opted_in, r.excluded`;
// The profile is joined on its unique (community_id, member_id) index: by member_id alone SQLite
// builds an automatic index over the community's profiles on every call.
export const MEMBER_JOINS = sql`LEFT JOIN profiles p ON p.community_id = m.community_id AND p.member_id = m.id
  LEFT JOIN rotation_members r ON r.community_id = m.community_id AND r.user_id = m.platform_user_id`;

export function toRotationMember(m: MemberRow): RotationMember {
  return {
    id: m.platform_user_id,
    joinedAt: m.joined_at,
    answeredIntroAt: m.answered_at,
    // Paused members and those a moderator took out drop out like alumni; history stays.
    status: m.status === "active" && m.excluded !== 1 ? "active" : "alumni",
    optedIn: m.opted_in === 1,
    founder: m.founder === 1,
  };
}

export function toLedgerEntry(e: {
  kind: LedgerEntry["kind"];
  meeting_day: string;
  member_id: string | null;
  other_member_id: string | null;
  reason: string;
}): LedgerEntry {
  const entry: LedgerEntry = { kind: e.kind, meetingDate: e.meeting_day, reason: e.reason };
  if (e.member_id !== null) entry.memberId = e.member_id;
  if (e.other_member_id !== null) entry.otherMemberId = e.other_member_id;
  return entry;
}

/** Tally rows of members who take turns in the community's mode (the partial indexes' own WHERE). */
export function poolWhere(mode: RotationMode, alias?: "t"): RawBuilder<unknown> {
  const t = alias ? `${alias}.` : "";
  return sql.raw(mode === "volunteers" ? `${t}in_pool = 1 AND ${t}opted_in = 1` : `${t}in_pool = 1`);
}

interface Facts {
  rotation_mode: RotationMode;
  announce_days: number;
  remind_day: number;
  remind_hour: number;
  timezone_set: number;
  newcomers: number;
  aways: string;
  ledger: string;
}

type LedgerTuple = [number, LedgerEntry["kind"], string, string | null, string | null, string];

/**
 * The settings, the counts the candidate limit needs, the away ranges reaching the scope and the
 * ledger's needed days, in one statement (lists as JSON arrays; the ledger sorted here by id).
 * The ledger's days: every day from the last meeting held before `first` on (that host is the
 * "host before" of any plan), and every day not closed yet, however old (its commitment counts as
 * hosted once the day is over, as in `assignHosts`).
 */
export function factsQuery(communityId: number, scope: RotationScope) {
  const { first, last } = scope;
  return sql<Facts>`
    SELECT c.rotation_mode, c.announce_days, c.remind_day, c.remind_hour, c.timezone_set,
      (SELECT count(*) FROM members m WHERE m.community_id = c.id AND m.status = 'active'
          AND m.founder = 0 AND m.joined_at > ${scope.newcomersAfter})
        + (SELECT count(*) FROM members m WHERE m.community_id = c.id AND m.status = 'active'
          AND m.founder = 1 AND m.joined_at >= ${scope.joinedAfter}) AS newcomers,
      (SELECT json_group_array(json_array(a.user_id, a.from_day, a.to_day)) FROM rotation_aways a
        WHERE a.community_id = c.id AND a.to_day >= ${first} AND a.from_day <= ${last}) AS aways,
      (SELECT json_group_array(json_array(l.id, l.kind, l.meeting_day, l.member_id, l.other_member_id, l.reason))
        FROM rotation_ledger l
        WHERE l.community_id = c.id AND (
          l.meeting_day >= coalesce((SELECT max(h.meeting_day) FROM rotation_ledger h
            WHERE h.community_id = c.id AND h.kind = 'hosted' AND h.meeting_day < ${first}), '')
          OR l.meeting_day IN (SELECT o.meeting_day FROM rotation_ledger o WHERE o.community_id = c.id
            GROUP BY o.meeting_day HAVING max(o.kind IN ('hosted', 'skipped', 'cancelled')) = 0))) AS ledger
    FROM communities c WHERE c.id = ${communityId}`;
}

async function readFacts(db: Db, communityId: number, scope: RotationScope) {
  const { rows } = await factsQuery(communityId, scope).execute(db);
  const row = rows[0];
  const ledger = (JSON.parse(row?.ledger ?? "[]") as LedgerTuple[])
    .sort((a, b) => a[0] - b[0])
    .map(([, kind, day, member, other, reason]) =>
      toLedgerEntry({ kind, meeting_day: day, member_id: member, other_member_id: other, reason }),
    );
  const aways = (JSON.parse(row?.aways ?? "[]") as [string, string, string][]).map(
    ([memberId, from, to]): Away => ({ memberId, from, to }),
  );
  const settings: MeetingSettings = {
    announceDays: row?.announce_days ?? 3,
    remindDay: row?.remind_day !== 0,
    remindHour: row?.remind_hour !== 0,
    timezoneSet: row?.timezone_set === 1,
  };
  return { mode: row?.rotation_mode ?? "everyone", settings, ledger, aways, newcomers: row?.newcomers ?? 0 };
}

interface CandidateRow extends MemberRow {
  hosted: number | null;
  owed: number | null;
  passed: number | null;
  last_hosted: string | null;
}

/**
 * The `limit` fairest members who take turns (`fairOrder`: standing, longest wait, id), the
 * `limit` who hosted fewest, and the members named: one statement over the tally's indexes.
 * CROSS JOIN keeps the few ids as the outer loop: left to itself SQLite walks every member of the
 * community and filters them by the ids (measured: 60-90 ms at 100,000 members, now a few ms).
 */
export function candidatesQuery(
  communityId: number,
  mode: RotationMode,
  limit: number,
  named: readonly string[],
) {
  const pool = poolWhere(mode);
  return sql<CandidateRow>`
    WITH ids(user_id) AS (
      SELECT user_id FROM (SELECT user_id FROM rotation_tally WHERE community_id = ${communityId} AND ${pool}
        ORDER BY standing, last_hosted, user_id LIMIT ${limit})
      UNION SELECT user_id FROM (SELECT user_id FROM rotation_tally WHERE community_id = ${communityId} AND ${pool}
        ORDER BY hosted, passed, user_id LIMIT ${limit})
      UNION SELECT value FROM json_each(${JSON.stringify(named)})
    )
    SELECT ${MEMBER_COLUMNS}, t.hosted, t.owed, t.passed, t.last_hosted
    FROM ids
    CROSS JOIN members m ON m.community_id = ${communityId} AND m.platform_user_id = ids.user_id
    ${MEMBER_JOINS}
    LEFT JOIN rotation_tally t ON t.community_id = m.community_id AND t.user_id = m.platform_user_id`;
}

async function readCandidates(
  db: Db,
  communityId: number,
  mode: RotationMode,
  limit: number,
  named: readonly string[],
) {
  const { rows } = await candidatesQuery(communityId, mode, limit, named).execute(db);
  const tallies = rows.map(
    (r): StoredTally => ({
      memberId: r.platform_user_id,
      hosted: r.hosted ?? 0,
      owed: r.owed ?? 0,
      passed: r.passed ?? 0,
      lastHosted: r.last_hosted,
    }),
  );
  return { members: rows.map(toRotationMember), tallies };
}

/** The rotation a plan over `scope` needs, in two statements (`RotationReads.view`). */
export async function readView(db: Db, communityId: number, scope: RotationScope): Promise<RotationBook> {
  const facts = await readFacts(db, communityId, scope);
  const named = new Set(scope.members);
  for (const e of facts.ledger) {
    if (e.memberId !== undefined) named.add(e.memberId);
    if (e.otherMemberId !== undefined) named.add(e.otherMemberId);
  }
  const away = new Set(facts.aways.map((a) => a.memberId)).size;
  const limit = candidateLimit(scope, { named: named.size, away, newcomers: facts.newcomers });
  const { members, tallies } = await readCandidates(db, communityId, facts.mode, limit, [...named]);
  return {
    state: {
      mode: facts.mode,
      timezone: scope.timezone,
      members,
      ledger: facts.ledger,
      aways: facts.aways,
      tallies,
    },
    settings: facts.settings,
  };
}
