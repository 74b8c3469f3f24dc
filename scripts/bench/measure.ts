/**
 * One measurement: runs load.ts as a separate process on the load generator's core and samples
 * the server's CPU time (utime + stime from /proc) exactly at the start and end of the measured
 * window, which load.ts announces on stdout.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Result } from "autocannon";
import { busyMs, cpuMs, onCore, onLines, pinning, stopChild, track, withTimeout } from "./proc.ts";
import type { LoadRequest } from "./requests.ts";

export interface LoadOptions {
  warmupSeconds: number;
  durationSeconds: number;
  connections: number;
}

export interface Measurement {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Server CPU (user + system) over the measured window. */
  serverCpuMs: number;
  serverCpuMsPerRequest: number;
  /** Server CPU ÷ wall time: near 100 % means the server's core was the bottleneck. */
  serverCorePercent: number;
  /** Load generator CPU ÷ wall time: near 100 % means the load generator limited the result. */
  loadCorePercent: number;
  /** This orchestrator's own CPU ÷ wall time, to show nothing is hidden in Node (e.g. Miniflare). */
  harnessCorePercent: number;
  /**
   * CPU used by other processes during the window, in % of a core: on the server's core when
   * pinned, machine-wide otherwise. Above a few % the machine was not quiet and numbers are low.
   */
  othersCorePercent: number;
  wallMs: number;
}

interface Sample {
  at: number;
  server: number;
  load: number;
  harness: number;
  busy: number;
}

/** Busy time in the window not accounted for by the server (and, unpinned, by our own processes). */
function others(s: Sample, e: Sample): number {
  const ours = pinning.enabled
    ? e.server - s.server
    : e.server - s.server + e.load - s.load + e.harness - s.harness;
  return Math.max(0, e.busy - s.busy - ours);
}

export async function measure(
  root: string,
  request: LoadRequest,
  options: LoadOptions,
  serverPid: number,
  cores: { server: number; load: number },
): Promise<Measurement> {
  const [command = process.execPath, ...args] = [
    ...onCore(cores.load),
    process.execPath,
    "--import",
    "tsx",
    join(root, "scripts/bench/load.ts"),
  ];
  const child = track(
    spawn(command, args, {
      cwd: root,
      env: { ...process.env, BENCH_LOAD: JSON.stringify({ ...request, ...options }) },
      stdio: ["ignore", "pipe", "inherit"],
    }),
  );
  const sample = (): Sample => {
    const harness = process.cpuUsage();
    return {
      at: performance.now(),
      server: cpuMs(serverPid),
      load: child.pid ? cpuMs(child.pid) : 0,
      harness: (harness.user + harness.system) / 1000,
      busy: busyMs(pinning.enabled ? cores.server : undefined),
    };
  };

  let start: Sample | undefined;
  const done = new Promise<{ result: Result; start: Sample; end: Sample }>((resolve, reject) => {
    child.once("error", reject);
    // "close", not "exit": exit can come before the last stdout line has been read.
    child.once("close", (code) => reject(new Error(`load generator exited (code ${code}) without a result`)));
    onLines(child.stdout, (line) => {
      let message: { event?: string; result?: Result };
      try {
        message = JSON.parse(line) as typeof message;
      } catch {
        return;
      }
      try {
        if (message.event === "measure-start") start = sample();
        if (message.event === "result" && message.result) {
          const end = sample();
          if (!start) reject(new Error("load generator reported a result before measure-start"));
          else resolve({ result: message.result, start, end });
        }
      } catch (error) {
        reject(error);
      }
    });
  });

  // Bounded: startup, warm-up, measurement and a generous margin.
  const limitMs = (options.warmupSeconds + options.durationSeconds + 60) * 1000;
  try {
    const { result, start: s, end: e } = await withTimeout(done, limitMs, "load generator");
    const wallMs = e.at - s.at;
    const requests = result.requests.total ?? 0;
    const serverCpuMs = e.server - s.server;
    return {
      requestsPerSecond: result.requests.mean,
      latencyP50Ms: result.latency.p50,
      latencyP99Ms: result.latency.p99,
      requests,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      serverCpuMs,
      serverCpuMsPerRequest: requests > 0 ? serverCpuMs / requests : Number.NaN,
      serverCorePercent: (serverCpuMs / wallMs) * 100,
      loadCorePercent: ((e.load - s.load) / wallMs) * 100,
      harnessCorePercent: ((e.harness - s.harness) / wallMs) * 100,
      othersCorePercent: (others(s, e) / wallMs) * 100,
      wallMs,
    };
  } finally {
    await stopChild(child);
  }
}
