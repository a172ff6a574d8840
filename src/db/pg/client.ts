import { fileURLToPath } from 'node:url';
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as pgSchema from '../schema/pg/index.js';

/** The shared database of a replicated deployment (drizzle over postgres.js, DESIGN.md §9). */
export type PgDb = PostgresJsDatabase<typeof pgSchema> & { $client: postgres.Sql };

/** A transaction on the PostgreSQL database, as repository implementations see it. */
export type PgTx = Parameters<Parameters<PgDb['transaction']>[0]>[0];

const migrationsFolder = fileURLToPath(new URL('../../../drizzle/pg', import.meta.url));

/** Advisory lock keys (one int8 namespace for the whole app). */
export const ADVISORY = {
  /** Held while migrations run, so that replicas starting together apply them once. */
  migrate: 7_401_001,
  /** Held for its session by the replica that runs the once-per-server jobs. */
  leader: 7_401_002,
  /** Taken per transaction by realtime log appends, so that ids commit in order. */
  realtimeAppend: 7_401_003,
} as const;

/** Options of `openPgDb`. */
export interface PgOptions {
  /** Pool size; default 10. */
  max?: number;
  /** Shown in `pg_stat_activity.application_name`; default `maas`. */
  applicationName?: string;
}

/**
 * Connects to `url` (postgres.js pools lazily and reconnects after a lost connection) and applies
 * the committed PostgreSQL migrations under a session advisory lock, so that any number of
 * replicas may start at once.
 */
export async function openPgDb(url: string, options: PgOptions = {}): Promise<PgDb> {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => undefined,
    // An `application_name` in the URL names the replica in pg_stat_activity; else this.
    connection: new URL(url).searchParams.has('application_name')
      ? {}
      : { application_name: options.applicationName ?? 'maas' },
  });
  const db = drizzle(sql, { schema: pgSchema });
  try {
    await migrateUnderLock(db);
  } catch (error) {
    await sql.end({ timeout: 1 });
    throw error;
  }
  return db;
}

async function migrateUnderLock(db: PgDb): Promise<void> {
  const lock = await db.$client.reserve();
  try {
    await lock`SELECT pg_advisory_lock(${ADVISORY.migrate})`;
    await migrate(db, { migrationsFolder });
  } finally {
    await lock`SELECT pg_advisory_unlock(${ADVISORY.migrate})`.catch(() => undefined);
    lock.release();
  }
}

/** Closes the pool, waiting up to `timeoutSeconds` (default 5) for running queries. */
export async function closePgDb(db: PgDb, timeoutSeconds = 5): Promise<void> {
  await db.$client.end({ timeout: timeoutSeconds });
}

/** The pool or a transaction: repository functions run on either. */
export type PgRunner = PgDb | PgTx;

/** The SQLSTATE of a PostgreSQL error (drizzle wraps the driver's error in `cause`). */
export function pgErrorCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** True for a PostgreSQL unique violation (SQLSTATE 23505). */
export function isUniqueViolation(error: unknown): boolean {
  return pgErrorCode(error) === '23505';
}
