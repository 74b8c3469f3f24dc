import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

// docs/architecture.md: every arrow points at core, and only the composition root (src/worker.ts,
// src/compose.ts, src/app.ts) puts adapters and the rest together. Read from the source, so a new
// file is held to it without a list: no file under these folders may reach src/adapters/, directly
// or through any chain of imports (type-only imports count: they tie it to the adapter's shapes).
const INNER = ["src/core/", "src/db/", "src/jobs/", "src/delivery/", "src/features/"];

/**
 * A feature folder (src/features/<name>/) holds every layer of one feature; a file's layer is its
 * name: `store.ts`, `schema.ts` (or `*-store.ts`, `*-schema.ts`) are storage, `jobs.ts` (or
 * `*-job.ts`) scheduled work, and every other file is core. `src/features/server.ts` lists store
 * parts, so it is storage too.
 */
function isStorageOrJobs(file: string): boolean {
  if (file.startsWith("src/db/") || file.startsWith("src/jobs/")) return true;
  // The health page's content (issue 25): the web route's one entry, `(db, …) → HTML`, joins the
  // dashboard's read to its rendering, so it is storage although its name is fixed by that contract.
  if (file === "src/features/dashboard/content.ts") return true;
  if (!file.startsWith("src/features/")) return false;
  return /(^|[/-])(store|schema|server|jobs?)\.ts$/.test(file);
}
const isCore = (file: string) =>
  file.startsWith("src/core/") || (file.startsWith("src/features/") && !isStorageOrJobs(file));
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|cjs|js)$/.test(entry.name) ? [path] : [];
  });
}

/** Every relative module a file names: `import … from`, `export … from`, `import "…"`, `import(…)`. */
function importsOf(source: string): string[] {
  const found = source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g);
  return [...found].map((m) => m[1] ?? "").filter((specifier) => specifier.startsWith("."));
}

const FILES = sourceFiles("src");
const GRAPH = new Map(
  FILES.map((file) => {
    const text = readFileSync(join(ROOT, file), "utf8");
    const targets = importsOf(text).map((s) => relative(ROOT, resolve(ROOT, dirname(file), s)));
    return [file, targets] as const;
  }),
);

/** The import chain from `file` to a module `target` accepts, or null when there is none. */
function chainTo(target: (file: string) => boolean, file: string, seen = new Set<string>()): string[] | null {
  if (target(file)) return [file];
  if (seen.has(file)) return null;
  seen.add(file);
  for (const next of GRAPH.get(file) ?? []) {
    const chain = chainTo(target, next, seen);
    if (chain) return [file, ...chain];
  }
  return null;
}
const chainToAdapters = (file: string) => chainTo((f) => f.startsWith("src/adapters/"), file);

describe("layers", () => {
  it("reads imports the way the source writes them", () => {
    const source = `import type { A } from "../adapters/a.ts";\nexport { b } from './b.ts';\nimport "./c.ts";\nconst d = await import("../d.ts");\nimport { z } from "zod";`;
    expect(importsOf(source)).toEqual(["../adapters/a.ts", "./b.ts", "./c.ts", "../d.ts"]);
  });

  it("finds the folders it guards", () => {
    for (const folder of INNER)
      expect(
        FILES.some((f) => f.startsWith(folder)),
        folder,
      ).toBe(true);
  });

  it("core, db, jobs and delivery never reach an adapter, directly or through another module", () => {
    const reaching = FILES.filter((f) => INNER.some((folder) => f.startsWith(folder)))
      .map((file) => chainToAdapters(file))
      .filter((chain) => chain !== null)
      .map((chain) => chain.join(" → "));
    expect(reaching).toEqual([]);
  });

  it("names each file's layer in a feature folder by its file name", () => {
    expect(isCore("src/features/kudos/command.ts")).toBe(true);
    expect(isCore("src/features/kudos/store.ts")).toBe(false);
    expect(isCore("src/features/topics/refresh-store.ts")).toBe(false);
    expect(isCore("src/features/nudges/jobs.ts")).toBe(false);
    expect(isCore("src/features/restore.ts")).toBe(true);
    expect(isCore("src/features/dashboard/content.ts")).toBe(false);
    expect(isCore("src/features/dashboard/work-sections.ts")).toBe(true);
  });

  it("core (src/core/ and a feature's core files) never reaches storage or jobs, not even for a type", () => {
    const reaching = FILES.filter(isCore)
      .map((file) => chainTo(isStorageOrJobs, file))
      .filter((chain) => chain !== null)
      .map((chain) => chain.join(" → "));
    expect(reaching).toEqual([]);
  });
});
