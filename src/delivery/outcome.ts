import type { SendOutcome, SendReport } from "../core/delivery.ts";
import type { BlockRow } from "../db/delivery-blocks.ts";
import { nextProbeAt } from "../db/delivery-blocks.ts";
import { scopeOf } from "./blocks.ts";
import { CLAIM_LEASE_MS } from "./claims.ts";
import { hold, type Item, itemReadyAt, type Run } from "./prepare.ts";
import { backoffSeconds } from "./requests.ts";
import { RowWrites } from "./rows.ts";

/** Consecutive 401/403 answers before a platform is left alone for a while (invalid-request ban). */
const AUTH_STRIKES = 3;
const AUTH_PAUSE_MS = 10 * 60_000;
/** A message rate-limited this often in one invocation is deferred rather than retried at once. */
const MAX_RATE_LIMITS = 3;

/**
 * Claims the row, makes one call and records its outcome at once (the window in which a crash
 * could repeat a Slack message is this one statement). Returns true when the item should be
 * tried again in this invocation (rate-limited, now paced further out).
 */
export async function sendOne(run: Run, item: Item): Promise<boolean> {
  const { deps, pace } = run;
  const { row, message } = item;
  if (!(await run.claims.keep(deps.db, row.id, deps.clock()))) {
    // The claim lapsed (a very long batch) and another consumer took the row: not ours to send.
    await deps.requeue([row.id], CLAIM_LEASE_MS / 1000);
    message.ack();
    return false;
  }
  const report: SendReport = await item.sender.send(item.request);
  for (const h of report.holds ?? []) pace.hold(h.key, h.untilMs);
  const outcome = report.outcome;
  const now = deps.clock();
  const writes = new RowWrites(deps.db, now);
  const authKey = `${row.platform}:auth`;

  switch (outcome.kind) {
    case "sent": {
      pace.clearStrikes(authKey);
      const opened = item.request.kind === "dm" && item.request.dmChannelId === null;
      writes.sent(row, outcome.channelId, outcome.messageId, opened);
      // A send that goes through proves access: a block on this scope (its probe) clears.
      const scopes = run.book.openedBy(row);
      if (scopes.length > 0) writes.clear(row.community_id, scopes);
      const released = (await writes.run(deps.d1)).filter((id) => !run.inBatch.has(id));
      run.claims.settle(row.id);
      run.book.remove(row.community_id, scopes);
      if (released.length > 0) await deps.requeue(released, 0);
      message.ack();
      return false;
    }
    case "rate_limited": {
      pace.hold(outcome.scope, deps.nowMs() + outcome.retryAfterMs);
      item.notBefore = Math.max(item.notBefore, deps.nowMs() + outcome.retryAfterMs);
      item.rateLimits += 1;
      if (item.rateLimits < MAX_RATE_LIMITS) return true;
      // Not this invocation: back on the queue, due when its keys allow it again.
      const waitMs = Math.max(0, itemReadyAt(pace, item) - deps.nowMs());
      run.deferrals.add(message, row, new Date(now.getTime() + waitMs));
      return false;
    }
    case "lost_access":
      if (outcome.cause === "uninstalled" || channelOf(item) !== "") {
        await lost(run, item, outcome);
        return false;
      }
      // A DM's own channel refused: nothing to wait for or probe, the DM cannot be delivered.
      return undeliverable(run, item, outcome.reason);
    case "undeliverable":
      return undeliverable(run, item, outcome.reason);
    case "rejected":
      await writes.finish(row, "dead", outcome.reason, true).run(deps.d1);
      run.claims.settle(row.id);
      message.ack();
      return false;
    case "transient": {
      if (outcome.authFailure && pace.strike(authKey) >= AUTH_STRIKES) {
        // Repeated 401/403: stop calling this platform for a while rather than earn an IP ban.
        pace.hold(`${row.platform}:global`, deps.nowMs() + AUTH_PAUSE_MS);
      }
      run.claims.settle(row.id);
      if (row.attempts + 1 >= deps.maxAttempts) {
        await writes.finish(row, "dead", outcome.reason, true).run(deps.d1);
        // Retrying on the queue's last attempt moves the message to the dead-letter queue.
        message.retry();
      } else {
        const delay = backoffSeconds(row.attempts + 1);
        await writes.failedTry(row, outcome.reason, new Date(now.getTime() + delay * 1000)).run(deps.d1);
        message.retry({ delaySeconds: delay });
      }
      return false;
    }
  }
}

/** Never retried; the row's fallback post (if any) is queued. */
async function undeliverable(run: Run, item: Item, reason: string): Promise<false> {
  const { deps } = run;
  const writes = new RowWrites(deps.db, deps.clock());
  const ids = await writes.finish(item.row, "undeliverable", reason, true).fallback(item.row).run(deps.d1);
  run.claims.settle(item.row.id);
  if (ids.length > 0) await deps.requeue(ids, 0);
  item.message.ack();
  return false;
}

/** The channel a request posts to or edits in; "" for DMs and follow-ups. */
function channelOf(item: Item): string {
  const request = item.request as { channelId?: string };
  return request.channelId ?? scopeOf(item.row);
}

/**
 * The bot cannot reach this channel (or the community) now: the loss is recorded (or its reason
 * updated, if this was a probe), and the message waits for the next probe instead of being lost.
 */
async function lost(run: Run, item: Item, outcome: Extract<SendOutcome, { kind: "lost_access" }>) {
  const { deps } = run;
  const { row } = item;
  const now = deps.clock();
  const scope = outcome.cause === "uninstalled" ? "*" : channelOf(item);
  const credential = outcome.cause === "uninstalled" ? await item.sender.credential() : null;
  const loss = {
    communityId: row.community_id,
    scope,
    cause: outcome.cause,
    reason: outcome.reason,
    credential,
  };
  await new RowWrites(deps.db, now).attempted(row, outcome.reason).loss(loss).run(deps.d1);
  const known = run.book.blockFor(row);
  const block: BlockRow =
    known && known.scope === scope
      ? { ...known, reason: outcome.reason }
      : { ...loss, since: now, probeAt: nextProbeAt(now, 1), probes: 0 };
  run.book.add(block);
  hold(run, item.message, row, block);
}
