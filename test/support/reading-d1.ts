/** What a flow asked of D1: statements, and rows handed back to the Worker. */
export interface Reading {
  statements: number;
  rows: number;
}

/**
 * Wraps the D1 binding and counts statements (one per all/run/first/raw, one per batch member)
 * and the rows they returned: a read of every member shows as thousands of rows.
 */
export function readingD1(db: D1Database): { d1: D1Database; reading: Reading } {
  const reading: Reading = { statements: 0, rows: 0 };
  const originals = new WeakMap<object, D1PreparedStatement>();
  const count = (result: unknown) => {
    const rows = (result as { results?: unknown[] } | null)?.results;
    if (Array.isArray(rows)) reading.rows += rows.length;
    else if (Array.isArray(result)) reading.rows += result.length;
    else if (result !== null && result !== undefined) reading.rows += 1;
  };
  const wrap = (statement: D1PreparedStatement): D1PreparedStatement => {
    const proxy = new Proxy(statement, {
      get(target, prop) {
        if (prop === "bind") return (...values: unknown[]) => wrap(target.bind(...values));
        if (prop === "all" || prop === "run" || prop === "first" || prop === "raw") {
          return async (...args: unknown[]) => {
            reading.statements++;
            const result = await (target[prop] as (...a: unknown[]) => Promise<unknown>).apply(target, args);
            if (prop !== "run") count(result);
            return result;
          };
        }
        const value = Reflect.get(target, prop, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    originals.set(proxy, statement);
    return proxy;
  };
  const d1 = new Proxy(db, {
    get(target, prop) {
      if (prop === "prepare") return (sql: string) => wrap(target.prepare(sql));
      if (prop === "batch")
        return async (statements: D1PreparedStatement[]) => {
          reading.statements += statements.length;
          const results = await target.batch(statements.map((s) => originals.get(s) ?? s));
          for (const result of results) count(result);
          return results;
        };
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { d1, reading };
}
