import { env } from "cloudflare:workers";
import type { RotationState } from "../../src/features/rotation/types.ts";

const AT = "2026-01-01T00:00:00.000Z";
const run = (sql: string, ...binds: unknown[]) =>
  env.DB.prepare(sql)
    .bind(...binds)
    .run();

/**
 * Stores a rotation as guyub's writes would leave it: every member first inserted active, the
 * ledger appended in order (the unique indexes refusing a second close or assignment, as they
 * do), then members leaving or pausing and the rotation choices (a member taken out, opted in),
 * so the tally's triggers see inserts and updates of each. Alumni become, by turns, members who
 * left, paused members and members a moderator took out. Returns the community id.
 */
export async function seedRotation(state: RotationState, workspace = "T0VIEW"): Promise<number> {
  const row = await env.DB.prepare(
    "INSERT INTO communities (platform, workspace_id, locale, timezone, rotation_mode, created_at, updated_at) VALUES ('slack', ?, 'en', ?, ?, ?, ?) RETURNING id",
  )
    .bind(workspace, state.timezone, state.mode, AT, AT)
    .first<{ id: number }>();
  const id = row?.id ?? 0;
  const members = state.members.map((m, i) => ({
    u: m.id,
    j: m.joinedAt,
    f: m.founder ? 1 : 0,
    a: m.answeredIntroAt,
    o: m.optedIn ? 1 : 0,
    gone: m.status === "alumni" ? (["alumni", "paused", "excluded"] as const)[i % 3] : null,
  }));
  const json = JSON.stringify(members);
  await run(
    `INSERT INTO members (community_id, platform_user_id, display_name, joined_at, founder, created_at, updated_at)
     SELECT ?, j.value ->> 'u', j.value ->> 'u', j.value ->> 'j', j.value ->> 'f', ?, ? FROM json_each(?) j`,
    id,
    AT,
    AT,
    json,
  );
  await run(
    `INSERT INTO profiles (community_id, member_id, does, shares, frequency, intro_consent, findable, answered_at, updated_at)
     SELECT ?, m.id, 'teach', 'notes', 'monthly', 0, 0, j.value ->> 'a', ? FROM json_each(?) j
     JOIN members m ON m.community_id = ? AND m.platform_user_id = j.value ->> 'u'
     WHERE j.value ->> 'a' IS NOT NULL`,
    id,
    AT,
    json,
    id,
  );
  // Every other member has a choice on record already (the default one): the later upsert updates it.
  await run(
    `INSERT INTO rotation_members (community_id, user_id, updated_at)
     SELECT ?, j.value ->> 'u', ? FROM json_each(?) j WHERE j.key % 2 = 0`,
    id,
    AT,
    json,
  );
  const ledger = state.ledger.map((e) => ({
    k: e.kind,
    d: e.meetingDate,
    m: e.memberId ?? null,
    o: e.otherMemberId ?? null,
    r: e.reason,
  }));
  await run(
    `INSERT INTO rotation_ledger (community_id, kind, meeting_day, member_id, other_member_id, reason, created_at)
     SELECT ?, j.value ->> 'k', j.value ->> 'd', j.value ->> 'm', j.value ->> 'o', j.value ->> 'r', ?
     FROM json_each(?) j WHERE true ORDER BY j.key ON CONFLICT DO NOTHING`,
    id,
    AT,
    JSON.stringify(ledger),
  );
  await run(
    `UPDATE members SET status = j.value ->> 'gone' FROM json_each(?) j
     WHERE members.community_id = ? AND members.platform_user_id = j.value ->> 'u'
       AND j.value ->> 'gone' IN ('alumni', 'paused')`,
    json,
    id,
  );
  await run(
    `INSERT INTO rotation_members (community_id, user_id, opted_in, excluded, updated_at)
     SELECT ?, j.value ->> 'u', j.value ->> 'o', (j.value ->> 'gone') IS 'excluded', ? FROM json_each(?) j
     WHERE j.value ->> 'o' = 1 OR j.value ->> 'gone' = 'excluded' OR j.key % 3 = 0
     ON CONFLICT (community_id, user_id) DO UPDATE SET opted_in = excluded.opted_in, excluded = excluded.excluded`,
    id,
    AT,
    json,
  );
  for (const a of state.aways)
    await run(
      `INSERT INTO rotation_aways (community_id, user_id, from_day, to_day, created_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET to_day = excluded.to_day`,
      id,
      a.memberId,
      a.from,
      a.to,
      AT,
    );
  return id;
}

interface BookRow {
  platform_user_id: string;
  joined_at: string;
  status: string;
  founder: number;
  answered_at: string | null;
  opted_in: number | null;
  excluded: number | null;
}

/**
 * The whole rotation as guyub used to read it for every plan (every member, alumni too, the whole
 * ledger, every away): the reference the view is held to.
 */
export async function fullState(communityId: number): Promise<RotationState> {
  const [community, members, ledger, aways] = await env.DB.batch([
    env.DB.prepare("SELECT rotation_mode, timezone FROM communities WHERE id = ?").bind(communityId),
    env.DB.prepare(
      `SELECT m.platform_user_id, m.joined_at, m.status, m.founder, p.answered_at, r.opted_in, r.excluded
       FROM members m LEFT JOIN profiles p ON p.member_id = m.id
       LEFT JOIN rotation_members r ON r.community_id = m.community_id AND r.user_id = m.platform_user_id
       WHERE m.community_id = ? ORDER BY m.id`,
    ).bind(communityId),
    env.DB.prepare(
      "SELECT kind, meeting_day, member_id, other_member_id, reason FROM rotation_ledger WHERE community_id = ? ORDER BY id",
    ).bind(communityId),
    env.DB.prepare("SELECT user_id, from_day, to_day FROM rotation_aways WHERE community_id = ?").bind(
      communityId,
    ),
  ]);
  const c = community?.results[0] as { rotation_mode: "everyone" | "volunteers"; timezone: string };
  return {
    mode: c.rotation_mode,
    timezone: c.timezone,
    members: ((members?.results ?? []) as unknown as BookRow[]).map((m) => ({
      id: m.platform_user_id,
      joinedAt: m.joined_at,
      answeredIntroAt: m.answered_at,
      status: m.status === "active" && m.excluded !== 1 ? "active" : "alumni",
      optedIn: m.opted_in === 1,
      founder: m.founder === 1,
    })),
    ledger: (
      (ledger?.results ?? []) as {
        kind: RotationState["ledger"][number]["kind"];
        meeting_day: string;
        member_id: string | null;
        other_member_id: string | null;
        reason: string;
      }[]
    ).map((e) => ({
      kind: e.kind,
      meetingDate: e.meeting_day,
      reason: e.reason,
      ...(e.member_id === null ? {} : { memberId: e.member_id }),
      ...(e.other_member_id === null ? {} : { otherMemberId: e.other_member_id }),
    })),
    aways: ((aways?.results ?? []) as { user_id: string; from_day: string; to_day: string }[]).map((a) => ({
      memberId: a.user_id,
      from: a.from_day,
      to: a.to_day,
    })),
  };
}
