import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { findImportCycles } from "../../scripts/lib/import-cycles.ts";

const src = fileURLToPath(new URL("../../src", import.meta.url));

describe("import cycles", () => {
  it("no two files under src/ import each other, directly or around a loop (type-only imports count)", () => {
    // A cycle found here: move the type both sides need into its own small file.
    expect(findImportCycles(src)).toEqual([]);
  });

  describe("the detector", () => {
    let dir = "";
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    function tree(files: Record<string, string>): string {
      dir = mkdtempSync(join(tmpdir(), "guyub-cycles-"));
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(join(dir, path, ".."), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      return dir;
    }

    it("finds a loop of type-only imports and re-exports across folders", () => {
      const root = tree({
        "jobs/registry.ts":
          'import { a } from "./a.ts";\nexport interface Kind { n: number }\nexport const all = [a];',
        "jobs/a.ts": 'import type { Kind } from "./registry.ts";\nexport const a: Kind = { n: 1 };',
        "core/model.ts": 'export type { E } from "./effects/index.ts";',
        "core/effects/index.ts": 'import type { M } from "../model";\nexport type E = M;',
        "core/plain.ts":
          'import { a } from "../jobs/a.ts";\nimport { z } from "zod";\nexport const p = [a, z];',
      });
      expect(findImportCycles(root)).toEqual([
        ["core/effects/index.ts", "core/model.ts"],
        ["jobs/a.ts", "jobs/registry.ts"],
      ]);
    });

    it("ignores imports in comments and strings, packages, and a tree without loops", () => {
      const root = tree({
        "a.ts": '// import { b } from "./b.ts";\nexport const text = \'import { b } from "./b.ts"\';',
        "b.ts":
          'import { text } from "./a.ts";\nimport { Hono } from "hono";\nexport const b = [text, Hono];',
      });
      expect(findImportCycles(root)).toEqual([]);
    });
  });
});
