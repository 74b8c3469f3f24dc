import { loadBlockRows } from "../db/delivery-blocks.ts";
import { BlockBook } from "./blocks.ts";
import { Claims } from "./claims.ts";
import { Deferrals } from "./deferrals.ts";
import { sendOne } from "./outcome.ts";
import { PaceBook } from "./pace.ts";
import { hold, type Item, itemReadyAt, prepare, type Run } from "./prepare.ts";
import { backoffSeconds } from "./requests.ts";
import { type LoadedRow, loadRows, RowWrites } from "./rows.ts";
import type { DeliveryDeps, DeliveryMessage } from "./run-types.ts";

// The engine's entry for its callers (the queue consumer, tests): the types live in run-types.ts,
// which the engine's parts import without importing the engine.
export type { DeliveryDeps, DeliveryMessage } from "./run-types.ts";

/**
 * Calls in flight at once in one invocation: a Worker keeps at most six connections open at a
 * time, and overlapping calls is what keeps throughput at the platforms' limits when each call
 * takes 100 ms or more (sequential calls reached 43 % of the allowed rate at 100 ms).
 */
const MAX_IN_FLIGHT = 6;

/**
 * Sends one batch of outbox messages: each at the earliest moment its pacing keys allow, so the
 * platforms never need to answer 429; the batch claims its rows first, and never sends one that
 * another batch holds or that is no longer pending; what cannot be sent now goes back on the
 * queue with its remaining wait;
 * what waits for access is probed now and then; what fails is retried with backoff until it is
 * marked dead. Only a message whose own handling throws is retried alone.
 */
export async function deliverBatch(deps: DeliveryDeps, messages: readonly DeliveryMessage[]): Promise<void> {
  const unique = new Map<number, Tracked>();
  for (const message of messages) {
    // The same id twice in one batch (a sweep overlapping a deferral): the first copy does the work.
    if (unique.has(message.id)) message.ack();
    else unique.set(message.id, new Tracked(message));
  }
  if (unique.size === 0) return;
  // Claimed first, then loaded: a row another batch holds loads with that batch's claim.
  const claims = await Claims.take(deps.db, [...unique.keys()], deps.clock());
  const rows = await loadRows(deps.db, [...unique.keys()]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const communities = [...new Set(rows.map((row) => row.community_id))];
  const run: Run = {
    deps,
    pace: new PaceBook(),
    book: new BlockBook(await loadBlockRows(deps.db, communities)),
    deferrals: new Deferrals(),
    claims,
    inBatch: new Set(unique.keys()),
  };
  const work: Item[] = [];
  try {
    await clearStaleCredentials(run, rows);
    for (const [id, message] of unique) {
      const row = byId.get(id);
      if (!row) {
        // Pruned or never committed: nothing to send.
        message.ack();
        continue;
      }
      try {
        const item = await prepare(run, message, row);
        if (item) work.push(item);
      } catch (error) {
        console.error("outbox row could not be prepared", { id, error });
        message.retry({ delaySeconds: backoffSeconds(message.attempts) });
      }
    }
    await run.pace.load(
      deps.db,
      work.flatMap((item) => item.steps.map((step) => step.key)),
    );
    await sendAll(run, work);
  } finally {
    // Every message not sent in this invocation goes back with its remaining wait as the delay.
    const nowMs = deps.nowMs();
    for (const item of work.splice(0)) {
      const wait = Math.max(0, itemReadyAt(run.pace, item) - nowMs);
      run.deferrals.add(item.message, item.row, new Date(deps.clock().getTime() + wait));
    }
    for (const [id, message] of unique) {
      const row = byId.get(id);
      if (row && !message.settled && !run.deferrals.has(message))
        run.deferrals.add(message, row, new Date(deps.clock().getTime() + 1000));
    }
    await run.pace.flush(deps.db);
    await run.deferrals.flush(deps.db, deps.requeue, deps.clock(), (c, s) => run.book.has(c, s), claims);
    await claims.release(deps.db);
  }
}

/**
 * The send loop. Sends overlap; each slot is taken (noted) when its call starts, so pacing holds
 * whatever the platform's response time; a key without an interval (a Discord bucket, paced by
 * its response headers) has at most one call in flight. Stops when the next slot is further
 * away than the hold, leaving the rest in `work` to be deferred.
 */
async function sendAll(run: Run, work: Item[]): Promise<void> {
  const { deps, pace } = run;
  const inflight = new Set<Promise<void>>();
  const busy = new Set<string>();
  const blocked = (item: Item) => item.steps.some((step) => step.intervalMs === 0 && busy.has(step.key));
  const readyOf = (item: Item) => (blocked(item) ? Number.POSITIVE_INFINITY : itemReadyAt(pace, item));
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
      if (readyAt - now > deps.holdMs) return;
      if (readyAt > now) {
        await deps.sleep(readyAt - now);
        continue;
      }
      work.shift();
      const block = first.probe ? null : run.book.blockFor(first.row);
      if (block) {
        // A loss found earlier in this batch: the message waits instead of making a call.
        hold(run, first.message, first.row, block);
        continue;
      }
      pace.note(first.steps, now);
      const keys = first.steps.filter((step) => step.intervalMs === 0).map((step) => step.key);
      for (const key of keys) busy.add(key);
      const call: Promise<void> = sendOne(run, first)
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
  }
}

/**
 * A community-wide block seen under another credential than the sender's now (the app was
 * reinstalled, the token changed): access is plausibly back, so the block clears and whatever
 * waited on it is sent again. Rows of this batch go on in it; others are put back on the queue.
 */
async function clearStaleCredentials(run: Run, rows: readonly LoadedRow[]) {
  const { deps } = run;
  for (const block of run.book.communityWide()) {
    if (!block.credential) continue;
    const row = rows.find((r) => r.community_id === block.communityId);
    const sender = row ? await deps.senderFor(row.platform, row.workspace_id) : null;
    if (!sender || (await sender.credential()) === block.credential) continue;
    const released = await new RowWrites(deps.db, deps.clock()).clear(block.communityId, ["*"]).run(deps.d1);
    run.book.remove(block.communityId, ["*"]);
    const others = released.filter((id) => !run.inBatch.has(id));
    if (others.length > 0) await deps.requeue(others, 0);
  }
}

/** A queue message that remembers whether it was settled (acknowledged or retried). */
class Tracked implements DeliveryMessage {
  settled = false;
  constructor(private readonly inner: DeliveryMessage) {}
  get id() {
    return this.inner.id;
  }
  get attempts() {
    return this.inner.attempts;
  }
  ack(): void {
    this.settled = true;
    this.inner.ack();
  }
  retry(options?: { delaySeconds?: number }): void {
    this.settled = true;
    this.inner.retry(options);
  }
}
