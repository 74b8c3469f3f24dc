import { FEATURE_STORES } from "../features/server.ts";
import type { JobKind } from "./job-kind.ts";
import { quarterHour } from "./periods.ts";

/**
 * Every table holding a community's rows, children before what they point at (a member's
 * profile before the member, a topic's votes before the topic), so no delete has to cascade
 * into a large table. `communities` itself goes last, once all of these are empty.
 */
export const ERASE_TABLES = [
  "outbox",
  ...FEATURE_STORES.flatMap((part) => part.communityTables),
  "audit_log",
  "dm_channels",
  "delivery_blocks",
  "form_drafts",
  "activity_channels",
  "job_runs",
  "members",
  "installations",
] as const;

/**
 * Rows one statement deletes, and statements one run may make: 40 × 2,500 = 100,000 rows a run,
 * a few seconds of D1 and far under a Worker's 1,000 queries; a community of 100,000 members
 * (some 500,000 rows with profiles, nudges and the log) is gone within a few quarter-hours.
 */
export const ERASE_CHUNK = 2_500;
export const ERASE_STATEMENTS = 40;

/**
 * Erases the data of communities deactivated (uninstalled, removed from the server) more than
 * `ERASE_AFTER_DAYS` ago and not installed again since: a chunk per statement, table by table,
 * carrying on at the next quarter-hour until nothing is left; then the community row itself.
 */
export const communityErasure: JobKind = {
  name: "community-erasure",
  async due(deps) {
    const rows = await deps.db
      .selectFrom("communities")
      .select("id")
      .where("erase_after", "<=", deps.now.toISOString())
      .where("deactivated_at", "is not", null)
      .execute();
    const period = quarterHour(deps.now);
    return rows.map((row) => ({ communityId: row.id, period }));
  },
  async run(deps, item) {
    const statements = deps.d1;
    // One read first: which tables still hold the community's rows. Without it every run began
    // again at the first table and spent a statement on each emptied one, so once the tables
    // outnumbered the budget the runs never reached the last ones (nor the community row).
    // One row, a column per table (D1 refuses a long compound SELECT).
    const holding = await statements
      .prepare(
        `SELECT ${ERASE_TABLES.map(
          (table) => `EXISTS (SELECT 1 FROM ${table} WHERE community_id = ?1) AS ${table}`,
        ).join(", ")}`,
      )
      .bind(item.communityId)
      .first<Record<string, number>>();
    const left = new Set(ERASE_TABLES.filter((table) => holding?.[table] === 1));
    let budget = ERASE_STATEMENTS;
    for (const table of ERASE_TABLES) {
      if (!left.has(table)) continue;
      // A table is finished by a statement that deleted less than a chunk, even the budget's last:
      // returning then (as when the budget ran out mid-table) would stop every run just short of
      // the community row once the tables number exactly the budget.
      let finished = false;
      while (!finished && budget > 0) {
        // Checked in every statement: a community installed again meanwhile keeps the rest.
        const result = await statements
          .prepare(
            `DELETE FROM ${table} WHERE rowid IN (SELECT rowid FROM ${table} WHERE community_id = ?1 LIMIT ${ERASE_CHUNK})
             AND EXISTS (SELECT 1 FROM communities WHERE id = ?1 AND erase_after <= ?2 AND deactivated_at IS NOT NULL)`,
          )
          .bind(item.communityId, deps.now.toISOString())
          .run();
        budget -= 1;
        finished = result.meta.changes < ERASE_CHUNK;
      }
      if (!finished) return { status: "done" };
    }
    await statements
      .prepare("DELETE FROM communities WHERE id = ? AND erase_after <= ? AND deactivated_at IS NOT NULL")
      .bind(item.communityId, deps.now.toISOString())
      .run();
    return { status: "done" };
  },
  async nextRun(deps, communityId) {
    const row = await deps.db
      .selectFrom("communities")
      .select("erase_after")
      .where("id", "=", communityId)
      .executeTakeFirst();
    return row?.erase_after ? new Date(row.erase_after) : null;
  },
};
