import { beforeAll, describe, expect, it } from "vitest";
import { COMMUNITY_ROWS, OTHER_ROWS, SEED } from "./support/migration-seed.ts";
import {
  emptyMigrationDb,
  everyRow,
  migrateThrough,
  migrationDb,
  tablesOf,
  tablesReferencing,
} from "./support/migrations.ts";

// Migration 0017 rebuilds `communities` (and `installations`) without the platform CHECK. D1
// always enforces foreign keys, so a careless rebuild would empty every table that references
// `communities` through ON DELETE CASCADE: this seeds all of them under 0016, applies 0017, and
// compares every row of every table.
const db = migrationDb();
const all = (sql: string) =>
  db
    .prepare(sql)
    .all()
    .then((r) => r.results);

/** What must not change: the schema's objects, each table's columns and foreign keys. */
async function shape() {
  const tables = await tablesOf(db);
  const details = await db.batch(
    tables.flatMap((t) => [
      db.prepare(`PRAGMA table_info("${t}")`),
      db.prepare(`PRAGMA foreign_key_list("${t}")`),
    ]),
  );
  return {
    objects: await all(
      "SELECT type, name, tbl_name, CASE WHEN type = 'table' THEN NULL ELSE sql END AS sql FROM sqlite_master ORDER BY type, name",
    ),
    tables: Object.fromEntries(
      tables.map((t, i) => [t, { columns: details[2 * i]?.results, keys: details[2 * i + 1]?.results }]),
    ),
  };
}

describe("migration 0017: a platform is data", () => {
  let referencing: string[] = [];
  let rowsBefore: Record<string, unknown[]> = {};
  let shapeBefore: Awaited<ReturnType<typeof shape>>;
  let sequenceBefore: unknown[] = [];

  beforeAll(async () => {
    await emptyMigrationDb(db);
    await migrateThrough("0016_digest_topics.sql", db);
    referencing = await tablesReferencing("communities", db);
    const seeds = [...COMMUNITY_ROWS, ...Object.values(SEED).flat(), ...OTHER_ROWS];
    await db.batch(seeds.map((sql) => db.prepare(sql)));
    rowsBefore = await everyRow(db);
    shapeBefore = await shape();
    sequenceBefore = await all("SELECT * FROM sqlite_sequence WHERE name <> 'd1_migrations' ORDER BY name");
    await migrateThrough("0017_platform_open.sql", db);
  });

  it("had rows of both communities in every table that references communities", () => {
    // Read from the schema: a table added later that references communities needs its seed rows.
    expect(referencing.length).toBeGreaterThanOrEqual(28);
    expect(Object.keys(SEED).sort()).toEqual(expect.arrayContaining(referencing));
    for (const table of referencing) {
      const ids = new Set(rowsBefore[table]?.map((r) => JSON.parse(r as string).community_id));
      expect([table, [...ids].sort()]).toEqual([table, [1, 2]]);
    }
  });

  it("keeps every row of every table", async () => {
    const after = await everyRow(db);
    for (const table of Object.keys(rowsBefore)) {
      expect([table, after[table]?.length]).toEqual([table, rowsBefore[table]?.length]);
    }
    expect(after).toEqual(rowsBefore);
  });

  it("keeps the schema: columns, foreign keys, indexes, triggers; only the platform CHECK goes", async () => {
    expect(await shape()).toEqual(shapeBefore);
    expect(await all("PRAGMA foreign_key_check")).toEqual([]);
    const created = await all(
      "SELECT name, sql FROM sqlite_master WHERE name IN ('communities', 'installations')",
    );
    expect(created).toHaveLength(2);
    for (const { sql } of created as { sql: string }[]) expect(sql).not.toMatch(/'slack'|'discord'/);
    expect(await tablesOf(db)).not.toContain("migration_0017_communities");
  });

  it("keeps AUTOINCREMENT's high-water marks: an erased community's id is never handed out again", async () => {
    expect(await all("SELECT * FROM sqlite_sequence WHERE name <> 'd1_migrations' ORDER BY name")).toEqual(
      sequenceBefore,
    );
    const made = await db
      .prepare(
        "INSERT INTO communities (platform, workspace_id, created_at, updated_at) VALUES ('telegram', '-1001234', 'x', 'x') RETURNING id",
      )
      .first<{ id: number }>();
    expect(made?.id).toBe(4);
    await db.prepare("DELETE FROM communities WHERE id = 4").run();
  });

  it("accepts a new platform's id, and still refuses one that is not an id", async () => {
    const insert = (platform: string) =>
      db
        .prepare(
          "INSERT INTO communities (platform, workspace_id, created_at, updated_at) VALUES (?, 'W', 'x', 'x')",
        )
        .bind(platform)
        .run();
    await insert("telegram");
    await db
      .prepare(
        "INSERT INTO installations (community_id, platform, workspace_id, scopes, installed_at, updated_at) SELECT id, 'telegram', 'W', 'bot', 'x', 'x' FROM communities WHERE platform = 'telegram'",
      )
      .run();
    for (const bad of ["", "Slack", "slack ", "a".repeat(33)]) {
      await expect(insert(bad), JSON.stringify(bad)).rejects.toThrow(/CHECK constraint failed/);
    }
    await db.prepare("DELETE FROM communities WHERE platform = 'telegram'").run();
  });

  it("still cascades: erasing a community deletes its rows everywhere and no one else's", async () => {
    await db.prepare("DELETE FROM communities WHERE id = 2").run();
    const after = await everyRow(db);
    for (const table of referencing) {
      const ids = new Set(after[table]?.map((r) => JSON.parse(r as string).community_id));
      expect([table, ids.has(1), ids.has(2)]).toEqual([table, true, false]);
    }
  });
});
