import { env } from "cloudflare:workers";
import { createDb } from "../../src/db/client.ts";
import { createCommunityStore } from "../../src/db/store.ts";
import type { JobDeps } from "../../src/jobs/job-kind.ts";

/**
 * A D1 binding that counts what a job asks of D1: statements (one per all/run/first/raw, one per
 * batch member) and round trips (a batch is one), for the jobs bench.
 */
export interface D1Counts {
  statements: number;
  roundTrips: number;
  /** The most bound parameters any one statement carried (D1 allows 100). */
  maxParams: number;
  /** Wall time of batches (the fan-out is one), in ms. */
  batchMs: number;
}

export function countingD1(db: D1Database, counts: D1Counts): D1Database {
  // `batch` must get the runtime's own statements: each proxy remembers the one it wraps.
  const originals = new WeakMap<object, D1PreparedStatement>();
  const wrap = (statement: D1PreparedStatement): D1PreparedStatement => {
    const proxy = new Proxy(statement, {
      get(target, prop) {
        if (prop === "bind")
          return (...values: unknown[]) => {
            counts.maxParams = Math.max(counts.maxParams, values.length);
            return wrap(target.bind(...values));
          };
        if (prop === "all" || prop === "run" || prop === "first" || prop === "raw") {
          return (...args: unknown[]) => {
            counts.roundTrips += 1;
            counts.statements += 1;
            return (target[prop] as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        const value = Reflect.get(target, prop, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    originals.set(proxy, statement);
    return proxy;
  };
  return new Proxy(db, {
    get(target, prop) {
      if (prop === "prepare") return (sql: string) => wrap(target.prepare(sql));
      if (prop === "batch")
        return (statements: D1PreparedStatement[]) => {
          counts.roundTrips += 1;
          counts.statements += statements.length;
          const start = performance.now();
          return target.batch(statements.map((s) => originals.get(s) ?? s)).finally(() => {
            counts.batchMs += performance.now() - start;
          });
        };
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/**
 * Job dependencies over a counting D1 at `now`, with an outbox that queues nothing: what a cron
 * tick or one job asks of D1, measured alone.
 */
export function countedJobDeps(now: Date): { deps: JobDeps; counts: D1Counts } {
  const counts: D1Counts = { statements: 0, roundTrips: 0, maxParams: 0, batchMs: 0 };
  const d1 = countingD1(env.DB, counts);
  const db = createDb(d1);
  const deps: JobDeps = {
    db,
    d1,
    store: createCommunityStore(db, d1),
    outbox: { enqueue: async () => {}, requeue: async () => {} },
    now,
  };
  return { deps, counts };
}
