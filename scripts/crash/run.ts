/**
 * `npm run test:crash [-- --messages 300 --channels 30 --latency-ms 40 --kill-at 0.3]`: a crash in
 * the middle of a burst, the way it happens. guyub's production bundle runs in workerd (Miniflare)
 * on a D1 and queues kept on disk; a burst of outbox messages goes to the Slack and Discord
 * stand-ins; once part of it is sent, the Worker is killed mid-send (Miniflare disposed), started
 * again on the same disk, the cron fires (the sweep), and the queue drains.
 *
 * Then, from the stand-ins' records and guyub's outbox: every row is sent (nothing lost); on
 * Discord no message exists twice (a repeat of an unrecorded send carries the same nonce, which
 * Discord recognises for a few minutes); on Slack, which has no idempotency key, a message may be
 * posted twice only if its call was under way at the kill (at most six calls are in flight).
 * Exit 1 if any of that fails. Offline, 127.0.0.1 only, bounded by --timeout.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { Miniflare } from "miniflare";
import { enqueue, interleave, type Platform, seedBurst } from "../bench/delivery-seed.ts";
import { applyMigrations } from "../bench/delivery-setup.ts";
import { stopAllChildren } from "../bench/proc.ts";
import { buildGuyub } from "../bench/servers.ts";
import { type RunningStandins, startStandins } from "../standins/index.ts";
import { countRepeats, type Repeats } from "./repeats.ts";
import { fireCron, rowState, startGuyub } from "./world.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** Calls one delivery invocation has in flight at most (src/delivery/engine.ts MAX_IN_FLIGHT). */
const MAX_IN_FLIGHT = 6;
const PLATFORMS: Platform[] = ["slack", "discord"];

const { values: args } = parseArgs({
  options: {
    messages: { type: "string", default: "300" },
    channels: { type: "string", default: "30" },
    "latency-ms": { type: "string", default: "40" },
    "kill-at": { type: "string", default: "0.3" },
    timeout: { type: "string", default: "300" },
  },
});
const messages = Number(args.messages);
const channels = Number(args.channels);
const latencyMs = Number(args["latency-ms"]);
const killAt = Number(args["kill-at"]);
if (!Number.isInteger(messages) || !Number.isInteger(channels) || channels < 1 || messages < channels)
  throw new Error("--messages and --channels must be integers, at least one message per channel");
if (!(killAt > 0 && killAt < 1)) throw new Error("--kill-at is a share of the burst, between 0 and 1");

const cleanups: Array<() => Promise<unknown>> = [];
async function cleanup(): Promise<void> {
  for (const stop of cleanups.splice(0).reverse()) await stop().catch(() => undefined);
  await stopAllChildren();
}
setTimeout(() => {
  console.error(`\ntest:crash stopped: hard timeout after ${args.timeout} s`);
  void cleanup().finally(() => process.exit(1));
}, Number(args.timeout) * 1000).unref();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls guyub's outbox until `done` holds, or fails at the deadline. */
async function waitFor(
  mf: Miniflare,
  what: string,
  done: (sent: number, pending: number) => boolean,
  ms: number,
) {
  const deadline = Date.now() + ms;
  for (;;) {
    const state = await rowState(mf);
    if (done(state.sent, state.pending)) return state;
    if (Date.now() > deadline)
      throw new Error(`${what}: still ${JSON.stringify(state)} after ${ms / 1000} s`);
    await sleep(50);
  }
}

