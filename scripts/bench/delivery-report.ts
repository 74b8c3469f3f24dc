/**
 * The delivery bench's figures: the rate the stand-ins allow for the burst sent (from their own
 * `GET /__limits`), the rate achieved (from the times they accepted each message), their 429
 * count (`GET /__stats`) and the D1 statements the engine used per delivered message.
 */
import type { RecordedCall } from "../standins/index.ts";
import type { Burst, Platform } from "./delivery-seed.ts";
import type { WorkerCounts } from "./delivery-setup.ts";

interface Limit {
  limit: number;
  windowMs: number;
}
export type LimitTable = Record<Platform, Record<string, Limit>>;
export type StatsTable = Record<Platform, { accepted: number; rateLimited: number; errors: number }>;

/** Goals for the burst (the wording): ≥ 90 % of the allowed rate, no 429, < 2 statements. */
export const GOALS = { minShare: 0.9, max429s: 0, maxStatementsPerMessage: 2 } as const;

/** The per-channel message limit and the cap over all channels, by platform. */
const LIMIT_NAMES: Record<Platform, { channel: string; cap: string }> = {
  slack: { channel: "chat.postMessage", cap: "chat.postMessage:workspace" },
  discord: { channel: "messages", cap: "global" },
};

const perMs = (spec: Limit | undefined) =>
  spec && spec.limit > 0 && spec.windowMs > 0 ? spec.limit / spec.windowMs : Number.POSITIVE_INFINITY;

/** Steady rate the limits allow for this burst, per second: channels × channel rate, capped. */
export function allowedPerSecond(limits: LimitTable, burst: Burst): number {
  const names = LIMIT_NAMES[burst.platform];
  const table = limits[burst.platform];
  return Math.min(burst.channels * perMs(table[names.channel]), perMs(table[names.cap])) * 1000;
}

/**
 * The shortest time the stand-ins' sliding windows allow for the whole burst (a full window's
 * worth at once, then one more window per window's worth): for context, since the steady rate
 * ignores the first window's burst.
 */
export function fastestMs(limits: LimitTable, burst: Burst): number {
  const names = LIMIT_NAMES[burst.platform];
  const table = limits[burst.platform];
  const span = (messages: number, spec: Limit | undefined) =>
    spec && spec.limit > 0 ? (Math.ceil(messages / spec.limit) - 1) * spec.windowMs : 0;
  const perChannel = Math.ceil(burst.messages / burst.channels);
  return Math.max(span(perChannel, table[names.channel]), span(burst.messages, table[names.cap]));
}

/** Is this recorded call one of the burst's message posts? */
export function isPost(call: RecordedCall, platform: Platform): boolean {
  if (call.platform !== platform) return false;
  return platform === "slack"
    ? call.method === "chat.postMessage"
    : call.method === "POST" && /^\/channels\/\d+\/messages$/.test(call.route);
}

export interface PlatformFigures {
  burst: Burst;
  sent: number;
  notSent: Record<string, number>;
  accepted: number;
  rateLimited: number;
  errors: number;
  elapsedMs: number;
  achievedPerSecond: number;
  allowedPerSecond: number;
  fastestMs: number;
}

export function platformFigures(
  burst: Burst,
  statuses: Record<string, number>,
  posts: readonly RecordedCall[],
  stats: StatsTable,
  limits: LimitTable,
): PlatformFigures {
  const times = posts.map((call) => Date.parse(call.at));
  const elapsedMs = times.length > 1 ? Math.max(...times) - Math.min(...times) : Number.NaN;
  const sent = statuses.sent ?? 0;
  const { sent: _sent, ...notSent } = statuses;
  return {
    burst,
    sent,
    notSent,
    accepted: posts.length,
    rateLimited: stats[burst.platform].rateLimited,
    errors: stats[burst.platform].errors,
    elapsedMs,
    achievedPerSecond: (sent / elapsedMs) * 1000,
    allowedPerSecond: allowedPerSecond(limits, burst),
    fastestMs: fastestMs(limits, burst),
  };
}

const fixed = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : "n/a");
const percent = (share: number) => `${fixed(share * 100, 0)}%`;

