/**
 * `npm run bench:dashboard`: the moderators' health page at 100,000 members with a year of history
 * (issue 25; goals ≤ 300 ms and ≤ 20 D1 statements). The measuring runs in workerd against the
 * local D1 with the real migrations, through vitest (test/bench/dashboard.bench-dash.ts); this
 * prints the seed and ends with exactly one line: `dashboard: N ms, N D1 statements at 100,000 members`.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

interface Report {
  members: number;
  activityRows: number;
  seedMs: number;
  rollupMs: number;
  medianMs: number;
  firstMs: number;
  statements: number;
  bytes: number;
  statementsMs: string[];
}

const child = spawnSync("npx", ["vitest", "run", "--config", "vitest.bench-dashboard.config.ts"], {
  cwd: ROOT,
  encoding: "utf8",
  timeout: 15 * 60_000,
  maxBuffer: 64 * 1024 * 1024,
});
const line = `${child.stdout}\n${child.stderr}`.split("\n").find((l) => l.includes("BENCH_DASHBOARD "));
if (!line) {
  process.stderr.write(child.stdout + child.stderr);
  console.error("bench:dashboard: the measuring run printed no result");
  process.exit(1);
}
const report = JSON.parse(line.slice(line.indexOf("BENCH_DASHBOARD ") + "BENCH_DASHBOARD ".length)) as Report;
const count = (n: number) => n.toLocaleString("en");
console.log(
  `seeded ${count(report.members)} members and ${count(report.activityRows)} activity weeks in ${Math.round(report.seedMs)} ms`,
);
console.log(
  `rolled up 11 finished weeks (the dashboard-rollup job's statement) in ${Math.round(report.rollupMs)} ms`,
);
console.log(
  `first render ${Math.round(report.firstMs)} ms, median of 5 ${Math.round(report.medianMs)} ms, ${count(report.bytes)} bytes of HTML`,
);
for (const line of report.statementsMs) console.log(`  ${line}`);
console.log(
  `dashboard: ${Math.round(report.medianMs)} ms, ${report.statements} D1 statements at ${count(report.members)} members`,
);
