/**
 * Process plumbing for the bench (Linux only): CPU time from /proc, core pinning with taskset,
 * finding Miniflare's workerd child, free ports and bounded waits.
 */
import { type ChildProcess, execFileSync, spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { availableParallelism } from "node:os";

/** Clock ticks per second, the unit of utime/stime in /proc/<pid>/stat. */
export const CLK_TCK = (() => {
  try {
    const value = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());
    return value > 0 ? value : 100;
  } catch {
    return 100;
  }
})();

/** utime + stime of a process (all its threads), in milliseconds. */
export function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name (field 2) may contain spaces and parentheses: count fields after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  // Fields 14 and 15 of the file are utime and stime; after the name, field 3 is index 0.
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / CLK_TCK;
}

/**
 * Busy time (user, nice, system, irq, softirq, steal) of one core, or of all cores when `core` is
 * undefined, in milliseconds, from /proc/stat. Minus our own processes, it shows how much other
 * work on the machine competed with the measurement.
 */
export function busyMs(core?: number): number {
  const label = core === undefined ? "cpu" : `cpu${core}`;
  const line = readFileSync("/proc/stat", "utf8")
    .split("\n")
    .find((l) => l.startsWith(`${label} `));
  if (!line) return Number.NaN;
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = line
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return ((user + nice + system + irq + softirq + steal) * 1000) / CLK_TCK;
}

/** Direct children of `ppid` whose command name is `comm`. */
export function childrenNamed(ppid: number, comm: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, "utf8");
      const name = /^Name:\s*(.*)$/m.exec(status)?.[1];
      const parent = Number(/^PPid:\s*(\d+)$/m.exec(status)?.[1]);
      if (name === comm && parent === ppid) found.push(Number(entry));
    } catch {
      // The process exited while we looked.
    }
  }
  return found;
}

/** Usable cores, read at startup: once run.ts pins itself, availableParallelism() says 1. */
export const CORES = availableParallelism();

/**
 * Pinning needs taskset and at least two usable cores; without them the bench runs unpinned and
 * says so, since server and load generator then compete for the same CPU.
 */
export const pinning: { enabled: boolean; reason: string } = (() => {
  if (CORES < 2) return { enabled: false, reason: "fewer than 2 cores available" };
  if (spawnSync("taskset", ["-V"]).status !== 0) return { enabled: false, reason: "taskset not found" };
  return { enabled: true, reason: "server on core 0, load generator on core 1" };
})();

/** Pins every thread of `pid` to `core` (threads created later inherit it). */
export function pin(pid: number, core: number): void {
  if (!pinning.enabled) return;
  execFileSync("taskset", ["-apc", String(core), String(pid)], { stdio: "ignore" });
}

/** The command prefix that starts a child on `core`: `taskset -c N` or nothing. */
export function onCore(core: number): string[] {
  return pinning.enabled ? ["taskset", "-c", String(core)] : [];
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Rejects after `ms` with a message naming what did not finish: every wait in the bench is bounded. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Children we spawned and have not seen exit, so that a Ctrl-C or an error stops them too. */
const running = new Set<ChildProcess>();

export function track<T extends ChildProcess>(child: T): T {
  running.add(child);
  child.once("exit", () => running.delete(child));
  return child;
}

export async function stopAllChildren(): Promise<void> {
  await Promise.all([...running].map((child) => stopChild(child)));
}

/** SIGTERM, then SIGKILL if the child is still there after `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  try {
    await withTimeout(exited, graceMs, "child exit");
  } catch {
    child.kill("SIGKILL");
    await withTimeout(exited, graceMs, "child exit after SIGKILL").catch(() => undefined);
  }
}

/** Calls `onLine` for each complete line the stream emits. */
export function onLines(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void): void {
  let buffer = "";
  stream?.setEncoding("utf8");
  stream?.on("data", (chunk: string) => {
    buffer += chunk;
    let newline = buffer.indexOf("\n");
    while (newline >= 0) {
      onLine(buffer.slice(0, newline));
      buffer = buffer.slice(newline + 1);
      newline = buffer.indexOf("\n");
    }
  });
}

/**
 * What a bench started, stopped in reverse order and every child process after it: push each
 * piece's stop as soon as it is up, and call `cleanup` on success and on error.
 */
export function stopList(): { readonly cleanups: Array<() => Promise<unknown>>; cleanup(): Promise<void> } {
  const cleanups: Array<() => Promise<unknown>> = [];
  async function cleanup(): Promise<void> {
    for (const stop of cleanups.splice(0).reverse())
      await stop().catch((e: unknown) => console.error("cleanup:", e));
    await stopAllChildren();
  }
  return { cleanups, cleanup };
}

/** Ctrl-C (or a kill) stops what was started before the process exits. */
export function cleanupOnSignals(cleanup: () => Promise<void>): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void cleanup().finally(() => process.exit(130)));
  }
}