export function printPlatform(f: PlatformFigures, limits: LimitTable): void {
  const names = LIMIT_NAMES[f.burst.platform];
  const spec = (name: string) => {
    const s = limits[f.burst.platform][name];
    return s ? `${s.limit} per ${fixed(s.windowMs / 1000, 1)} s` : "none";
  };
  const rows: Array<[string, string]> = [
    ["messages sent (outbox rows)", `${f.sent} of ${f.burst.messages}`],
    ["not sent, by status", Object.keys(f.notSent).length ? JSON.stringify(f.notSent) : "none"],
    ["posts the stand-in accepted", String(f.accepted)],
    ["first to last accepted post", `${fixed(f.elapsedMs / 1000, 1)} s`],
    ["achieved rate", `${fixed(f.achievedPerSecond, 2)} msg/s`],
    [
      "allowed rate",
      `${fixed(f.allowedPerSecond, 2)} msg/s (${f.burst.channels} channels × ${spec(names.channel)}, cap ${spec(names.cap)})`,
    ],
    ["share of allowed rate", percent(f.achievedPerSecond / f.allowedPerSecond)],
    ["fastest the limits allow", `${fixed(f.fastestMs / 1000, 1)} s (a full window at once, then steady)`],
    [
      "fastest ÷ first-to-last",
      f.sent === f.burst.messages ? percent(f.fastestMs / f.elapsedMs) : "n/a (incomplete)",
    ],
    ["429s / other errors", `${f.rateLimited} / ${f.errors}`],
  ];
  console.log(`\n${f.burst.platform}: ${f.burst.messages} messages across ${f.burst.channels} channels`);
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
}

/** What the engine asked of D1 and the queue, from the wrapper's counters. */
export function printEngine(counts: WorkerCounts, sent: number): void {
  console.log("\nengine (all platforms)");
  const kinds = Object.entries(counts.byKind)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, n]) => `${kind} ${n}`)
    .join(", ");
  // The range of delays only: a spread-out deferral can use a hundred different ones.
  const delays = Object.keys(counts.requeuedByDelay).map(Number);
  const range = `${Math.min(...delays)}–${Math.max(...delays)} s`;
  const rows: Array<[string, string]> = [
    ["D1 statements", `${counts.statements} in ${counts.roundTrips} round trips (${kinds})`],
    ["statements per sent message", fixed(counts.statements / sent, 2)],
    [
      "queue invocations",
      `${counts.invocations}, ${counts.messages} messages (${counts.redelivered} redeliveries), at most ${counts.maxActive} at once`,
    ],
    ["deferred to the queue", counts.requeued ? `${counts.requeued} messages, delays ${range}` : "none"],
    ["invocations that threw", String(counts.failures)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
}

export interface Summary {
  share: number;
  rateLimited: number;
  statementsPerMessage: number;
}

/** All platforms together: messages over the whole span, against the sum of their allowed rates. */
export function summarize(
  figures: readonly PlatformFigures[],
  counts: WorkerCounts,
  posts: readonly RecordedCall[],
  stats: StatsTable,
): Summary {
  const sent = figures.reduce((sum, f) => sum + f.sent, 0);
  const times = posts.map((call) => Date.parse(call.at));
  const elapsedMs = Math.max(...times) - Math.min(...times);
  const allowed = figures.reduce((sum, f) => sum + f.allowedPerSecond, 0);
  return {
    share: ((sent / elapsedMs) * 1000) / allowed,
    // Every 429 the stand-ins answered, on either platform and any route.
    rateLimited: stats.slack.rateLimited + stats.discord.rateLimited,
    statementsPerMessage: counts.statements / sent,
  };
}

export function printGoals(summary: Summary): void {
  const verdict = (pass: boolean) => (pass ? "PASS" : "MISS");
  console.log("\ngoals");
  console.log(`  ≥ 90 % of the allowed rate   ${verdict(summary.share >= GOALS.minShare)}`);
  console.log(`  no 429                       ${verdict(summary.rateLimited <= GOALS.max429s)}`);
  console.log(
    `  < 2 D1 statements / message  ${verdict(summary.statementsPerMessage < GOALS.maxStatementsPerMessage)}`,
  );
}

/** The closing line, in the exact form the issue asks for. */
export function closingLine(summary: Summary): string {
  return `delivery: ${percent(summary.share)} of allowed rate, ${summary.rateLimited} 429s, ${fixed(summary.statementsPerMessage, 1)} D1 statements per message`;
}