async function main(): Promise<void> {
  const total = messages * PLATFORMS.length;
  console.log(`crash test: ${messages} Slack + ${messages} Discord posts across ${channels} channels each, `);
  console.log(
    `  ${latencyMs} ms per platform call, the Worker killed once ${Math.round(killAt * 100)} % are sent`,
  );
  const bundle = await buildGuyub(ROOT, join(ROOT, ".bench/crash"));
  const persistDir = mkdtempSync(join(tmpdir(), "guyub-crash-"));
  cleanups.push(async () => rmSync(persistDir, { recursive: true, force: true }));
  const secrets = {
    slackBotToken: `xoxb-crash-${randomBytes(8).toString("hex")}`,
    discordBotToken: `crash-discord-${randomBytes(8).toString("hex")}`,
    discordApplicationId: "100000000000000001",
  };
  const standins: RunningStandins = await startStandins({
    port: 0,
    config: {
      timeScale: 1,
      slackTokens: [secrets.slackBotToken],
      discordBotToken: secrets.discordBotToken,
      discordApplicationId: secrets.discordApplicationId,
    },
  });
  cleanups.push(() => standins.close());
  // Every post takes a while at the platform, so calls are under way when the Worker dies.
  for (const [platform, match] of [
    ["slack", "chat.postMessage"],
    ["discord", "POST /channels/"],
  ] as const)
    standins.state.faults.push({ platform, match, count: total * 4, delayMs: latencyMs });
  const world = { ...secrets, standinsUrl: standins.url };

  const first = await startGuyub(ROOT, bundle, persistDir, world);
  let firstAlive = true;
  cleanups.push(async () => firstAlive && first.dispose());
  await applyMigrations(first, join(ROOT, "migrations"));
  const bursts = PLATFORMS.map((platform) => ({
    platform,
    messages,
    channels,
    order: "interleaved" as const,
  }));
  const ids = interleave(await Promise.all(bursts.map((burst) => seedBurst(first, burst))));
  await enqueue(first, ids);
  const atKill = await waitFor(first, "the burst", (sent) => sent >= total * killAt, 120_000);
  await first.dispose(); // the Worker dies mid-send: no finally, no flush, no acknowledgement
  firstAlive = false;
  const callsAtKill = standins.state.calls.length;
  console.log(`killed with ${atKill.sent} of ${total} rows recorded as sent`);

  const second = await startGuyub(ROOT, bundle, persistDir, world);
  cleanups.push(() => second.dispose());
  const restarted = await rowState(second);
  console.log(
    `restarted on the same disk: ${restarted.pending} pending, ${restarted.claimed} of them claimed`,
  );
  // The cron's delivery sweep, 20 minutes on: whatever the queue lost is enqueued again.
  await fireCron(second, new Date(Date.now() + 20 * 60_000));
  const end = await waitFor(second, "draining", (sent, pending) => pending === 0 && sent > 0, 150_000);

  const repeats: Record<Platform, Repeats> = {
    slack: countRepeats(standins.state.calls, "slack"),
    discord: countRepeats(standins.state.calls, "discord"),
  };
  await cleanup();
  report(total, end, repeats, standins.state.calls.length - callsAtKill);
}

function report(
  total: number,
  end: Awaited<ReturnType<typeof rowState>>,
  repeats: Record<Platform, Repeats>,
  after: number,
) {
  const failures: string[] = [];
  console.log(`\nafter the restart: ${after} more platform calls; rows: ${JSON.stringify(end)}`);
  if (end.sent !== total) failures.push(`${total - end.sent} rows were not sent (lost)`);
  for (const platform of PLATFORMS) {
    const r = repeats[platform];
    console.log(
      `${platform}: ${r.distinct} distinct messages, ${r.created} created on the platform, ${r.calls} create calls, ${r.recognised} repeats the platform recognised, ${r.doubled} posted twice`,
    );
    if (r.distinct !== messages) failures.push(`${platform}: ${r.distinct} of ${messages} messages arrived`);
  }
  // Discord: a repeat carries the first call's nonce and returns the first message.
  if (repeats.discord.doubled > 0) failures.push(`discord: ${repeats.discord.doubled} messages exist twice`);
  // Slack cannot recognise a repeat: only a call under way at the kill may have been repeated.
  if (repeats.slack.doubled > MAX_IN_FLIGHT)
    failures.push(
      `slack: ${repeats.slack.doubled} messages posted twice, more than the ${MAX_IN_FLIGHT} calls in flight`,
    );
  if (failures.length > 0) {
    console.error(`\ntest:crash FAILED:\n  ${failures.join("\n  ")}`);
    process.exitCode = 1;
    return;
  }
  console.log(
    `\ncrash: nothing lost; Discord ${repeats.discord.recognised} repeats recognised by nonce, 0 doubled; Slack ${repeats.slack.doubled} doubled (no idempotency key; ≤ ${MAX_IN_FLIGHT} in flight)`,
  );
}

main()
  .catch((error: unknown) => {
    console.error(
      `\ntest:crash failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    process.exitCode = 1;
  })
  .finally(async () => {
    await cleanup();
    process.exit();
  });
