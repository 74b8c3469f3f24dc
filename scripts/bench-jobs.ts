/**
 * `npm run bench:jobs`: 100,000 members (20 % quiet) in the local D1, and in the same run the
 * nudge job's scan and capped fan-out next to the bare SQL scan it rests on (goal: within 3×),
 * the job's D1 statements per invocation (goal: at most 50), its time, and the weekly digest's
 * build time (goal: under 1 s). The measuring runs in workerd through vitest
 * (test/bench/jobs.bench-run.ts); this prints the report and ends with one line:
 * `jobs: scan and fan-out 2.4x the bare scan, 38 D1 queries per invocation, digest 850 ms`.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

interface Run {
  bareMs: number;
  composedMs: number;
  batchMs: number;
  jobMs: number;
  statements: number;
  roundTrips: number;
  sent: number;
  maxParams: number;
}
interface Report {
  members: number;
  quiet: number;
  seedMs: number;
  perDay: number;
  runs: Run[];
  digestMs: number;
  cpuMs: number;
  plan: string[];
}

const child = spawnSync("npx", ["vitest", "run", "--config", "vitest.bench-jobs.config.ts"], {
  cwd: ROOT,
  encoding: "utf8",
  timeout: 15 * 60_000,
  maxBuffer: 64 * 1024 * 1024,
});
const line = `${child.stdout}\n${child.stderr}`.split("\n").find((l) => l.includes("BENCH_JOBS "));
if (!line) {
  process.stderr.write(child.stdout + child.stderr);
  console.error("bench:jobs: the measuring run printed no result");
  process.exit(1);
}
const report = JSON.parse(line.slice(line.indexOf("BENCH_JOBS ") + "BENCH_JOBS ".length)) as Report;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const ms = (value: number) => `${value.toFixed(1)} ms`;

console.log(
  `members ${report.members.toLocaleString("en")}, quiet ${report.quiet.toLocaleString("en")} (seeded in ${ms(report.seedMs)})`,
);
console.log(`bare scan plan: ${report.plan.join(" | ")}`);
console.log(
  "day  bare scan  scan+messages (read)  ratio  fan-out batch (writes)  whole invocation  D1 statements  round trips  nudges  max params",
);
report.runs.forEach((run, day) => {
  const ratio = run.bareMs > 0 ? run.composedMs / run.bareMs : Number.NaN;
  console.log(
    `${String(day + 1).padStart(3)}  ${ms(run.bareMs).padStart(9)}  ${ms(run.composedMs).padStart(20)}  ${ratio.toFixed(1).padStart(5)}x  ${ms(run.batchMs).padStart(22)}  ${ms(run.jobMs).padStart(16)}  ${String(run.statements).padStart(13)}  ${String(run.roundTrips).padStart(11)}  ${String(run.sent).padStart(6)}  ${String(run.maxParams).padStart(10)}`,
  );
});
const bare = median(report.runs.map((r) => r.bareMs));
const job = median(report.runs.map((r) => r.composedMs));
const batch = median(report.runs.map((r) => r.batchMs));
const whole = median(report.runs.map((r) => r.jobMs));
const statements = Math.max(...report.runs.map((r) => r.statements));
const ratio = job / Math.max(bare, 0.001);
console.log(
  `medians: bare scan ${ms(bare)}, scan+messages ${ms(job)}, fan-out batch with its writes ${ms(batch)} (${(batch / Math.max(bare, 0.001)).toFixed(1)}x), whole invocation ${ms(whole)}`,
);
console.log(
  `the invocation's own JavaScript (window, next meeting, template, statements): ${report.cpuMs.toFixed(2)} ms of CPU`,
);
console.log(`digest build: ${ms(report.digestMs)}`);
console.log(
  `goals: within 3x ${ratio <= 3 ? "met" : "missed"}; at most 50 D1 queries ${statements <= 50 ? "met" : "missed"}; 10 ms CPU ${report.cpuMs <= 10 ? "met" : "missed"}; digest under 1 s ${report.digestMs < 1000 ? "met" : "missed"}`,
);
console.log(
  `jobs: scan and fan-out ${ratio.toFixed(1)}x the bare scan, ${statements} D1 queries per invocation, digest ${Math.round(report.digestMs)} ms`,
);
