/**
 * Wraps the real D1 binding and counts round trips (each `all/run/first/raw` call or `batch`)
 * and write statements, so tests can hold the hot path to its budget.
 */
export function countingD1(db: D1Database) {
  const counts = { roundTrips: 0, writes: 0 };
  const originals = new WeakMap<object, D1PreparedStatement>();
  const sqlOf = new WeakMap<object, string>();
  const isWrite = (sql: string) => /^\s*(insert|update|delete|replace)\b/i.test(sql);

  const wrap = (statement: D1PreparedStatement, sql: string): D1PreparedStatement => {
    const proxy = new Proxy(statement, {
      get(target, prop) {
        if (prop === "bind") return (...values: unknown[]) => wrap(target.bind(...values), sql);
        if (prop === "all" || prop === "run" || prop === "first" || prop === "raw") {
          return (...args: unknown[]) => {
            counts.roundTrips++;
            if (isWrite(sql)) counts.writes++;
            return (target[prop] as (...a: unknown[]) => unknown).apply(target, args);
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

  const d1 = new Proxy(db, {
    get(target, prop) {
      if (prop === "prepare") {
        return (sql: string) => wrap(target.prepare(sql), sql);
      }
      if (prop === "batch") {
        return (statements: D1PreparedStatement[]) => {
          counts.roundTrips++;
          for (const statement of statements) if (isWrite(sqlOf.get(statement) ?? "")) counts.writes++;
          return target.batch(statements.map((s) => originals.get(s) ?? s));
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { d1, counts };
}
