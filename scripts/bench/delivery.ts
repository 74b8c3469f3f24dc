/**
 * `npm run bench:delivery [-- --platform slack|discord|both --messages 2000 --channels 20
 * --order interleaved|grouped --latency-ms 0 --timeout 360]`: a burst of outbox messages across
 * channels, delivered by guyub's real delivery engine (the production bundle's queue consumer, in
 * workerd with a local D1 and queue configured from wrangler.toml) to the Slack/Discord stand-ins
 * at real-time rate limits. Reports the achieved rate as a share of
 * what the stand-ins allow, their 429s and the D1 statements per message, and ends with one line:
 * `delivery: 93% of allowed rate, 0 429s, 1.6 D1 statements per message`.
 *
 * Bounded: a hard timeout (default 6 minutes) stops everything; only 127.0.0.1 is used; Miniflare's
 * workerd and the stand-ins are stopped on every exit path. A missed goal is a report, not a
 * failure; rows left unsent or a run that does not finish is a failure (exit 1).
 */
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { type RunningStandins, startStandins } from "../standins/index.ts";
import {
  closingLine,
  isPost,
  type LimitTable,
  type PlatformFigures,
  platformFigures,
  printEngine,
  printGoals,
  printPlatform,
  type StatsTable,
  summarize,
} from "./delivery-report.ts";
import {
  type Burst,
  enqueue,
  interleave,
  type Order,
  type Platform,
  rowStatuses,
  type StatusCounts,
  seedBurst,
} from "./delivery-seed.ts";
import { type DeliveryWorker, readWranglerFacts, startDeliveryWorker } from "./delivery-setup.ts";
import { stopList } from "./proc.ts";
import { buildGuyub } from "./servers.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

const { values: args } = parseArgs({
  options: {
    platform: { type: "string", default: "slack" },
    messages: { type: "string", default: "2000" },
    channels: { type: "string", default: "20" },
    // interleaved (default): channel after channel in turn; grouped: each channel's backlog in one stretch.
    order: { type: "string", default: "interleaved" },
    // Holds every message call this long at the stand-in (a delay-only fault): a platform's own
    // response time, which loopback calls do not have. 0 by default: the goals are stated without it.
    "latency-ms": { type: "string", default: "0" },
    // Everything, the build included, must finish within this; then the bench stops itself.
    timeout: { type: "string", default: "360" },
  },
});
if (!["slack", "discord", "both"].includes(args.platform))
  throw new Error("--platform: slack, discord or both");
if (!["interleaved", "grouped"].includes(args.order)) throw new Error("--order: interleaved or grouped");
const platforms: Platform[] =
  args.platform === "both" ? ["slack", "discord"] : args.platform === "discord" ? ["discord"] : ["slack"];
const order = args.order as Order;
const messages = Number(args.messages);
const channels = Number(args.channels);
const timeoutMs = Number(args.timeout) * 1000;
const latencyMs = Number(args["latency-ms"]);
if (!Number.isInteger(latencyMs) || latencyMs < 0 || latencyMs > 10_000)
  throw new Error("--latency-ms must be an integer from 0 to 10000");
if (!Number.isInteger(messages) || !Number.isInteger(channels) || channels < 1 || messages < channels)
  throw new Error("--messages and --channels must be integers, at least one message per channel");
if (!(timeoutMs > 0)) throw new Error("--timeout must be a positive number of seconds");
const bursts: Burst[] = platforms.map((platform) => ({ platform, messages, channels, order }));

