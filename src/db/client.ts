import { type CompiledQuery, Kysely } from "kysely";
import { D1Dialect } from "kysely-d1";
import type { Database } from "./schema.ts";

export type Db = Kysely<Database>;

/** A Kysely instance over the D1 binding. Cheap: no connection is opened until a query runs. */
export function createDb(d1: D1Database): Db {
  return new Kysely<Database>({ dialect: new D1Dialect({ database: d1 }) });
}

/** Binds a compiled Kysely query to a D1 prepared statement, for `D1Database.batch`. */
export function prepare(d1: D1Database, query: CompiledQuery): D1PreparedStatement {
  return d1.prepare(query.sql).bind(...(query.parameters as unknown[]));
}

/**
 * Runs several writes as one D1 batch, which D1 executes as a single transaction
 * (Kysely's `transaction()` is not supported on D1).
 */
export async function runBatch(d1: D1Database, queries: readonly CompiledQuery[]): Promise<D1Result[]> {
  if (queries.length === 0) return [];
  return d1.batch(queries.map((query) => prepare(d1, query)));
}
