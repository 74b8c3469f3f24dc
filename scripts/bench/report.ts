/** The bench's printed table, ratios, goals and `.bench/results.json`. */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { LoadOptions, Measurement } from "./measure.ts";
import { CLK_TCK, CORES } from "./proc.ts";

export interface TargetResult {
  key: "guyubSlack" | "guyubDiscord" | "bare" | "bareDiscord" | "boltNode";
  label: string;
  measurement: Measurement;
  /** Slack/Discord API calls guyub made during the measured window (should be 0 when warm). */
  platformCalls?: number;
}

/**
 * The goals for guyub, relative to the bare worker on the same runtime and machine: throughput,
 * absolute CPU, and the CPU guyub's own work adds over the bare verifier (issue 22: ≤ 0.15 ms).
 */
export const GOALS = { minThroughputRatio: 0.5, maxCpuMsPerRequest: 2, maxExtraCpuMsOverBare: 0.15 } as const;

const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : "n/a");

export function printTable(results: TargetResult[]): void {
  const header = [
    "target",
    "req/s",
    "p50 ms",
    "p99 ms",
    "requests",
    "non-2xx",
    "errors",
    "CPU ms/req",
    "server core",
    "loadgen core",
    "others",
  ];
  const rows = results.map(({ label, measurement: m }) => [
    label,
    fixed(m.requestsPerSecond, 0),
    fixed(m.latencyP50Ms, 2),
    fixed(m.latencyP99Ms, 2),
    String(m.requests),
    String(m.non2xx),
    String(m.errors + m.timeouts),
    fixed(m.serverCpuMsPerRequest, 3),
    `${fixed(m.serverCorePercent, 0)} %`,
    `${fixed(m.loadCorePercent, 0)} %`,
    `${fixed(m.othersCorePercent, 0)} %`,
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join("  ");
  console.log(line(header));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const row of rows) console.log(line(row));
}

export interface Verdict {
  goal: string;
  value: number;
  pass: boolean;
}

export function verdicts(results: TargetResult[]): { ratios: Record<string, number>; verdicts: Verdict[] } {
  const find = (key: TargetResult["key"]) => results.find((r) => r.key === key)?.measurement;
  const bare = find("bare");
  const bareDiscord = find("bareDiscord");
  const bolt = find("boltNode");
  const ratios: Record<string, number> = {};
  const list: Verdict[] = [];
  for (const key of ["guyubSlack", "guyubDiscord"] as const) {
    const m = find(key);
    if (!m) continue;
    const name = key === "guyubSlack" ? "guyub Slack" : "guyub Discord";
    if (bare) {
      const ratio = m.requestsPerSecond / bare.requestsPerSecond;
      ratios[`${key}RpsOverBare`] = ratio;
      list.push({
        goal: `${name} req/s ÷ bare req/s ≥ ${GOALS.minThroughputRatio}`,
        value: ratio,
        pass: ratio >= GOALS.minThroughputRatio,
      });
      const extra = m.serverCpuMsPerRequest - bare.serverCpuMsPerRequest;
      ratios[`${key}ExtraCpuMsOverBare`] = extra;
      list.push({
        goal: `${name} CPU/request − bare CPU/request ≤ ${GOALS.maxExtraCpuMsOverBare} ms`,
        value: extra,
        pass: extra <= GOALS.maxExtraCpuMsOverBare,
      });
    }
    // Discord also against its own floor: a bare worker that verifies Ed25519 as guyub must.
    if (bareDiscord && key === "guyubDiscord") {
      const ratio = m.requestsPerSecond / bareDiscord.requestsPerSecond;
      ratios.guyubDiscordRpsOverBareDiscord = ratio;
      list.push({
        goal: `${name} req/s ÷ bare Discord req/s ≥ ${GOALS.minThroughputRatio}`,
        value: ratio,
        pass: ratio >= GOALS.minThroughputRatio,
      });
      const extra = m.serverCpuMsPerRequest - bareDiscord.serverCpuMsPerRequest;
      ratios.guyubDiscordExtraCpuMsOverBareDiscord = extra;
      list.push({
        goal: `${name} CPU/request − bare Discord CPU/request ≤ ${GOALS.maxExtraCpuMsOverBare} ms`,
        value: extra,
        pass: extra <= GOALS.maxExtraCpuMsOverBare,
      });
    }
    if (bolt) ratios[`${key}RpsOverBolt`] = m.requestsPerSecond / bolt.requestsPerSecond;
    list.push({
      goal: `${name} CPU/request ≤ ${GOALS.maxCpuMsPerRequest} ms`,
      value: m.serverCpuMsPerRequest,
      pass: m.serverCpuMsPerRequest <= GOALS.maxCpuMsPerRequest,
    });
  }
  return { ratios, verdicts: list };
}

export function printVerdicts(results: TargetResult[]): ReturnType<typeof verdicts> {
  const outcome = verdicts(results);
  const find = (key: TargetResult["key"]) => results.find((r) => r.key === key)?.measurement;
  console.log("\nRatios");
  for (const key of ["guyubSlack", "guyubDiscord"] as const) {
    const m = find(key);
    if (!m) continue;
    const name = key === "guyubSlack" ? "guyub Slack  " : "guyub Discord";
    const overBare = outcome.ratios[`${key}RpsOverBare`];
    const overBolt = outcome.ratios[`${key}RpsOverBolt`];
    const extra = outcome.ratios[`${key}ExtraCpuMsOverBare`];
    console.log(
      `  ${name}  req/s ÷ bare = ${fixed(overBare ?? Number.NaN, 2)}   req/s ÷ Bolt on Node = ${fixed(overBolt ?? Number.NaN, 2)}   CPU/request = ${fixed(m.serverCpuMsPerRequest, 3)} ms (bare + ${fixed(extra ?? Number.NaN, 3)})`,
    );
    const overBareDiscord = outcome.ratios.guyubDiscordRpsOverBareDiscord;
    if (key === "guyubDiscord" && overBareDiscord !== undefined)
      console.log(
        `                 req/s ÷ bare Discord = ${fixed(overBareDiscord, 2)}   CPU/request = bare Discord + ${fixed(outcome.ratios.guyubDiscordExtraCpuMsOverBareDiscord ?? Number.NaN, 3)} ms`,
      );
  }
  const floors = { bare: "bare worker  ", bareDiscord: "bare Discord ", boltNode: "Bolt on Node " } as const;
  for (const key of ["bare", "bareDiscord", "boltNode"] as const) {
    const m = find(key);
    if (m) console.log(`  ${floors[key]}  CPU/request = ${fixed(m.serverCpuMsPerRequest, 3)} ms`);
  }
  console.log("\nGoals");
  for (const v of outcome.verdicts)
    console.log(`  ${v.pass ? "PASS" : "MISS"}  ${v.goal}  (${fixed(v.value, 3)})`);
  return outcome;
}

/** Prints everything after the runs and writes `path` (JSON) with the results and the method. */
export function finish(root: string, path: string, results: TargetResult[], method: object): void {
  console.log("");
  printTable(results);
  printNotes(results);
  const outcome = printVerdicts(results);
  const version = (pkg: string) =>
    (JSON.parse(readFileSync(join(root, "node_modules", pkg, "package.json"), "utf8")) as { version: string })
      .version;
  const data = {
    at: new Date().toISOString(),
    machine: { cores: CORES, node: process.version, clkTck: CLK_TCK },
    versions: Object.fromEntries(
      ["miniflare", "wrangler", "@slack/bolt", "autocannon"].map((p) => [p, version(p)]),
    ),
    method,
    results,
    ...outcome,
  };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
  console.log(`\nwrote ${path}`);
}

export function printMethod(
  load: LoadOptions,
  pinning: { enabled: boolean; reason: string },
  clkTck: number,
  direct: boolean,
) {
  const pinned = pinning.enabled
    ? `pinned with taskset: ${pinning.reason} (workerd or the Bolt node process alone on core 0; autocannon and this orchestrator on core 1)`
    : `NOT pinned (${pinning.reason}): server and load generator compete for the same CPUs`;
  console.log(`guyub bench: ${load.connections} connections, ${load.warmupSeconds} s warm-up, ${load.durationSeconds} s measured per target
Method: every server on 127.0.0.1; ${pinned}.
  Load: autocannon in its own process, pipelining 1, one fixed signed request per target (signed just before it).
  CPU/request: utime+stime delta of the server process (/proc/<pid>/stat, CLK_TCK=${clkTck}) over the measured window ÷ requests completed.
  guyub (production bundle) and the bare worker run in workerd through Miniflare's API (not wrangler dev),
  ${direct ? "requests sent to the Worker's own socket (--direct: Miniflare's entry worker bypassed, as in production)" : "requests through Miniflare's own server (its entry worker routes each request: a constant extra cost on every Worker target; --direct bypasses it)"}.
`);
}

export function printNotes(results: TargetResult[]): void {
  console.log(
    "\n  server core / loadgen core: that process's CPU time ÷ wall time (a server near 100 % is CPU-bound; a load generator near 100 % may be the limit).\n  others: CPU other processes used on the server's core (machine-wide if unpinned) during the window.",
  );
  const noisy = results.filter((r) => r.measurement.othersCorePercent > 10);
  if (noisy.length > 0) {
    console.log(
      `  WARNING: the machine was busy during ${noisy.map((r) => r.label).join(", ")}: those numbers are pessimistic; rerun when it is quiet.`,
    );
  }
  for (const r of results) {
    const calls =
      r.platformCalls === undefined ? "" : `; Slack/Discord API calls in the window: ${r.platformCalls}`;
    console.log(
      `  ${r.label}: orchestrator CPU ${fixed(r.measurement.harnessCorePercent, 1)} % of a core${calls}`,
    );
  }
}
