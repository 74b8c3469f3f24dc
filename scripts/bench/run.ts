/**
 * `npm run bench [-- --duration 10 --connections 10 --warmup 2 --rounds 3 --direct]`: requests/s, latency and CPU per
 * request on this machine for guyub (Slack and Discord, production bundle in Miniflare), a bare
 * Worker that only verifies a Slack signature (the runtime's floor), a bare Worker that only
 * verifies a Discord Ed25519 signature (the Discord floor) and a minimal Bolt app on Node.
 * Prints a table, ratios and PASS/MISS per goal, and writes .bench/results.json. A MISS is a
 * report, not a failure; a target that answers wrongly is a failure.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startGuyub } from "./guyub.ts";
import { type LoadOptions, measure } from "./measure.ts";
import { CLK_TCK, cleanupOnSignals, pin, pinning, stopList } from "./proc.ts";
import { finish, printMethod, type TargetResult } from "./report.ts";
import * as req from "./requests.ts";
import { buildGuyub, COMPATIBILITY_DATE, type Server, serveWorker, startBolt } from "./servers.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SERVER_CORE = 0;
const LOAD_CORE = 1;

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    warmup: { type: "string", default: "2" },
    // Rounds interleave the targets (A B C D, A B C D, …): a slow spell of this shared machine then
    // hits every target alike, and the report takes each target's median round.
    rounds: { type: "string", default: "3" },
    // Default: Miniflare's own server (its entry worker routes each request), as the issue asks.
    // --direct: the Worker's own socket, without that router (closer to production's CPU cost).
    direct: { type: "boolean", default: false },
  },
});
const direct = args.direct;
const load: LoadOptions = {
  durationSeconds: Number(args.duration),
  connections: Number(args.connections),
  warmupSeconds: Number(args.warmup),
};
const rounds = Number(args.rounds);
const positiveInt = (n: number) => Number.isInteger(n) && n > 0;
if (!positiveInt(rounds)) throw new Error("--rounds must be a positive integer");
if (!positiveInt(load.durationSeconds) || !positiveInt(load.connections) || !(load.warmupSeconds >= 0)) {
  throw new Error("--duration and --connections must be positive integers, --warmup a number ≥ 0");
}
// Each target's request is signed once, just before its check; it must stay valid (5 min) throughout.
const TARGETS = 5;
if ((load.warmupSeconds + load.durationSeconds + 1) * TARGETS * rounds > 270)
  throw new Error(`(--warmup + --duration) × ${TARGETS} targets × --rounds must stay under 270 s`);

// Everything started is stopped in reverse order, also on error and on Ctrl-C.
const { cleanups, cleanup } = stopList();
cleanupOnSignals(cleanup);

async function bench(key: TargetResult["key"], label: string, server: Server, request: req.LoadRequest) {
  process.stdout.write(`  ${label}: ${load.warmupSeconds} s warm-up + ${load.durationSeconds} s measured… `);
  const measurement = await measure(ROOT, request, load, server.pid, {
    server: SERVER_CORE,
    load: LOAD_CORE,
  });
  console.log(`${measurement.requestsPerSecond.toFixed(0)} req/s`);
  const result: TargetResult = { key, label, measurement };
  return result;
}

/** Each target's round with the median throughput: a real measurement, not an average of several. */
function medianRounds(perRound: TargetResult[][]): TargetResult[] {
  return (perRound[0] ?? []).map((first) => {
    const all = perRound.map((round) => round.find((r) => r.key === first.key) ?? first);
    all.sort((a, b) => a.measurement.requestsPerSecond - b.measurement.requestsPerSecond);
    return all[Math.floor(all.length / 2)] ?? first;
  });
}

