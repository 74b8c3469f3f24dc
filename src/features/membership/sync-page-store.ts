import { type CompiledQuery, sql } from "kysely";
import type { Db } from "../../db/client.ts";
import type { SyncPage } from "./effects.ts";

/**
 * One page of a pass as statements: the page's ids, a bulk upsert of its present members (one
 * JSON parameter, `json_each`), the cursor and counts; on the last page, the sweep of members
 * seen on no page (alumni, `gone`) and the pass's summary. Unchanged members are not rewritten.
 */
export function syncPageQueries(db: Db, communityId: number, page: SyncPage, at: string): CompiledQuery[] {
  const queries: CompiledQuery[] = [];
  const ids = JSON.stringify(page.present.map((m) => m.userId));
  if (page.pageNumber === 0) {
    queries.push(db.deleteFrom("member_sync_pages").where("community_id", "=", communityId).compile());
  }
  queries.push(
    db
      .insertInto("member_sync_pages")
      .values({ community_id: communityId, page: page.pageNumber, user_ids: ids })
      .onConflict((oc) => oc.columns(["community_id", "page"]).doUpdateSet({ user_ids: ids }))
      .compile(),
  );
  if (page.present.length > 0) queries.push(upsertPresent(db, communityId, page, at));
  const first = page.pageNumber === 0;
  const counts = {
    pass_started_at: page.pass,
    cursor: page.next,
    pages: first ? 1 : sql<number>`member_sync.pages + 1`,
    seen: first ? page.present.length : sql<number>`member_sync.seen + ${page.present.length}`,
    joined: first ? page.joined : sql<number>`member_sync.joined + ${page.joined}`,
    left_count: first ? 0 : sql<number>`member_sync.left_count`,
    last_error: null,
    next_run_at: page.nextRunAt,
    updated_at: at,
  };
  // A community's first page ever inserts the row: then it holds the first page's counts.
  const firstRow = { ...counts, pages: 1, seen: page.present.length, joined: page.joined, left_count: 0 };
  queries.push(
    db
      .insertInto("member_sync")
      .values({ community_id: communityId, ...firstRow })
      .onConflict((oc) => oc.column("community_id").doUpdateSet(counts))
      .compile(),
  );
  if (page.next === null) queries.push(...finishPass(db, communityId, page, at));
  return queries;
}

function upsertPresent(db: Db, communityId: number, page: SyncPage, at: string): CompiledQuery {
  const welcomed = new Set(page.welcomed);
  const rows = JSON.stringify(
    page.present.map((m) => ({
      u: m.userId,
      n: m.displayName,
      j: m.joinedAt,
      w: welcomed.has(m.userId) ? 1 : 0,
    })),
  );
  // Only someone who left the platform comes back by reappearing: a member who stepped back
  // (`/cop leave`) or left the main channel is still listed, and stays stepped back.
  const cameBack = sql`(members.status = 'alumni' and members.left_reason = 'gone')`;
  // `founder` is written by the insert only: someone stored already keeps what guyub knew of them.
  return sql`
    insert into members (community_id, platform_user_id, display_name, joined_at, welcomed_at, founder, created_at, updated_at)
    select ${communityId}, json_extract(value, '$.u'), json_extract(value, '$.n'), json_extract(value, '$.j'),
      case when json_extract(value, '$.w') = 1 then ${at} end, ${page.founders ? 1 : 0}, ${at}, ${at}
    from json_each(${rows}) where true
    on conflict (community_id, platform_user_id) do update set
      display_name = coalesce(excluded.display_name, members.display_name),
      status = case when ${cameBack} then 'active' else members.status end,
      left_at = case when ${cameBack} then null else members.left_at end,
      left_reason = case when ${cameBack} then null else members.left_reason end,
      welcomed_at = coalesce(members.welcomed_at, excluded.welcomed_at),
      updated_at = excluded.updated_at
    where members.display_name is not coalesce(excluded.display_name, members.display_name)
      or ${cameBack}
      or (members.welcomed_at is null and excluded.welcomed_at is not null)
  `.compile(db);
}

/** The end of a pass: count and mark who was on no page, then record the pass's summary. */
function finishPass(db: Db, communityId: number, page: SyncPage, at: string): CompiledQuery[] {
  const queries: CompiledQuery[] = [];
  if (page.sweep) {
    // Rows created after the pass began (a join event, a first command) were never listable by it.
    const missing = sql`community_id = ${communityId} and status in ('active', 'paused')
      and created_at < ${page.pass}
      and platform_user_id not in (
        select j.value from member_sync_pages p, json_each(p.user_ids) j where p.community_id = ${communityId})`;
    queries.push(
      sql`update member_sync set left_count = left_count + (select count(*) from members where ${missing})
        where community_id = ${communityId}`.compile(db),
      sql`update members set status = 'alumni', left_at = ${at}, left_reason = 'gone', updated_at = ${at}
        where ${missing}`.compile(db),
    );
  }
  queries.push(
    db
      .updateTable("member_sync")
      .set((eb) => ({
        pass_started_at: null,
        cursor: null,
        last_finished_at: at,
        last_seen: eb.ref("seen"),
        last_joined: eb.ref("joined"),
        last_left: eb.ref("left_count"),
        // A pass that saw nobody proves nothing: it must not open the door to a welcome storm.
        first_completed_at: page.sweep
          ? sql`coalesce(first_completed_at, ${at})`
          : eb.ref("first_completed_at"),
      }))
      .where("community_id", "=", communityId)
      .compile(),
  );
  return queries;
}
