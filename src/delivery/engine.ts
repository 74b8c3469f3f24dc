import type { PaceStep, SendPort, SendReport, SendRequest } from "../core/delivery.ts";
import type { Db } from "../db/client.ts";
import { PaceBook } from "./pace.ts";
import { backoffSeconds, requestFor } from "./requests.ts";
import { type LoadedRow, loadBlocks, loadRows, RowWrites } from "./rows.ts";

/** One queue message carrying one outbox id; `ack`/`retry` as on Cloudflare's queue messages. */
export interface DeliveryMessage {
  readonly id: number;
  /** How often the queue has delivered this message (1 on the first delivery). */
  readonly attempts: number;
  ack(): void;
  retry(options?: { delaySeconds?: number }): void;
}

export interface DeliveryDeps {
  readonly db: Db;
  readonly d1: D1Database;
  /** The send port for a community's platform and workspace; null when it is not configured. */
  senderFor(platform: LoadedRow["platform"], workspaceId: string): SendPort | null;
  /** Puts ids back on the queue after a delay (pacing deferrals, new fallback rows). */
  requeue(ids: readonly number[], delaySeconds: number): Promise<void>;
  /** Real time in ms, for pacing against the platforms' own clocks. */
  readonly nowMs: () => number;
  /** The clock that decides whether a message has expired (injectable, like the jobs' clock). */
  readonly clock: () => Date;
  readonly sleep: (ms: number) => Promise<void>;
  /** The longest this invocation waits for a pacing slot before deferring a message instead. */
  readonly holdMs: number;
  /** Tries before a message is marked dead (the queue's max_retries + 1). */
  readonly maxAttempts: number;
}

/** Consecutive 401/403 answers before a platform is left alone for a while (invalid-request ban). */
const AUTH_STRIKES = 3;
const AUTH_PAUSE_MS = 10 * 60_000;
/** A message rate-limited this often in one invocation is deferred rather than retried at once. */
const MAX_RATE_LIMITS = 3;
/**
 * Calls in flight at once in one invocation: a Worker keeps at most six connections open at a
 * time, and overlapping calls is what keeps throughput at the platforms' limits when each call
 * takes 100 ms or more (sequential calls reached 43 % of the allowed rate at 100 ms).
 */
const MAX_IN_FLIGHT = 6;

interface Item {
  readonly message: DeliveryMessage;
  readonly row: LoadedRow;
  readonly sender: SendPort;
  readonly request: SendRequest;
  readonly steps: readonly PaceStep[];
  rateLimits: number;
}

/**
 * Sends one batch of outbox messages: each at the earliest moment its pacing keys allow, so the
 * platforms never need to answer 429; a row already sent is never sent again; what cannot be
 * sent yet waits on the queue; what fails is retried with backoff until it is marked dead. Only
 * a message whose own handling throws is retried alone: the rest of the batch is acknowledged.
 */
