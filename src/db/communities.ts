import { sql } from "kysely";
import type { Community, Contact, Member } from "../core/model.ts";
import type { Db } from "./client.ts";
import { type ForgetHasher, isForgottenSql } from "./forgotten.ts";
import { founderNow } from "./founders.ts";
import { communityFromRow, memberFromRow } from "./mappers.ts";
import type { CommunitiesTable, CommunityRow, MemberRow } from "./schema.ts";

/**
 * A contact's platform as the communities table types it. Core's ids are opaque strings; the
 * table's CHECK still names the platforms it stores, so an id it does not know fails the insert
 * (and matches no row) rather than being stored.
 */
const column = (contact: Contact) => contact.platform as CommunitiesTable["platform"];

/**
 * The community and (if known) the member for a contact, as ONE statement: the hot path of
 * every command is a single D1 round trip.
 */
export function findContactQuery(db: Db, contact: Contact) {
  return contactSelect(db, contact.userId)
    .where("c.platform", "=", column(contact))
    .where("c.workspace_id", "=", contact.workspaceId);
}

/** The same row, found by community id: how a button pressed in a DM finds its community. */
export function findMemberByIdQuery(db: Db, communityId: number, platformUserId: string) {
  return contactSelect(db, platformUserId).where("c.id", "=", communityId);
}

function contactSelect(db: Db, platformUserId: string) {
  return db
    .selectFrom("communities as c")
    .leftJoin("members as m", (join) =>
      join.onRef("m.community_id", "=", "c.id").on("m.platform_user_id", "=", platformUserId),
    )
    .selectAll("c")
    .select([
      "m.id as m_id",
      "m.platform_user_id as m_platform_user_id",
      "m.display_name as m_display_name",
      "m.is_moderator as m_is_moderator",
      "m.status as m_status",
      "m.platform_admin as m_platform_admin",
      "m.platform_admin_checked_at as m_platform_admin_checked_at",
      "m.last_active_on as m_last_active_on",
      // A delivery problem no moderator has seen yet rides along: no extra round trip.
      (eb) =>
        eb
          .selectFrom("delivery_blocks as b")
          .select(sql<string>`b.scope || ' ' || b.reason`.as("notice"))
          .whereRef("b.community_id", "=", "c.id")
          .where("b.notified_at", "is", null)
          .limit(1)
          .as("delivery_notice"),
    ]);
}

type ContactRow = CommunityRow & {
  m_id: number | null;
  m_platform_user_id: string | null;
  m_display_name: string | null;
  m_is_moderator: number | null;
  m_status: MemberRow["status"] | null;
  m_platform_admin: number | null;
  m_platform_admin_checked_at: string | null;
  m_last_active_on: string | null;
  delivery_notice: string | null;
};

/** Splits a `findContactQuery` row into the community and the member. */
export function contactFromRow(row: ContactRow | undefined): {
  community: Community | null;
  member: Member | null;
} {
  if (!row) return { community: null, member: null };
  const community = { ...communityFromRow(row), deliveryNotice: noticeFrom(row.delivery_notice) };
  if (row.m_id === null) return { community, member: null };
  const memberRow: Pick<MemberRow, keyof MemberRow> = {
    id: row.m_id,
    community_id: row.id,
    platform_user_id: row.m_platform_user_id ?? "",
    display_name: row.m_display_name,
    status: row.m_status ?? "active",
    is_moderator: row.m_is_moderator ?? 0,
    platform_admin: row.m_platform_admin,
    platform_admin_checked_at: row.m_platform_admin_checked_at,
    joined_at: "",
    left_at: null,
    last_active_on: row.m_last_active_on,
    nudges_opt_out: 0,
    welcomed_at: null,
    followed_up_at: null,
    left_reason: null,
    founder: 0,
    created_at: "",
    updated_at: "",
  };
  return { community, member: memberFromRow(memberRow) };
}

/** Creates the community if it is new; never overwrites an existing one's settings. */
export function insertCommunityQuery(db: Db, contact: Contact, now: Date) {
  const at = now.toISOString();
  return db
    .insertInto("communities")
    .values({
      platform: column(contact),
      workspace_id: contact.workspaceId,
      name: contact.workspaceName,
      locale: contact.initialLocale,
      created_at: at,
      updated_at: at,
    })
    .onConflict((oc) => oc.columns(["platform", "workspace_id"]).doNothing());
}

/**
 * Inserts the member (a founder while the first full sync has not completed), or marks them
 * active today and refreshes their display name; `founder` is never changed by an update.
 * Someone on the community's forgotten list gets no row (they asked guyub to forget them).
 */
export function upsertActiveMemberQuery(
  db: Db,
  contact: Contact,
  today: string,
  now: Date,
  forgotten: ForgetHasher,
) {
  const at = now.toISOString();
  return db
    .insertInto("members")
    .columns([
      "community_id",
      "platform_user_id",
      "display_name",
      "joined_at",
      "last_active_on",
      "founder",
      "created_at",
      "updated_at",
    ])
    .expression((eb) =>
      eb
        .selectFrom("communities")
        .select([
          "id",
          sql.val(contact.userId).as("platform_user_id"),
          sql.val(contact.displayName).as("display_name"),
          sql.val(at).as("joined_at"),
          sql.val(today).as("last_active_on"),
          // Met through a command before the first full sync: here before guyub, never a newcomer.
          founderNow(sql.ref("communities.id")).as("founder"),
          sql.val(at).as("created_at"),
          sql.val(at).as("updated_at"),
        ])
        .where("platform", "=", column(contact))
        .where("workspace_id", "=", contact.workspaceId)
        .where(sql<boolean>`not ${isForgottenSql(forgotten, sql.ref("communities.id"), contact.userId)}`),
    )
    .onConflict((oc) =>
      oc.columns(["community_id", "platform_user_id"]).doUpdateSet((eb) => ({
        last_active_on: eb.ref("excluded.last_active_on"),
        display_name: sql<string | null>`coalesce(excluded.display_name, members.display_name)`,
        updated_at: eb.ref("excluded.updated_at"),
      })),
    );
}

/** Takes the contact off their community's forgotten list: `/cop join`, their own return. */
export function reviveQuery(db: Db, contact: Contact, forgotten: ForgetHasher) {
  return sql`delete from forgotten_members where community_id = (select id from communities
      where platform = ${column(contact)} and workspace_id = ${contact.workspaceId})
    and user_hash in (select value from json_each(${JSON.stringify(forgotten.all(contact.userId))}))`.compile(
    db,
  );
}

function noticeFrom(text: string | null): { scope: string; reason: string } | null {
  if (!text) return null;
  const space = text.indexOf(" ");
  return { scope: text.slice(0, space), reason: text.slice(space + 1) };
}

/** A community by id, as core sees it (jobs know only the id). */
export async function communityById(db: Db, communityId: number): Promise<Community | null> {
  const row = await db.selectFrom("communities").selectAll().where("id", "=", communityId).executeTakeFirst();
  return row ? communityFromRow(row) : null;
}
