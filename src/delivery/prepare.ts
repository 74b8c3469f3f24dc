import type { PaceStep, SendPort, SendRequest } from "../core/delivery.ts";
import { type BlockRow, claimProbe } from "../db/delivery-blocks.ts";
import type { BlockBook } from "./blocks.ts";
import { MAX_WAIT_MS } from "./blocks.ts";
import type { Claims } from "./claims.ts";
import type { Deferrals } from "./deferrals.ts";
import type { PaceBook } from "./pace.ts";
import { requestFor } from "./requests.ts";
import { type LoadedRow, RowWrites } from "./rows.ts";
import type { DeliveryDeps, DeliveryMessage } from "./run-types.ts";

/** What one invocation shares between preparing, sending and deferring. */
export interface Run {
  readonly deps: DeliveryDeps;
  readonly pace: PaceBook;
  readonly book: BlockBook;
  readonly deferrals: Deferrals;
  /** The rows this invocation claimed (only those are sent). */
  readonly claims: Claims;
  /** The ids of this batch: rows a cleared block releases are re-queued only if not among them. */
  readonly inBatch: ReadonlySet<number>;
}

export interface Item {
  readonly message: DeliveryMessage;
  readonly row: LoadedRow;
  readonly sender: SendPort;
  readonly request: SendRequest;
  readonly steps: readonly PaceStep[];
  rateLimits: number;
  /**
   * Not before this moment (ms): a 429's Retry-After on a key the message is not paced by (the
   * DM channel its own call opened, Discord's global limit on an interaction follow-up).
   */
  notBefore: number;
  /** The row goes out as its block's probe, blocked or not. */
  readonly probe: boolean;
}

/** An edit (or a reply) whose message has not gone out yet is looked at again this soon. */
const EDIT_WAIT_MS = 5_000;

/**
 * Checks a row before any call: already done, paused, expired, waiting for access (or its
 * block's probe), or an edit not ready. Returns the item to send, or null once the message is
 * settled (acknowledged, or deferred to be acknowledged when the deferrals are written).
 */
export async function prepare(run: Run, message: DeliveryMessage, row: LoadedRow): Promise<Item | null> {
  const { deps } = run;
  if (row.status !== "pending" || row.delivery_paused === 1) {
    // Sent, dead or superseded rows are never sent again; a paused community's rows wait for resume.
    message.ack();
    return null;
  }
  const now = deps.clock();
  if (!run.claims.holds(row.id)) {
    // An overlapping batch is sending it: this copy looks again once that claim has ended.
    const until = row.claimed_until ? Date.parse(row.claimed_until) : now.getTime();
    await deps.requeue([row.id], Math.max(1, Math.ceil((until - now.getTime()) / 1000)));
    message.ack();
    return null;
  }
  const writes = new RowWrites(deps.db, now);
  if (row.expires_at && new Date(row.expires_at) <= now) {
    // A message that waited for access and expired meanwhile was lost to the block: say so.
    if (row.held_by !== null) writes.finish(row, "lost", "no access there until it expired", false);
    else writes.finish(row, "skipped", "expired before it could be sent", false);
    await writes.run(deps.d1);
    run.claims.settle(row.id);
    message.ack();
    return null;
  }
  let probe = false;
  const block = run.book.blockFor(row);
  if (block) {
    if (new Date(row.created_at).getTime() + MAX_WAIT_MS <= now.getTime()) {
      await writes.finish(row, "lost", "no access there for 7 days", false).run(deps.d1);
      run.claims.settle(row.id);
      message.ack();
      return null;
    }
    const next = block.probeAt && block.probeAt <= now ? await claimProbe(deps.db, block, now) : null;
    if (!next) {
      hold(run, message, row, block);
      return null;
    }
    // This row is the probe; the rest of the batch waits for the next one (or for its success).
    run.book.add({ ...block, probes: block.probes + 1, probeAt: next });
    probe = true;
  }
  if (row.kind === "edit" && row.edit_status !== "sent") {
    if (row.edit_status === "pending") {
      // The message to edit has not gone out yet: try the edit again shortly.
      run.deferrals.add(message, row, new Date(now.getTime() + EDIT_WAIT_MS));
    } else {
      await writes.finish(row, "skipped", "the message to edit was never sent", false).run(deps.d1);
      run.claims.settle(row.id);
      message.ack();
    }
    return null;
  }
  if (row.kind === "post" && row.edit_status === "pending") {
    // The post to reply under has not gone out yet: this waits for it, like an edit. A parent that
    // never went out (skipped, dead) leaves the reply a plain post (`requestFor`).
    run.deferrals.add(message, row, new Date(now.getTime() + EDIT_WAIT_MS));
    return null;
  }
  const sender = await deps.senderFor(row.platform, row.workspace_id);
  if (!sender) {
    // Uninstalled (no token to send with): the message waits on that block, not on retries.
    if (block) {
      hold(run, message, row, block);
      return null;
    }
    throw new Error(`no sender configured for ${row.platform}`);
  }
  const request = await requestFor(row, now);
  return {
    message,
    row,
    sender,
    request,
    steps: sender.pacing(request),
    rateLimits: 0,
    notBefore: 0,
    probe,
  };
}

/**
 * The row waits on its block: due back at the block's next probe, at its own expiry, or at the
 * end of its longest wait, whichever comes first.
 */
export function hold(run: Run, message: DeliveryMessage, row: LoadedRow, block: BlockRow) {
  const now = run.deps.clock().getTime();
  const limits = [
    block.probeAt?.getTime() ?? now + 60 * 60_000,
    new Date(row.created_at).getTime() + MAX_WAIT_MS,
    ...(row.expires_at ? [new Date(row.expires_at).getTime()] : []),
  ];
  const wake = Math.max(now + 1000, Math.min(...limits));
  run.deferrals.add(message, row, new Date(wake), block.scope);
}

/** The earliest moment an item may be sent: its pacing keys and any wait a 429 gave it. */
export function itemReadyAt(pace: PaceBook, item: Item): number {
  return Math.max(pace.readyAt(item.steps), item.notBefore);
}
