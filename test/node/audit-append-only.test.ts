import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The audit trail is append-only: rows are inserted with a command's effects and otherwise only
// erased. A trigger cannot tell an erasure from any other change (SQLite knows no caller), and the
// erasures are three (expiry, a member's forget, a community's erasure), so the source is read:
// any other file that updates or deletes `audit_log` fails here.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/** Where the trail may change, and why. */
const ERASURE_PATHS = [
  "src/jobs/housekeeping.ts", // a year's retention
  "src/features/audit/store.ts", // forget: the member's id becomes the placeholder
  "src/jobs/community-erasure.ts", // the uninstalled community's rows, table by table (ERASE_TABLES)
];
const WRITE = [
  /UPDATE\s+audit_log/i,
  /DELETE\s+FROM\s+audit_log/i,
  /(updateTable|deleteFrom|replaceInto)\(\s*["']audit_log/,
  /["']audit_log["']/, // a table name handed to generic code (erasure lists)
];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

describe("the audit trail is append-only", () => {
  it("only the erasure paths update or delete audit_log rows", () => {
    const writers = sourceFiles("src").filter((file) => {
      const text = readFileSync(join(ROOT, file), "utf8").replace(
        /(insertInto|selectFrom)\(\s*["']audit_log["']/g,
        "",
      );
      return WRITE.some((pattern) => pattern.test(text));
    });
    expect(writers.sort()).toEqual([...ERASURE_PATHS].sort());
  });

  it("no migration adds a trigger or statement that rewrites it", () => {
    for (const file of readdirSync(join(ROOT, "migrations"))) {
      const text = readFileSync(join(ROOT, "migrations", file), "utf8");
      expect(/UPDATE\s+audit_log|DELETE\s+FROM\s+audit_log/i.test(text), file).toBe(false);
    }
  });
});
