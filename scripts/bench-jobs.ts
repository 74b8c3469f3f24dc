/**
 * `npm run bench:jobs`: 100,000 members (20 % quiet) in the local D1, and in the same run the
 * nudge job's scan and capped fan-out next to the bare SQL scan it rests on (goal: within 3×),
 * the job's D1 statements per invocation (goal: at most 50), its time, and the weekly digest's
 * build time (goal: under 1 s), and in the same run three cron ticks over 1,000 communities with
 * weekly, biweekly and monthly series in eleven zones, holidays and rotations, every job kind as
 * `scheduled()` runs them (goals: at most 50 D1 queries and 1 s), and `/cop rotation show` and
 * `/cop meeting next` at 100,000 members (median of 20; goals: at most 10 D1 statements and 30 ms).
 * The measuring runs in workerd
 * through vitest (test/bench/jobs.bench-run.ts); this prints the report and ends with one line:
 * `jobs: scan and fan-out 2.4x the bare scan, 38 D1 queries per invocation, digest 850 ms, cron
 * tick at 1,000 communities: 18 D1 queries, 640 ms`.
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
interface Tick {
  at: string;
  communities: number;
  seedMs: number;
  statements: number;
  roundTrips: number;
  ms: number;
  claimed: Record<string, number>;
}
interface CommandRun {
  command: string;
  medianMs: number;
  statements: number;
  rows: number;
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
  ticks: Tick[];
  commands: CommandRun[];
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
const [firstTick] = report.ticks;
console.log(
  `cron ticks over ${(firstTick?.communities ?? 0).toLocaleString("en")} communities (seeded in ${ms(firstTick?.seedMs ?? 0)}), every job kind, as scheduled() runs them:`,
);
console.log("moment                    D1 statements  round trips     time  claimed");
for (const tick of report.ticks) {
  const claimed = Object.entries(tick.claimed)
    .map(([job, n]) => `${job} ${n}`)
    .join(", ");
  console.log(
    `${tick.at}  ${String(tick.statements).padStart(13)}  ${String(tick.roundTrips).padStart(11)}  ${ms(tick.ms).padStart(9)}  ${claimed || "nothing"}`,
  );
}
console.log(
  `commands at ${report.members.toLocaleString("en")} members, through the command handler (median of 20; goals: at most 10 D1 statements and 30 ms):`,
);
for (const c of report.commands) {
  console.log(
    `  /cop ${c.command.padEnd(14)} ${ms(c.medianMs).padStart(9)}  ${String(c.statements).padStart(2)} D1 statements  ${c.rows} rows read`,
  );
}
const commandsMet = report.commands.every((c) => c.statements <= 10 && c.medianMs <= 30);
// The worst tick: the first one, which catches up on everything due and converts every meeting
// time for the first time in this isolate.
const tickQueries = Math.max(...report.ticks.map((t) => t.statements));
const tickMs = Math.max(...report.ticks.map((t) => t.ms));
console.log(
  `goals: within 3x ${ratio <= 3 ? "met" : "missed"}; at most 50 D1 queries ${statements <= 50 ? "met" : "missed"}; 10 ms CPU ${report.cpuMs <= 10 ? "met" : "missed"}; digest under 1 s ${report.digestMs < 1000 ? "met" : "missed"}; cron tick at most 50 D1 queries ${tickQueries <= 50 ? "met" : "missed"} and 1 s ${tickMs <= 1000 ? "met" : "missed"}; commands at most 10 D1 statements and 30 ms ${commandsMet ? "met" : "missed"}`,
);
console.log(
  `jobs: scan and fan-out ${ratio.toFixed(1)}x the bare scan, ${statements} D1 queries per invocation, digest ${Math.round(report.digestMs)} ms, cron tick at 1,000 communities: ${tickQueries} D1 queries, ${Math.round(tickMs)} ms`,
);
