import { sql } from 'drizzle-orm';
import type { SyncDb } from './syncDb.js';

const bySession = new WeakMap<object, Map<object, unknown>>();

/**
 * The prepared query `build` makes, made once per SQLite connection and reused by every call,
 * inside a transaction or not (drizzle's better-sqlite3 transactions share their database's
 * session). A hot query then skips building its SQL and preparing its statement each time,
 * which on a gate's check-in was most of the transaction's cost. `build` must be a module-level
 * function (it is the cache key) whose query takes its values as `sql.placeholder`s.
 */
export function preparedOn<T>(db: SyncDb, build: (db: SyncDb) => T): T {
  const session = (db as unknown as { session: object }).session;
  let queries = bySession.get(session);
  if (!queries) {
    queries = new Map();
    bySession.set(session, queries);
  }
  let query = queries.get(build) as T | undefined;
  if (query === undefined) {
    query = build(db);
    queries.set(build, query);
  }
  return query;
}

/**
 * A named placeholder typed as the column value it stands for, for the `.set()` of a prepared
 * update: drizzle's `set` types do not take a placeholder, but at run time it wraps one in a
 * parameter of that column, so the value given at execution is encoded as the column's own
 * (a Date as its integer for a `timestamp_ms` column).
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- T is the column's type, named by the caller
export function placeholderOf<T>(name: string): T {
  return sql.placeholder(name) as unknown as T;
}
