import { sql } from "kysely";
import type { PaceStep } from "../core/delivery.ts";
import type { Db } from "../db/client.ts";

interface PaceEntry {
  nextAt: number;
  strikes: number;
}

/**
 * The sender's pacing state: for each key, the earliest moment the next call may go out. It is
 * read once per queue batch and written back once at the end (the consumer runs one batch at a
 * time, `max_concurrency = 1`), so pacing holds across invocations at two D1 statements a batch.
 */
export class PaceBook {
  readonly #entries = new Map<string, PaceEntry>();
  readonly #dirty = new Set<string>();

  /** Loads the state of the given keys (one statement). */
  async load(db: Db, keys: Iterable<string>): Promise<void> {
    const list = [...new Set(keys)].filter((key) => !this.#entries.has(key));
    if (list.length === 0) return;
    const rows = await db
      .selectFrom("delivery_pace")
      .select(["key", "next_at", "strikes"])
      .where("key", "in", sql<string>`(select value from json_each(${JSON.stringify(list)}))`)
      .execute();
    for (const row of rows) this.#entries.set(row.key, { nextAt: row.next_at, strikes: row.strikes });
  }

  /** The earliest time every step allows a call. */
  readyAt(steps: readonly PaceStep[]): number {
    return Math.max(0, ...steps.map((step) => this.#entries.get(step.key)?.nextAt ?? 0));
  }

  /** A call started at `startedAt` under these steps: the next waits one interval. */
  note(steps: readonly PaceStep[], startedAt: number): void {
    for (const step of steps) if (step.intervalMs > 0) this.hold(step.key, startedAt + step.intervalMs);
  }

  /** Nothing goes out under `key` before `untilMs` (a 429's Retry-After, an empty bucket). */
  hold(key: string, untilMs: number): void {
    const entry = this.#entries.get(key) ?? { nextAt: 0, strikes: 0 };
    if (untilMs <= entry.nextAt) return;
    this.#entries.set(key, { ...entry, nextAt: Math.ceil(untilMs) });
    this.#dirty.add(key);
  }

  /** Counts a 401/403 under `key`; returns the count so far (reset by `clearStrikes`). */
  strike(key: string): number {
    const entry = this.#entries.get(key) ?? { nextAt: 0, strikes: 0 };
    const strikes = entry.strikes + 1;
    this.#entries.set(key, { ...entry, strikes });
    this.#dirty.add(key);
    return strikes;
  }

  clearStrikes(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry || entry.strikes === 0) return;
    this.#entries.set(key, { ...entry, strikes: 0 });
    this.#dirty.add(key);
  }

  /** Writes changed keys back (one statement, whatever their number). */
  async flush(db: Db): Promise<void> {
    if (this.#dirty.size === 0) return;
    const rows = [...this.#dirty].map((key) => {
      const entry = this.#entries.get(key) ?? { nextAt: 0, strikes: 0 };
      return { k: key, n: entry.nextAt, s: entry.strikes };
    });
    this.#dirty.clear();
    await sql`
      insert into delivery_pace (key, next_at, strikes)
      select json_extract(value, '$.k'), json_extract(value, '$.n'), json_extract(value, '$.s')
      from json_each(${JSON.stringify(rows)}) where true
      on conflict (key) do update set next_at = excluded.next_at, strikes = excluded.strikes
    `.execute(db);
  }
}
