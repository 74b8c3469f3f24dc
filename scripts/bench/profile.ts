/**
 * `npm run bench:profile [-- --platform slack|discord|both --duration 10 --interval 200 --top 25 --minified]`:
 * where guyub's CPU goes on the bench's `/cop help`. Serves guyub as `npm run bench -- --direct`
 * does (same setup, the Worker's own socket, server and load on separate cores) with workerd's
 * inspector on, starts the V8 sampling profiler through it (`Profiler.start`), replays the signed
 * request with the bench's load generator, stops the profiler and prints the top functions by self
 * time, the packages they live in, and the top inclusive times. Each profile is also written to
 * `.bench/profile-<platform>.cpuprofile` (Chrome DevTools › Performance › Load profile).
 *
 * The bundle is built without minifying (`--minify=false`) so that functions keep their names and
 * each line maps to its module; `--minified` profiles the production bundle itself.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { type CpuProfile, inspect, moduleIndex, printSummary, summarize } from "./cpu-profile.ts";
import { startGuyub } from "./guyub.ts";
import { measure } from "./measure.ts";
import { cleanupOnSignals, freePort, pin, stopList } from "./proc.ts";
import { buildGuyub } from "./servers.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SERVER_CORE = 0;
const LOAD_CORE = 1;

const { values: args } = parseArgs({
  options: {
    platform: { type: "string", default: "both" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    // Microseconds between samples (V8's default is 1000; 0.1–0.3 ms requests need finer).
    interval: { type: "string", default: "200" },
    top: { type: "string", default: "25" },
    minified: { type: "boolean", default: false },
  },
});
const platforms = args.platform === "both" ? ["slack", "discord"] : [args.platform];
if (!platforms.every((p) => p === "slack" || p === "discord"))
  throw new Error("--platform must be slack, discord or both");
const durationSeconds = Number(args.duration);
const connections = Number(args.connections);
const interval = Number(args.interval);
const top = Number(args.top);
if (![durationSeconds, connections, interval, top].every((n) => Number.isInteger(n) && n > 0))
  throw new Error("--duration, --connections, --interval and --top must be positive integers");

const { cleanups, cleanup } = stopList();
cleanupOnSignals(cleanup);

async function main(): Promise<void> {
  const outdir = join(ROOT, ".bench/profile");
  console.log(
    `building guyub (${args.minified ? "production bundle" : "unminified, for names"}) in ${outdir}…`,
  );
  const bundlePath = await buildGuyub(ROOT, outdir, undefined, args.minified ? [] : ["--minify=false"]);
  const moduleAt = moduleIndex(readFileSync(bundlePath, "utf8"));
  pin(process.pid, LOAD_CORE);
  const inspectorPort = await freePort();
  const guyub = await startGuyub({
    root: ROOT,
    bundle: bundlePath,
    direct: true,
    cleanups,
    shared: { inspectorPort },
  });
  pin(guyub.worker.pid, SERVER_CORE);
  const inspector = await inspect(`ws://127.0.0.1:${inspectorPort}/core:user:guyub`);
  cleanups.push(async () => inspector.close());
  await inspector.send("Profiler.enable");
  await inspector.send("Profiler.setSamplingInterval", { interval });

  for (const platform of platforms) {
    const request = platform === "slack" ? guyub.slack : guyub.discord;
    // Warm up without the profiler (JIT, caches), then profile a window of its own.
    await measure(ROOT, request, { warmupSeconds: 0, durationSeconds: 2, connections }, guyub.worker.pid, {
      server: SERVER_CORE,
      load: LOAD_CORE,
    });
    await inspector.send("Profiler.start");
    const m = await measure(
      ROOT,
      request,
      { warmupSeconds: 0, durationSeconds, connections },
      guyub.worker.pid,
      {
        server: SERVER_CORE,
        load: LOAD_CORE,
      },
    );
    const { profile } = await inspector.send<{ profile: CpuProfile }>("Profiler.stop");
    const file = join(ROOT, `.bench/profile-${platform}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    console.log(
      `\n${platform}: ${m.requestsPerSecond.toFixed(0)} req/s, ${m.serverCpuMsPerRequest.toFixed(3)} ms CPU/request (profiler on: higher than the bench's); wrote ${file}`,
    );
    printSummary(`guyub ${platform} /cop help`, summarize(profile, moduleAt, top), m.requests);
  }
}

main()
  .catch((error: unknown) => {
    console.error(
      `\nprofile failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    process.exitCode = 1;
  })
  .finally(async () => {
    await cleanup();
    process.exit();
  });
