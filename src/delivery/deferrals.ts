import { sql } from "kysely";
import type { Db } from "../db/client.ts";
import type { Claims } from "./claims.ts";
import type { DeliveryMessage } from "./run-types.ts";

/** Cloudflare Queues delay a message by at most 12 hours; a longer wait is left to the sweep. */
export const MAX_QUEUE_DELAY_S = 43_200;

interface Deferral {
  readonly message: DeliveryMessage;
  readonly id: number;
  readonly communityId: number;
  readonly wakeAt: Date;
  /** The block scope the row waits on, or null for a plain deferral (pacing, a rate limit). */
  readonly heldBy: string | null;
}

/**
 * Messages not sent in this invocation, each due back at its own moment: written to the outbox
 * in one statement (`next_try_at`, so the sweep does not send them to the queue a second time,
 * and the claim released), put back on the queue with the remaining wait as the delay (grouped
 * by delay), and only then acknowledged. A wait beyond the queue's 12 hours rests in the outbox
 * until the sweep finds it due.
 */
export class Deferrals {
  readonly #list: Deferral[] = [];

  add(
    message: DeliveryMessage,
    row: { readonly id: number; readonly community_id: number },
    wakeAt: Date,
    heldBy: string | null = null,
  ): void {
    this.#list.push({ message, id: row.id, communityId: row.community_id, wakeAt, heldBy });
  }

  has(message: DeliveryMessage): boolean {
    return this.#list.some((d) => d.message === message);
  }

  /**
   * `stillBlocked` tells whether a block is still there: a message held earlier in this
   * invocation whose block a later probe cleared goes back on the queue at once instead.
   */
  async flush(
    db: Db,
    requeue: (ids: readonly number[], delaySeconds: number) => Promise<void>,
    now: Date,
    stillBlocked: (communityId: number, scope: string) => boolean,
    claims: Claims,
  ): Promise<void> {
    const list = this.#list
      .splice(0)
      .map((d) =>
        d.heldBy === null || stillBlocked(d.communityId, d.heldBy) ? d : { ...d, heldBy: null, wakeAt: now },
      );
    if (list.length === 0) return;
    const rows = list.map((d) => ({
      i: d.id,
      t: d.wakeAt.toISOString(),
      h: d.heldBy,
      u: claims.untilOf(d.id),
    }));
    // Our claim ends here. A row another consumer claimed meanwhile is its business: neither its
    // claim nor its next moment is touched (the queue message is still put back, and finds it done).
    await sql`
      update outbox set next_try_at = d.t, held_by = d.h, claimed_until = null
      from (
        select json_extract(value, '$.i') as i, json_extract(value, '$.t') as t,
          json_extract(value, '$.h') as h, json_extract(value, '$.u') as u
        from json_each(${JSON.stringify(rows)})
      ) as d
      where outbox.id = d.i and outbox.status = 'pending'
        and (outbox.claimed_until is null or outbox.claimed_until = d.u
          or outbox.claimed_until <= ${now.toISOString()})
    `.execute(db);
    for (const d of list) claims.settle(d.id);
    const byDelay = new Map<number, number[]>();
    for (const d of list) {
      const delay = Math.max(1, Math.ceil((d.wakeAt.getTime() - now.getTime()) / 1000));
      if (delay > MAX_QUEUE_DELAY_S) continue;
      byDelay.set(delay, [...(byDelay.get(delay) ?? []), d.id]);
    }
    for (const [delay, ids] of byDelay) await requeue(ids, delay);
    for (const d of list) d.message.ack();
  }
}
