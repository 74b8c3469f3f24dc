import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";

// Test files share a workerd isolate, and with it one local D1 (vitest `isolate: false`, see
// docs/toolchain.md). The real migrations are applied once per isolate (a no-op afterwards), and
// the setup file calls `freshDb()` before every file, so each file still starts on an empty D1.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);

/**
 * Every table the migrations made, read from the schema so a new migration's tables are covered
 * without editing this file. `PRAGMA table_list` tells ordinary tables from FTS shadow tables
 * (emptied through the triggers on their content table) and from SQLite's and D1's own.
 */
async function schemaTables(): Promise<string[]> {
  const { results } = await env.DB.prepare("PRAGMA table_list").all<{ name: string; type: string }>();
  return results
    .filter((t) => t.type === "table" && !/^(sqlite_|_cf_|d1_migrations$)/.test(t.name))
    .map((t) => t.name)
    .sort();
}

const TABLES = await schemaTables();

/**
 * The FTS5 indexes. Deleting their content tables' rows leaves delete markers, and the words stay
 * in the index's segment blobs until a merge: a later file's "no column holds their words" walk
 * (test/privacy-forget.test.ts) would find an earlier file's words. `delete-all` empties an
 * external-content index for real.
 */
async function ftsTables(): Promise<string[]> {
  const { results } = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'",
  ).all<{ name: string }>();
  return results.map((t) => t.name).sort();
}

const FTS = await ftsTables();

// Deleting every table in one batch (one transaction) in any order: foreign keys are checked at
// commit, when the rows pointing anywhere are gone too.
const deleteAll = () => [
  env.DB.prepare("PRAGMA defer_foreign_keys = on"),
  ...TABLES.map((table) => env.DB.prepare(`DELETE FROM ${table}`)),
  ...FTS.map((index) => env.DB.prepare(`INSERT INTO ${index} (${index}) VALUES ('delete-all')`)),
];

/** Empties every table (D1 state is shared between the tests of a file). */
export async function resetDb(): Promise<void> {
  await env.DB.batch(deleteAll());
}

/**
 * A D1 as a new test file found it before files shared an isolate: no rows, and AUTOINCREMENT ids
 * starting again at 1 (tests name topics `#1`, `#2` by the ids a fresh database hands out).
 */
export async function freshDb(): Promise<void> {
  await env.DB.batch([...deleteAll(), env.DB.prepare("DELETE FROM sqlite_sequence")]);
}

/** Row counts and D1's own count of rows written so far, to prove "nothing was written". */
export async function rowCounts(): Promise<Record<string, number>> {
  const results = await env.DB.batch(
    TABLES.map((table) => env.DB.prepare(`SELECT count(*) AS n FROM ${table}`)),
  );
  return Object.fromEntries(
    TABLES.map((table, i) => [table, (results[i]?.results[0] as { n: number } | undefined)?.n ?? 0]),
  );
}

/** A snapshot of all rows, for "nothing changed" assertions. */
export async function snapshot(): Promise<string> {
  const results = await env.DB.batch(
    TABLES.map((table) => env.DB.prepare(`SELECT * FROM ${table} ORDER BY 1`)),
  );
  return JSON.stringify(results.map((r) => r.results));
}

/** `rowCounts()` of an empty database. */
export const NO_ROWS: Record<string, number> = Object.fromEntries(TABLES.map((table) => [table, 0]));
