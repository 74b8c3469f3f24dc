/**
 * The Worker `npm run bench:delivery` runs: guyub's production bundle (imported as `./guyub.js`),
 * unchanged, behind a thin wrapper that counts what the delivery engine asks of D1 and of the
 * OUTBOX queue. Only queue invocations see the counting bindings, so the bench's own seeding and
 * polling (done from Node on the raw bindings) are never counted.
 *
 * Plain JavaScript, like bare-worker.js: tsconfig.scripts.json checks scripts against Node's
 * types, and this file runs in workerd, not Node.
 */
import guyub from "./guyub.js";

const counts = {
  /** Every statement D1 executed for the engine: one per all/run/first/raw, one per batch member. */
  statements: 0,
  /** D1 round trips (a batch is one). */
  roundTrips: 0,
  /** Statements by operation and table, e.g. `update outbox`, to show where the budget goes. */
  byKind: {},
  /** Queue invocations, the messages they carried, and how many were redeliveries (attempts > 1). */
  invocations: 0,
  messages: 0,
  redelivered: 0,
  /** Invocations running at once: wrangler.toml asks for at most one. */
  active: 0,
  maxActive: 0,
  /** Ids the engine put back on the queue, by delay in seconds (pacing deferrals). */
  requeued: 0,
  requeuedByDelay: {},
  /** Invocations that threw (the queue then retries the whole batch). */
  failures: 0,
};

/** `update outbox`, `select delivery_pace`…: the statement's operation and its first table. */
function kindOf(sql) {
  const op = sql.trim().split(/\s+/, 1)[0]?.toLowerCase() ?? "?";
  const table = (op === "update" ? /^\s*update\s+"?(\w+)/i : /\b(?:from|into)\s+"?(\w+)/i).exec(sql)?.[1];
  return table ? `${op} ${table}` : op;
}

function note(sql) {
  counts.statements += 1;
  const kind = kindOf(sql);
  counts.byKind[kind] = (counts.byKind[kind] ?? 0) + 1;
}

/**
 * A D1 binding that counts statements, after test/support/counting-d1.ts. `batch` must be given
 * the runtime's own statement objects, so each proxy remembers the statement it wraps.
 */
function countingD1(db) {
  const originals = new WeakMap();
  const sqlOf = new WeakMap();
  const wrap = (statement, sql) => {
    const proxy = new Proxy(statement, {
      get(target, prop) {
        if (prop === "bind") return (...values) => wrap(target.bind(...values), sql);
        if (prop === "all" || prop === "run" || prop === "first" || prop === "raw") {
          return (...args) => {
            counts.roundTrips += 1;
            note(sql);
            return target[prop](...args);
          };
        }
        const value = Reflect.get(target, prop, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    originals.set(proxy, statement);
    sqlOf.set(proxy, sql);
    return proxy;
  };
  return new Proxy(db, {
    get(target, prop) {
      if (prop === "prepare") return (sql) => wrap(target.prepare(sql), sql);
      if (prop === "batch") {
        return (statements) => {
          counts.roundTrips += 1;
          for (const statement of statements) note(sqlOf.get(statement) ?? "?");
          return target.batch(statements.map((statement) => originals.get(statement) ?? statement));
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** The OUTBOX producer, counting what the engine defers (src/delivery/queue.ts uses sendBatch). */
function countingQueue(queue) {
  const requeued = (n, options) => {
    const delay = String(options?.delaySeconds ?? 0);
    counts.requeued += n;
    counts.requeuedByDelay[delay] = (counts.requeuedByDelay[delay] ?? 0) + n;
  };
  return {
    send(body, options) {
      requeued(1, options);
      return queue.send(body, options);
    },
    sendBatch(messages, options) {
      requeued(messages.length, options);
      return queue.sendBatch(messages, options);
    },
  };
}

export default {
  fetch(request, env, ctx) {
    const url = new URL(request.url);
    if (url.pathname === "/__bench/stats") return Response.json(counts);
    return guyub.fetch(request, env, ctx);
  },

  async queue(batch, env, ctx) {
    counts.invocations += 1;
    counts.messages += batch.messages.length;
    counts.redelivered += batch.messages.filter((message) => message.attempts > 1).length;
    counts.active += 1;
    counts.maxActive = Math.max(counts.maxActive, counts.active);
    try {
      await guyub.queue(batch, { ...env, DB: countingD1(env.DB), OUTBOX: countingQueue(env.OUTBOX) }, ctx);
    } catch (error) {
      counts.failures += 1;
      throw error;
    } finally {
      counts.active -= 1;
    }
  },
};
