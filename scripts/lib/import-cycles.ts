import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

/**
 * The import graph of a folder of TypeScript files and the cycles in it. Type-only imports count:
 * a cycle of types still ties the files together (one cannot be read, moved or tested alone), and
 * the fix is the same, the shared type in its own small file.
 *
 * @example findImportCycles("src") // [["core/a.ts", "core/b.ts"]] when a.ts and b.ts import each other
 */
export function findImportCycles(root: string): string[][] {
  const graph = importGraph(root);
  return stronglyConnected(graph)
    .filter((group) => group.length > 1 || graph.get(group[0] ?? "")?.has(group[0] ?? ""))
    .map((group) => group.map((file) => relative(root, file)).sort())
    .sort((a, b) => (a[0] ?? "").localeCompare(b[0] ?? ""));
}

/** Every `.ts` file under `root` with the files of the same tree it imports or re-exports. */
export function importGraph(root: string): Map<string, Set<string>> {
  const files = tsFiles(resolve(root));
  const known = new Set(files);
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    const targets = new Set<string>();
    for (const { fileName } of info.importedFiles) {
      if (!fileName.startsWith(".")) continue;
      const target = resolve(dirname(file), fileName);
      for (const candidate of [target, `${target}.ts`, join(target, "index.ts")]) {
        if (known.has(candidate)) {
          targets.add(candidate);
          break;
        }
      }
    }
    graph.set(file, targets);
  }
  return graph;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith(".ts") && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** Tarjan's strongly connected components, iterative (a deep import chain must not blow the stack). */
function stronglyConnected(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  let next = 0;
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: Array<{ node: string; edges: Iterator<string> }> = [];
    const enter = (node: string) => {
      index.set(node, next);
      low.set(node, next);
      next += 1;
      stack.push(node);
      onStack.add(node);
      work.push({ node, edges: (graph.get(node) ?? new Set<string>()).values() });
    };
    enter(start);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: string; edges: Iterator<string> };
      const edge = frame.edges.next();
      if (!edge.done) {
        const target = edge.value;
        if (!index.has(target)) enter(target);
        else if (onStack.has(target))
          low.set(frame.node, Math.min(low.get(frame.node) ?? 0, index.get(target) ?? 0));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) ?? 0, low.get(frame.node) ?? 0));
      if (low.get(frame.node) === index.get(frame.node)) {
        const group: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop();
          if (member === undefined) break;
          onStack.delete(member);
          group.push(member);
        } while (member !== frame.node);
        groups.push(group);
      }
    }
  }
  return groups;
}
