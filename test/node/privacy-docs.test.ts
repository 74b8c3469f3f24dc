import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// The privacy docs must name every table the migrations create, so a new table cannot be kept
// quietly; and they are linked from the README and both moderator guides.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const read = (path: string) => readFileSync(join(ROOT, path), "utf8");
const tables = () => {
  const names = new Set<string>();
  for (const file of readdirSync(join(ROOT, "migrations"))) {
    for (const match of read(`migrations/${file}`).matchAll(/CREATE (?:VIRTUAL )?TABLE (\w+)/g))
      names.add(match[1] as string);
  }
  // 0017's copies are scratch tables it drops again.
  return [...names].filter((name) => !name.startsWith("migration_"));
};

describe("docs/privacy.md and docs/privasi.md", () => {
  for (const doc of ["docs/privacy.md", "docs/privasi.md"]) {
    it(`${doc} names every table the migrations create`, () => {
      const text = read(doc);
      const missing = tables().filter((table) => !text.includes(`\`${table}\``));
      expect(missing).toEqual([]);
    });
  }

  it("are linked from the README and both guides", () => {
    expect(read("README.md")).toContain("(docs/privacy.md)");
    expect(read("README.md")).toContain("(docs/privasi.md)");
    expect(read("docs/moderator-guide.md")).toContain("(privacy.md)");
    expect(read("docs/panduan-moderator.md")).toContain("(privasi.md)");
  });
});
