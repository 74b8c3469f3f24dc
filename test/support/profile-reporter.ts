import type { Reporter, TestModule } from "vitest/node";

/**
 * `npm run test:profile`: where the suite's time goes. Vitest's own summary gives shares of a sum
 * that leaves out the start of each test file's workerd isolate (Miniflare), which is where most of
 * the time went before files shared isolates; this reporter prints seconds: the wall time, each
 * phase summed over files, what no phase accounts for (isolate start and waiting), and the slowest
 * files and imports. The figures are written up in docs/toolchain.md.
 */
export default class ProfileReporter implements Reporter {
  private started = 0;

  onTestRunStart(): void {
    this.started = performance.now();
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const wall = (performance.now() - this.started) / 1000;
    const sum = (pick: (m: TestModule) => number) => modules.reduce((s, m) => s + pick(m), 0) / 1000;
    const phases = {
      "environment setup": sum((m) => m.diagnostic().environmentSetupDuration),
      "runner prepare": sum((m) => m.diagnostic().prepareDuration),
      "setup files": sum((m) => m.diagnostic().setupDuration),
      "import (collect)": sum((m) => m.diagnostic().collectDuration),
      "tests and hooks": sum((m) => m.diagnostic().duration),
    };
    const workers = new Set(modules.map((m) => m.diagnostic().concurrencyId)).size;
    const busy = Object.values(phases).reduce((a, b) => a + b, 0);
    const lines = [
      "",
      `profile: ${modules.length} files on ${workers} worker(s), ${wall.toFixed(1)} s wall`,
      ...Object.entries(phases).map(([name, s]) => `  ${name.padEnd(20)} ${s.toFixed(1).padStart(7)} s`),
      `  ${"outside any phase".padEnd(20)} ${(wall * workers - busy).toFixed(1).padStart(7)} s  (wall × workers − phases: isolate starts, transforms, idle)`,
      "slowest files (tests and hooks, setup, import):",
      ...[...modules]
        .sort((a, b) => b.diagnostic().duration - a.diagnostic().duration)
        .slice(0, 8)
        .map((m) => {
          const d = m.diagnostic();
          const s = (ms: number) => (ms / 1000).toFixed(2).padStart(6);
          return `  ${s(d.duration)} ${s(d.setupDuration)} ${s(d.collectDuration)}  ${m.relativeModuleId}`;
        }),
    ];
    console.log(lines.join("\n"));
  }
}