async function main(): Promise<void> {
  printMethod(load, pinning, CLK_TCK, direct);
  console.log("building guyub's production bundle (wrangler deploy --dry-run --outdir .bench/guyub)…");
  const bundle = await buildGuyub(ROOT, join(ROOT, ".bench/guyub"));
  // From here on this process (stand-ins, Miniflare's Node side) stays off the server's core.
  pin(process.pid, LOAD_CORE);

  const {
    worker: guyub,
    standins,
    secret,
    slack,
    discord: interaction,
    discordKeys,
    discordBody,
    migrations,
  } = await startGuyub({
    root: ROOT,
    bundle,
    direct,
    cleanups,
  });
  pin(guyub.pid, SERVER_CORE);
  console.log(
    `guyub: workerd pid ${guyub.pid}, ${migrations} migration file(s), workspace ${req.BENCH_TEAM_ID} installed through OAuth; stand-ins ${standins.url}`,
  );
  const slackBody = req.slackCommandBody(standins.url);
  const text = (value: string) => ({ type: "text" as const, value });

  const barePath = join(ROOT, "scripts/bench/bare-worker.js");
  const bare = await serveWorker("bare", barePath, { SLACK_SIGNING_SECRET: text(secret) }, direct, {}, [
    "bare-shared.js",
  ]);
  cleanups.push(bare.stop);
  pin(bare.pid, SERVER_CORE);
  const bareRequest = req.signedSlack(`${bare.url}/slack/commands`, secret, slackBody);
  await req.check("bare worker", bareRequest, (status, body) => status === 200 && body.ok === true);

  // The Discord floor: the same signed interaction, verified with Ed25519 as guyub must.
  const bareDiscordPath = join(ROOT, "scripts/bench/bare-discord-worker.js");
  const bareDiscord = await serveWorker(
    "bare-discord",
    bareDiscordPath,
    { DISCORD_PUBLIC_KEY: text(discordKeys.publicKeyHex) },
    direct,
    {},
    ["bare-shared.js"],
  );
  cleanups.push(bareDiscord.stop);
  pin(bareDiscord.pid, SERVER_CORE);
  const bareDiscordRequest = req.signedDiscord(`${bareDiscord.url}/interactions`, discordKeys, discordBody);
  await req.check(
    "bare Discord worker",
    bareDiscordRequest,
    (status, body) => status === 200 && body.type === 4,
  );

  const bolt = await startBolt(ROOT, secret, SERVER_CORE);
  cleanups.push(bolt.stop);
  // Bolt's HTTPReceiver takes commands, events and interactions on one endpoint.
  const boltRequest = req.signedSlack(`${bolt.url}/slack/events`, secret, slackBody);
  await req.check("Bolt on Node", boltRequest, (status) => status === 200);

  // Idle servers cost nothing on the server core, so all stay up and the targets interleave.
  const perRound: TargetResult[][] = [];
  for (let round = 1; round <= rounds; round++) {
    console.log(`round ${round} of ${rounds}`);
    // Platform API calls during guyub's windows: the steady state should make none.
    let calls = standins.state.calls.length;
    const slackResult = await bench("guyubSlack", "guyub Slack", guyub, slack);
    slackResult.platformCalls = standins.state.calls.length - calls;
    calls = standins.state.calls.length;
    const discordResult = await bench("guyubDiscord", "guyub Discord", guyub, interaction);
    discordResult.platformCalls = standins.state.calls.length - calls;
    const bareResult = await bench("bare", "bare worker", bare, bareRequest);
    const bareDiscordResult = await bench(
      "bareDiscord",
      "bare Discord worker",
      bareDiscord,
      bareDiscordRequest,
    );
    const boltResult = await bench("boltNode", "Bolt on Node", bolt, boltRequest);
    perRound.push([slackResult, discordResult, bareResult, bareDiscordResult, boltResult]);
    const ratio = (r: TargetResult, floor = bareResult) =>
      (r.measurement.requestsPerSecond / floor.measurement.requestsPerSecond).toFixed(2);
    console.log(
      `  round ${round} ratios to the bare worker: Slack ${ratio(slackResult)}, Discord ${ratio(discordResult)}; Discord to the bare Discord worker ${ratio(discordResult, bareDiscordResult)}`,
    );
  }
  await cleanup();
  const results = medianRounds(perRound);

  finish(ROOT, join(ROOT, ".bench/results.json"), results, {
    rounds,
    perRound,
    pinning,
    ...load,
    compatibilityDate: COMPATIBILITY_DATE,
    workers: `Miniflare API (workerd), ${direct ? "direct socket" : "via its entry worker"}`,
  });
}

main()
  .catch((error: unknown) => {
    console.error(
      `\nbench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    process.exitCode = 1;
  })
  .finally(async () => {
    await cleanup();
    // Miniflare or keep-alive sockets may hold handles open; everything we started is stopped by now.
    process.exit();
  });
