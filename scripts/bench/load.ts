/**
 * The load generator, run by run.ts as its own process (pinned to core 1) so that autocannon never
 * shares the server's core. Reads one JSON object from the BENCH_LOAD environment variable:
 * `{ url, method, headers, body, warmupSeconds, durationSeconds, connections }`.
 *
 * Prints JSON lines on stdout: `{"event":"measure-start"}` when the warm-up is over (run.ts samples
 * the server's CPU time then), and `{"event":"result","result":{…}}` with autocannon's result when
 * the measurement is over (run.ts samples again), so CPU time covers exactly the measured window.
 * It then waits to be stopped.
 */
import autocannon from "autocannon";

interface LoadConfig {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  warmupSeconds: number;
  durationSeconds: number;
  connections: number;
}

const say = (message: object) => process.stdout.write(`${JSON.stringify(message)}\n`);

// If run.ts dies without stopping us (SIGKILL, a killed tsx parent), do not linger as an orphan.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.exit(1);
}, 1000).unref();

async function main(): Promise<void> {
  const raw = process.env.BENCH_LOAD;
  if (!raw) throw new Error("BENCH_LOAD is not set: run this through `npm run bench`.");
  const config = JSON.parse(raw) as LoadConfig;
  const run = (duration: number) =>
    autocannon({
      url: config.url,
      method: config.method,
      headers: config.headers,
      body: config.body,
      connections: config.connections,
      duration,
      pipelining: 1,
      timeout: 10,
    });
  // Warm-up: JIT, connection setup and caches, not counted.
  if (config.warmupSeconds > 0) await run(config.warmupSeconds);
  say({ event: "measure-start" });
  const result = await run(config.durationSeconds);
  say({ event: "result", result });
  // Stay alive until run.ts stops us (SIGTERM), so it can still read our CPU time from /proc after
  // the result; the timer bounds the wait if run.ts is gone.
  setTimeout(() => process.exit(0), 30_000);
}

main().catch((error: unknown) => {
  process.stderr.write(`load generator failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