export async function deliverBatch(deps: DeliveryDeps, messages: readonly DeliveryMessage[]): Promise<void> {
  const unique = new Map<number, DeliveryMessage>();
  for (const message of messages) {
    // The same id twice in one batch (a sweep overlapping a deferral): the first copy does the work.
    if (unique.has(message.id)) message.ack();
    else unique.set(message.id, message);
  }
  if (unique.size === 0) return;
  const rows = await loadRows(deps.db, [...unique.keys()]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const blocks = await loadBlocks(deps.db, [...new Set(rows.map((row) => row.community_id))]);
  const pace = new PaceBook();
  const work: Item[] = [];

  for (const [id, message] of unique) {
    const row = byId.get(id);
    if (!row) {
      // Pruned or never committed: nothing to send.
      message.ack();
      continue;
    }
    try {
      const item = await prepare(deps, message, row, blocks);
      if (item) work.push(item);
    } catch (error) {
      console.error("outbox row could not be prepared", { id, error });
      message.retry({ delaySeconds: backoffSeconds(message.attempts) });
    }
  }
  await pace.load(
    deps.db,
    work.flatMap((item) => item.steps.map((step) => step.key)),
  );

  // Sends overlap. Each slot is taken (noted) when its call starts, so pacing holds
  // whatever the platform's response time; a key without an interval (a Discord bucket, paced by
  // its response headers) has at most one call in flight.
  const inflight = new Set<Promise<void>>();
  const busy = new Set<string>();
  const blocked = (item: Item) => item.steps.some((step) => step.intervalMs === 0 && busy.has(step.key));
  const readyOf = (item: Item) => (blocked(item) ? Number.POSITIVE_INFINITY : pace.readyAt(item.steps));
  try {
    while (work.length > 0 || inflight.size > 0) {
      if (work.length === 0 || inflight.size >= MAX_IN_FLIGHT) {
        await Promise.race(inflight);
        continue;
      }
      const now = deps.nowMs();
      work.sort((a, b) => readyOf(a) - readyOf(b));
      const first = work[0] as Item;
      const readyAt = readyOf(first);
      if (readyAt === Number.POSITIVE_INFINITY || (readyAt - now > deps.holdMs && inflight.size > 0)) {
        // Wait for a call to finish: it may free a key or bring a hold that changes the order.
        await Promise.race(inflight);
        continue;
      }
      if (readyAt - now > deps.holdMs) {
        await deferAll(deps, work.splice(0), pace, now);
        break;
      }
      if (readyAt > now) {
        await deps.sleep(readyAt - now);
        continue;
      }
      work.shift();
      pace.note(first.steps, now);
      const keys = first.steps.filter((step) => step.intervalMs === 0).map((step) => step.key);
      for (const key of keys) busy.add(key);
      const call: Promise<void> = sendOne(deps, pace, first)
        .then((again) => {
          if (again) work.push(first);
        })
        .catch((error: unknown) => {
          console.error("outbox send failed unexpectedly", { id: first.row.id, error });
          first.message.retry({ delaySeconds: backoffSeconds(first.message.attempts) });
        })
        .finally(() => {
          for (const key of keys) busy.delete(key);
          inflight.delete(call);
        });
      inflight.add(call);
    }
  } finally {
    await Promise.allSettled(inflight);
    await pace.flush(deps.db);
  }
}

/** Checks a row before any call: already done, paused, blocked, expired, or an edit not ready. */
async function prepare(
  deps: DeliveryDeps,
  message: DeliveryMessage,
  row: LoadedRow,
  blocks: Set<string>,
): Promise<Item | null> {
  if (row.status !== "pending" || row.delivery_paused === 1) {
    // Sent, dead or superseded rows are never sent again; a paused community's rows wait for resume.
    message.ack();
    return null;
  }
  const writes = new RowWrites(deps.db, deps.clock());
  if (row.expires_at && new Date(row.expires_at) <= deps.clock()) {
    await writes.finish(row, "skipped", "expired before it could be sent", false).run(deps.d1);
    message.ack();
    return null;
  }
  const scope = row.kind === "edit" ? (row.edit_channel_id ?? "") : row.kind === "post" ? row.target : "";
  const blocked =
    blocks.has(`${row.community_id}:*`) || (scope !== "" && blocks.has(`${row.community_id}:${scope}`));
  if (blocked) {
    await writes.finish(row, "lost", "the bot has no access there any more", false).run(deps.d1);
    message.ack();
    return null;
  }
  if (row.kind === "edit" && row.edit_status !== "sent") {
    if (row.edit_status === "pending") {
      // The message to edit has not gone out yet: try the edit again shortly.
      await deps.requeue([row.id], 5);
    } else {
      await writes.finish(row, "skipped", "the message to edit was never sent", false).run(deps.d1);
    }
    message.ack();
    return null;
  }
  const sender = deps.senderFor(row.platform, row.workspace_id);
  if (!sender) throw new Error(`no sender configured for ${row.platform}`);
  const request = await requestFor(row, deps.clock());
  return { message, row, sender, request, steps: sender.pacing(request), rateLimits: 0 };
}

/**
 * Makes one call and records its outcome at once (the window in which a crash could repeat a
 * Slack message is this one statement). Returns true when the item should be tried again in
 * this invocation (rate-limited, now paced further out).
 */
async function sendOne(deps: DeliveryDeps, pace: PaceBook, item: Item): Promise<boolean> {
  const { row, message } = item;
  const report: SendReport = await item.sender.send(item.request);
  for (const hold of report.holds ?? []) pace.hold(hold.key, hold.untilMs);
  const outcome = report.outcome;
  const writes = new RowWrites(deps.db, deps.clock());
  const authKey = `${row.platform}:auth`;

  switch (outcome.kind) {
    case "sent": {
      pace.clearStrikes(authKey);
      const opened = item.request.kind === "dm" && item.request.dmChannelId === null;
      await writes.sent(row, outcome.channelId, outcome.messageId, opened).run(deps.d1);
      message.ack();
      return false;
    }
    case "rate_limited":
      pace.hold(outcome.scope, deps.nowMs() + outcome.retryAfterMs);
      item.rateLimits += 1;
      return item.rateLimits < MAX_RATE_LIMITS;
    case "undeliverable": {
      const ids = await writes.finish(row, "undeliverable", outcome.reason, true).fallback(row).run(deps.d1);
      if (ids.length > 0) await deps.requeue(ids, 0);
      message.ack();
      return false;
    }
    case "lost_access": {
      const scope = outcome.scope === "community" ? "*" : (item.request as { channelId?: string }).channelId;
      writes.finish(row, "lost", outcome.reason, true);
      await writes.block(row, scope ?? row.target, outcome.reason).run(deps.d1);
      message.ack();
      return false;
    }
    case "rejected":
      await writes.finish(row, "dead", outcome.reason, true).run(deps.d1);
      message.ack();
      return false;
    case "transient": {
      if (outcome.authFailure && pace.strike(authKey) >= AUTH_STRIKES) {
        // Repeated 401/403: stop calling this platform for a while rather than earn an IP ban.
        pace.hold(`${row.platform}:global`, deps.nowMs() + AUTH_PAUSE_MS);
      }
      if (row.attempts + 1 >= deps.maxAttempts) {
        await writes.finish(row, "dead", outcome.reason, true).run(deps.d1);
        // Retrying on the queue's last attempt moves the message to the dead-letter queue.
        message.retry();
      } else {
        await writes.failedTry(row, outcome.reason).run(deps.d1);
        message.retry({ delaySeconds: backoffSeconds(row.attempts + 1) });
      }
      return false;
    }
  }
}

/** Messages whose slot is further away than the hold: back on the queue, due when their slot is. */
async function deferAll(deps: DeliveryDeps, items: Item[], pace: PaceBook, now: number): Promise<void> {
  const byDelay = new Map<number, Item[]>();
  for (const item of items) {
    const delay = Math.max(1, Math.ceil((pace.readyAt(item.steps) - now) / 1000));
    byDelay.set(delay, [...(byDelay.get(delay) ?? []), item]);
  }
  for (const [delay, group] of byDelay) {
    await deps.requeue(
      group.map((item) => item.row.id),
      delay,
    );
    for (const item of group) item.message.ack();
  }
}
