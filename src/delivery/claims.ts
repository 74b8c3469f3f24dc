import { sql } from "kysely";
import type { Db } from "../db/client.ts";

/**
 * How long a consumer holds the rows of its batch: far beyond one send (two calls of 10 s at
 * most), short enough that a row whose consumer died mid-send is sent again within Discord's
 * nonce window (a few minutes), so Discord still recognises the repeat.
 */
export const CLAIM_LEASE_MS = 60_000;
/** Before a call, a claim with less than this left is renewed. */
const RENEW_BELOW_MS = 30_000;

const idsParam = (ids: readonly number[]) =>
  sql<number>`(select value from json_each(${JSON.stringify(ids)}))`;

/**
 * The rows this invocation holds. A batch claims its pending rows in one statement before it
 * loads them (`UPDATE … WHERE status = 'pending' AND unclaimed … RETURNING`): of two overlapping
 * batches (a redelivery beside a slow batch, local queues without `max_concurrency`), only one
 * gets each row. A claim ends with the row's recorded outcome, its deferral or `release`; the
 * claim of a consumer killed mid-send lapses after the lease.
 */
export class Claims {
  readonly #until = new Map<number, string>();

  static async take(db: Db, ids: readonly number[], now: Date): Promise<Claims> {
    const claims = new Claims();
    if (ids.length === 0) return claims;
    const until = new Date(now.getTime() + CLAIM_LEASE_MS).toISOString();
    const rows = await db
      .updateTable("outbox")
      .set({ claimed_until: until })
      .where("id", "in", idsParam(ids))
      .where("status", "=", "pending")
      .where((eb) => eb.or([eb("claimed_until", "is", null), eb("claimed_until", "<=", now.toISOString())]))
      .returning("id")
      .execute();
    for (const row of rows) claims.#until.set(row.id, until);
    return claims;
  }

  holds(id: number): boolean {
    return this.#until.has(id);
  }

  /** Our claim's end (ISO), or null when another consumer holds the row. */
  untilOf(id: number): string | null {
    return this.#until.get(id) ?? null;
  }

  /**
   * Right before a call: true while the row is still ours, renewing a claim that is running out
   * (a long batch). False when it lapsed and someone else took it: the call must not be made.
   */
  async keep(db: Db, id: number, now: Date): Promise<boolean> {
    const until = this.#until.get(id);
    if (!until) return false;
    if (Date.parse(until) - now.getTime() > RENEW_BELOW_MS) return true;
    const next = new Date(now.getTime() + CLAIM_LEASE_MS).toISOString();
    const row = await db
      .updateTable("outbox")
      .set({ claimed_until: next })
      .where("id", "=", id)
      .where("status", "=", "pending")
      .where((eb) => eb.or([eb("claimed_until", "=", until), eb("claimed_until", "<=", now.toISOString())]))
      .returning("id")
      .executeTakeFirst();
    if (!row) {
      this.#until.delete(id);
      return false;
    }
    this.#until.set(id, next);
    return true;
  }

  /** The row's outcome or deferral is written, and with it the claim's end. */
  settle(id: number): void {
    this.#until.delete(id);
  }

  /** Gives up what this invocation still holds (rows not sent: paused, failed to prepare). */
  async release(db: Db): Promise<void> {
    if (this.#until.size === 0) return;
    const held = [...this.#until].map(([i, u]) => ({ i, u }));
    await sql`
      update outbox set claimed_until = null
      from (select json_extract(value, '$.i') as i, json_extract(value, '$.u') as u from json_each(${JSON.stringify(held)})) as d
      where outbox.id = d.i and outbox.claimed_until = d.u and outbox.status = 'pending'
    `.execute(db);
  }
}
