import { applyD1Migrations } from "cloudflare:test";
import { env } from "cloudflare:workers";

/**
 * A D1 of its own, migrated step by step: `env.MIGRATION_DB` (vitest.config.ts), never the shared
 * `env.DB`, which the setup file migrates in full. For tests that seed rows under old migrations
 * and then apply a newer one.
 */
export const migrationDb = (): D1Database => env.MIGRATION_DB;

/** Drops everything the migrations made (and the migrations' own record), so a run starts empty. */
export async function emptyMigrationDb(db = migrationDb()): Promise<void> {
  const { results } = await db.prepare("PRAGMA table_list").all<{ name: string; type: string }>();
  const ours = results.filter((t) => !/^(sqlite_|_cf_)/.test(t.name));
  // Virtual tables first (their shadow tables go with them), then the rest in one transaction.
  for (const table of ours.filter((t) => t.type === "virtual")) {
    await db.prepare(`DROP TABLE IF EXISTS "${table.name}"`).run();
  }
  const sequence = results.some((t) => t.name === "sqlite_sequence");
  await db.batch([
    db.prepare("PRAGMA defer_foreign_keys = ON"),
    ...ours.filter((t) => t.type === "table").map((t) => db.prepare(`DROP TABLE IF EXISTS "${t.name}"`)),
    ...(sequence ? [db.prepare("DELETE FROM sqlite_sequence")] : []),
  ]);
}

/** Applies the real migrations up to and including `last` (a file name such as `0016_…sql`). */
export async function migrateThrough(last: string, db = migrationDb()): Promise<void> {
  const through = env.TEST_MIGRATIONS.findIndex((m) => m.name === last);
  if (through < 0) throw new Error(`no migration named ${last}`);
  await applyD1Migrations(db, env.TEST_MIGRATIONS.slice(0, through + 1));
}

/** The ordinary tables in `db` (not SQLite's, D1's, the migrations' record or FTS shadows). */
export async function tablesOf(db = migrationDb()): Promise<string[]> {
  const { results } = await db.prepare("PRAGMA table_list").all<{ name: string; type: string }>();
  return results
    .filter((t) => t.type === "table" && !/^(sqlite_|_cf_|d1_migrations$)/.test(t.name))
    .map((t) => t.name)
    .sort();
}

/** The tables whose foreign keys point at `parent`, read from the schema (never a hand list). */
export async function tablesReferencing(parent: string, db = migrationDb()): Promise<string[]> {
  const tables = await tablesOf(db);
  const lists = await db.batch(tables.map((t) => db.prepare(`PRAGMA foreign_key_list("${t}")`)));
  return tables.filter((_, i) =>
    ((lists[i]?.results ?? []) as { table: string }[]).some((fk) => fk.table === parent),
  );
}

/** Every row of every table, each table's rows sorted, for "nothing changed" comparisons. */
export async function everyRow(db = migrationDb()): Promise<Record<string, unknown[]>> {
  const tables = await tablesOf(db);
  const results = await db.batch(tables.map((t) => db.prepare(`SELECT * FROM "${t}"`)));
  return Object.fromEntries(
    tables.map((t, i) => [t, (results[i]?.results ?? []).map((r) => JSON.stringify(r)).sort()]),
  );
}
