import { sql } from "kysely";
import type { Db } from "../../db/client.ts";

/** Whom a redeemed link or a live session lets see which community's page. */
export interface DashboardGrant {
  readonly communityId: number;
  readonly userId: string;
}

/** What a refusal page needs of a community it can name: its language. */
export interface KnownCommunity {
  readonly locale: "en" | "id";
}

/**
 * Redeems a link once: one UPDATE that only a live, unused link passes, so of two racing presses
 * only one gets the grant, and an expired or used one gets nothing. The grant names the link's
 * own community and moderator: nothing the browser sends can change either.
 */
export async function redeemLink(db: Db, tokenHash: string, now: Date): Promise<DashboardGrant | null> {
  const at = now.toISOString();
  const row = await sql<{ community_id: number; user_id: string }>`UPDATE dashboard_links SET used_at = ${at}
    WHERE token_hash = ${tokenHash} AND used_at IS NULL AND expires_at > ${at}
    RETURNING community_id, user_id`.execute(db);
  const first = row.rows[0];
  return first ? { communityId: first.community_id, userId: first.user_id } : null;
}

/**
 * A link's community, read without redeeming (the GET that only shows the button): its language,
 * and whether the link would still open. Null for a token guyub never issued.
 */
export async function peekLink(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<(KnownCommunity & { readonly live: boolean }) | null> {
  const row = await db
    .selectFrom("dashboard_links as l")
    .innerJoin("communities as c", "c.id", "l.community_id")
    .select(["c.locale", "l.used_at", "l.expires_at"])
    .where("l.token_hash", "=", tokenHash)
    .executeTakeFirst();
  if (!row) return null;
  return { locale: row.locale, live: row.used_at === null && row.expires_at > now.toISOString() };
}

/** Starts the session a redeemed link grants (only the hash of its random id is kept). */
export async function startSession(
  db: Db,
  sessionHash: string,
  grant: DashboardGrant,
  now: Date,
  expiresAt: Date,
): Promise<void> {
  await db
    .insertInto("dashboard_sessions")
    .values({
      session_hash: sessionHash,
      community_id: grant.communityId,
      user_id: grant.userId,
      expires_at: expiresAt.toISOString(),
      created_at: now.toISOString(),
    })
    .execute();
}

export type SessionRead =
  | { readonly ok: true; readonly grant: DashboardGrant; readonly community: CommunityShown }
  | { readonly ok: false; readonly community: KnownCommunity | null };

export interface CommunityShown extends KnownCommunity {
  readonly name: string | null;
  readonly timezone: string;
}

/**
 * The session behind a cookie, in one read: live only before its expiry, and only while its
 * member is still in the community, has not stepped back and still moderates on guyub's list or
 * by the platform answer cached at redemption (a moderator removed since sees nothing more).
 * An ended one still names its community, so the refusal speaks its language.
 */
export async function readSession(db: Db, sessionHash: string, now: Date): Promise<SessionRead> {
  const row = await db
    .selectFrom("dashboard_sessions as s")
    .innerJoin("communities as c", "c.id", "s.community_id")
    .leftJoin("members as m", (join) =>
      join.onRef("m.community_id", "=", "s.community_id").onRef("m.platform_user_id", "=", "s.user_id"),
    )
    .select(["s.community_id", "s.user_id", "s.expires_at", "c.locale", "c.name", "c.timezone"])
    .select(
      sql<number>`coalesce(m.status <> 'alumni' AND (m.is_moderator = 1 OR m.platform_admin = 1), 0)`.as(
        "moderates",
      ),
    )
    .where("s.session_hash", "=", sessionHash)
    .executeTakeFirst();
  if (!row) return { ok: false, community: null };
  const community = { locale: row.locale, name: row.name, timezone: row.timezone };
  if (row.expires_at <= now.toISOString() || row.moderates !== 1) return { ok: false, community };
  return { ok: true, grant: { communityId: row.community_id, userId: row.user_id }, community };
}