// Everything started is stopped in reverse order, on success, error, Ctrl-C and the hard timeout.
const { cleanups, cleanup } = stopList();
/** Set once the bench is being stopped from outside main(): its errors are then only echoes. */
let stopping = false;
function bail(code: number, why: string): void {
  if (stopping) return;
  stopping = true;
  process.exitCode = code;
  console.error(`\nbench:delivery stopped: ${why}`);
  // Cleanup gets ten seconds; a hung dispose must not keep the bench alive past its bound.
  setTimeout(() => process.exit(code), 10_000).unref();
  void cleanup().finally(() => process.exit(code));
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => bail(130, signal));
const started = Date.now();
setTimeout(() => bail(1, `hard timeout after ${timeoutMs / 1000} s`), timeoutMs).unref();
const remainingMs = () => timeoutMs - (Date.now() - started);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function control<T>(standins: RunningStandins, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${standins.url}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: body === undefined ? undefined : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`stand-ins ${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

const pendingOf = (statuses: StatusCounts) =>
  platforms.reduce((sum, platform) => sum + (statuses[platform].pending ?? 0), 0);
const sentOf = (statuses: StatusCounts) =>
  platforms.reduce((sum, platform) => sum + (statuses[platform].sent ?? 0), 0);

/**
 * Polls the outbox until no bench row is pending, printing progress every ten seconds. At the
 * deadline it returns what it has, so that a slow run still reports how slow it was.
 */
async function waitForDelivery(
  worker: DeliveryWorker,
  total: number,
  deadlineMs: number,
): Promise<{ statuses: StatusCounts; complete: boolean }> {
  const begin = Date.now();
  let lastReport = begin;
  for (;;) {
    const statuses = await rowStatuses(worker.mf);
    if (pendingOf(statuses) === 0) return { statuses, complete: true };
    if (Date.now() - lastReport >= 10_000) {
      lastReport = Date.now();
      console.log(`  ${Math.round((lastReport - begin) / 1000)} s: ${sentOf(statuses)} of ${total} sent`);
    }
    if (Date.now() > deadlineMs) return { statuses, complete: false };
    await sleep(1_000);
  }
}

/** Waits until no queue invocation is running and none has started for two batch timeouts. */
async function waitForQuiet(worker: DeliveryWorker): Promise<void> {
  let last = await worker.counts();
  for (let i = 0; i < 30; i++) {
    await sleep(1_000);
    const now = await worker.counts();
    if (now.active === 0 && now.invocations === last.invocations && i >= 1) return;
    last = now;
  }
  throw new Error("the queue consumer did not go quiet within 30 s");
}

async function main(): Promise<void> {
  const facts = readWranglerFacts(ROOT);
  console.log(
    `delivery bench: ${bursts.map((b) => `${b.messages} ${b.platform}`).join(" + ")} messages across ${channels} channels each (${order}), real-time limits${latencyMs ? `, ${latencyMs} ms per message call` : ""}`,
  );
  console.log(`OUTBOX consumer from wrangler.toml: ${JSON.stringify(facts.outbox)}`);
  console.log("building guyub's production bundle (wrangler deploy --dry-run --outdir .bench/delivery)…");
  const bundle = await buildGuyub(ROOT, join(ROOT, ".bench/delivery"));

  const secrets = {
    slackBotToken: `xoxb-bench-${randomBytes(8).toString("hex")}`,
    discordBotToken: `bench-discord-${randomBytes(8).toString("hex")}`,
    discordApplicationId: "100000000000000001",
  };
  // Time scale 1: the stand-ins enforce the platforms' real windows, and report them in /__limits.
  const standins = await startStandins({
    port: 0,
    host: "127.0.0.1",
    config: {
      timeScale: 1,
      slackTokens: [secrets.slackBotToken],
      discordBotToken: secrets.discordBotToken,
      discordApplicationId: secrets.discordApplicationId,
    },
  });
  cleanups.push(() => standins.close());
  const worker = await startDeliveryWorker(
    ROOT,
    bundle,
    facts,
    { ...secrets, standinsUrl: standins.url },
    (stop) => cleanups.push(stop),
  );
  const limits = await control<LimitTable>(standins, "/__limits");
  if (latencyMs > 0) {
    // Twice the burst: room for any call the engine repeats. Matches message posts only.
    for (const burst of bursts) {
      const match = burst.platform === "slack" ? "chat.postMessage" : "POST /channels/";
      const fault = { platform: burst.platform, match, count: burst.messages * 2, delayMs: latencyMs };
      await control(standins, "/__faults", fault);
    }
  }

  const ids = interleave(await Promise.all(bursts.map((burst) => seedBurst(worker.mf, burst))));
  console.log(`seeded ${ids.length} outbox rows; stand-ins ${standins.url}; enqueueing and delivering…`);
  await enqueue(worker.mf, ids);
  // Leave 20 s of the hard bound for reading the figures and stopping everything.
  const { statuses, complete } = await waitForDelivery(
    worker,
    ids.length,
    Date.now() + remainingMs() - 20_000,
  );
  // The last invocation writes its pacing state after its last send: wait for it to be counted.
  if (complete) await waitForQuiet(worker);

  const counts = await worker.counts();
  const stats = await control<StatsTable>(standins, "/__stats");
  const calls = standins.state.calls;
  const figures: PlatformFigures[] = bursts.map((burst) =>
    platformFigures(
      burst,
      statuses[burst.platform],
      calls.filter((call) => isPost(call, burst.platform)),
      stats,
      limits,
    ),
  );
  await cleanup();

  for (const f of figures) printPlatform(f, limits);
  const sent = figures.reduce((sum, f) => sum + f.sent, 0);
  printEngine(counts, sent);
  const posts = calls.filter((call) => platforms.some((platform) => isPost(call, platform)));
  const summary = summarize(figures, counts, posts, stats);
  printGoals(summary);
  if (!complete)
    throw new Error(`INCOMPLETE: ${ids.length - sent} of ${ids.length} rows unsent at the deadline`);
  if (sent !== ids.length)
    throw new Error(`${ids.length - sent} rows were not sent (see "not sent, by status")`);
  console.log(`\n${closingLine(summary)}`);
}

main()
  .catch((error: unknown) => {
    if (stopping) return;
    console.error(
      `\nbench:delivery failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    process.exitCode = 1;
  })
  .finally(async () => {
    await cleanup();
    // Miniflare or keep-alive sockets may hold handles open; everything we started is stopped by now.
    process.exit();
  });
