/**
 * `npm run test:alone [-- test/some.test.ts …]`: runs every test on its own, one vitest run per
 * test, to show that no test leans on another having run first in its file. Slow by design (one
 * workerd start per test, about 10 s each here); `npm test -- --sequence.shuffle` is the quick
 * check of order. Exits 1 and lists the tests that failed alone.
 */
import { execFileSync, spawnSync } from "node:child_process";

const files = process.argv.slice(2);
const npx = process.platform === "win32" ? "npx.cmd" : "npx";
const listed = JSON.parse(
  // `--json` last: followed by a word, vitest takes that word as the file to write the list into.
  execFileSync(npx, ["vitest", "list", ...files, "--json"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  }),
) as { name: string; file: string }[];

// vitest matches -t against the test's full name ("<suite> > <test>", after its own prefix).
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
// `vitest list` shows a name as written in the source: the placeholders of a `test.each` (`%s`,
// `$name`) and a template literal's `${…}` match any text; an each's cases run together, as one test.
const namePattern = (name: string) =>
  escapeRegExp(name).replace(/%[sdifjoO#]|\\\$\\\{[^}]*\\\}|\\\$[\w.]+/g, ".*");
const failed: string[] = [];
for (const [i, test] of listed.entries()) {
  const file = test.file.slice(process.cwd().length + 1);
  const run = spawnSync(
    npx,
    ["vitest", "run", file, "-t", `(^| > )${namePattern(test.name)}$`, "--reporter=dot"],
    {
      encoding: "utf8",
    },
  );
  const passed = run.status === 0 && /\d+ passed/.test(run.stdout) && !/\d+ failed/.test(run.stdout);
  if (!passed) failed.push(`${file} > ${test.name}`);
  console.log(`${passed ? "ok  " : "FAIL"} ${i + 1}/${listed.length} ${file} > ${test.name}`);
}
console.log(`\n${listed.length - failed.length} passed alone, ${failed.length} failed alone`);
for (const name of failed) console.log(`  ${name}`);
process.exit(failed.length > 0 ? 1 : 0);
