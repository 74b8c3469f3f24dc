/**
 * The profiler's two halves: a minimal Chrome DevTools protocol client for workerd's inspector
 * (`Profiler.start` / `Profiler.stop` over a WebSocket) and the summary printed from a profile —
 * self time per function and per module, and inclusive time per function.
 */

/** A V8 CPU profile, as `Profiler.stop` returns it (and Chrome DevTools loads it). */
export interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
    children?: number[];
  }>;
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** One inspector session: `send` a method, get its result (errors reject). */
export async function inspect(url: string): Promise<{
  send<T = unknown>(method: string, params?: object): Promise<T>;
  close(): void;
}> {
  const socket = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener("open", () => resolve(), { once: true });
    socket.addEventListener("error", () => reject(new Error(`cannot connect to ${url}`)), { once: true });
  });
  let next = 1;
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  socket.addEventListener("message", (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown; error?: unknown };
    const pending = message.id === undefined ? undefined : waiting.get(message.id);
    if (!pending || message.id === undefined) return;
    waiting.delete(message.id);
    if (message.error) pending.reject(new Error(JSON.stringify(message.error)));
    else pending.resolve(message.result);
  });
  return {
    send: <T>(method: string, params: object = {}) =>
      new Promise<T>((resolve, reject) => {
        const id = next++;
        waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
        socket.send(JSON.stringify({ id, method, params }));
      }),
    close: () => socket.close(),
  };
}

/**
 * The module a bundle line belongs to: esbuild's unminified output opens each module with a
 * `// path/to/module.ts` comment line, so the last such line above it names it.
 */
export function moduleIndex(bundle: string): (line: number) => string {
  const starts: Array<{ line: number; module: string }> = [];
  bundle.split("\n").forEach((text, line) => {
    const match = /^\/\/ ((?:src|node_modules|scripts)\/\S+)$/.exec(text);
    if (match?.[1]) starts.push({ line, module: match[1] });
  });
  return (line) => {
    let low = 0;
    let high = starts.length - 1;
    let found = "(bundle)";
    while (low <= high) {
      const mid = (low + high) >> 1;
      const start = starts[mid];
      if (start && start.line <= line) {
        found = start.module;
        low = mid + 1;
      } else high = mid - 1;
    }
    return found;
  };
}

/** A package (`zod`, `@slack/bolt`) or guyub's own folder (`src/core/commands`). */
export function packageOf(module: string): string {
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(module);
  if (inModules?.[1]) return inModules[1];
  return module.includes("/") ? module.slice(0, module.lastIndexOf("/")) : module;
}

export interface Row {
  name: string;
  ms: number;
  share: number;
}

export interface Summary {
  sampledMs: number;
  /** (idle) excluded: time the isolate had no JavaScript or native work to do. */
  busyMs: number;
  self: Row[];
  inclusive: Row[];
  packages: Row[];
}

/** Self and inclusive time from the samples; shares are of the busy (non-idle) time. */
export function summarize(profile: CpuProfile, moduleAt: (line: number) => string, top: number): Summary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const label = (id: number) => {
    const frame = byId.get(id)?.callFrame;
    if (!frame) return "?";
    if (!frame.url) return frame.functionName || "(anonymous)";
    const where =
      frame.url.endsWith(".js") && !frame.url.includes("/") ? moduleAt(frame.lineNumber) : frame.url;
    return `${frame.functionName || "(anonymous)"}  ${where}:${frame.lineNumber + 1}`;
  };
  const pkg = (id: number) => {
    const frame = byId.get(id)?.callFrame;
    if (!frame?.url) return frame?.functionName || "(native)";
    return packageOf(frame.url.includes("/") ? frame.url : moduleAt(frame.lineNumber));
  };
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const packages = new Map<string, number>();
  let sampledUs = 0;
  let idleUs = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i + 1] ?? 0;
    sampledUs += us;
    const name = label(id);
    if (byId.get(id)?.callFrame.functionName === "(idle)") {
      idleUs += us;
      return;
    }
    self.set(name, (self.get(name) ?? 0) + us);
    packages.set(pkg(id), (packages.get(pkg(id)) ?? 0) + us);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = label(at);
      if (seen.has(frame)) continue;
      seen.add(frame);
      inclusive.set(frame, (inclusive.get(frame) ?? 0) + us);
    }
  });
  const busyUs = sampledUs - idleUs;
  const rows = (map: Map<string, number>): Row[] =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: us / 1000, share: busyUs > 0 ? us / busyUs : 0 }));
  return {
    sampledMs: sampledUs / 1000,
    busyMs: busyUs / 1000,
    self: rows(self),
    inclusive: rows(inclusive).filter((row) => row.name !== "(root)"),
    packages: rows(packages),
  };
}

export function printSummary(title: string, summary: Summary, requests: number): void {
  const perRequest = (ms: number) => (requests > 0 ? `${((ms / requests) * 1000).toFixed(1)} µs/req` : "");
  const print = (heading: string, rows: Row[]) => {
    console.log(`\n  ${heading}`);
    for (const row of rows)
      console.log(
        `  ${(row.share * 100).toFixed(1).padStart(5)} %  ${perRequest(row.ms).padStart(13)}  ${row.name}`,
      );
  };
  console.log(
    `\n${title}: ${summary.busyMs.toFixed(0)} ms busy of ${summary.sampledMs.toFixed(0)} ms sampled, ${requests} requests (${perRequest(summary.busyMs)} busy)`,
  );
  print("self time, by function", summary.self);
  print("self time, by package or folder", summary.packages);
  print("inclusive time, by function", summary.inclusive);
}
