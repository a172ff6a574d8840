import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { loadConfig, type Config } from '../../src/config.js';

/**
 * The PostgreSQL server the PostgreSQL suites use: `TEST_DATABASE_URL` (`.ci/run` exports it once
 * `pg_isready` answers). Without it the suites are skipped with a notice, except under `CI=true`,
 * where a missing server fails the run.
 */
export const TEST_PG_URL = process.env.TEST_DATABASE_URL || undefined;

/** The dialects a dual-dialect suite runs on: SQLite always, PostgreSQL when a server is configured. */
export function testDialects(): ('sqlite' | 'postgres')[] {
  if (TEST_PG_URL) return ['sqlite', 'postgres'];
  if (process.env.CI === 'true')
    throw new Error('CI=true but TEST_DATABASE_URL is not set: the PostgreSQL suites must run');
  console.warn('PostgreSQL suites skipped: set TEST_DATABASE_URL=postgres://… to run them');
  return ['sqlite'];
}

/** A database of its own for one test file, created empty; `drop` removes it (connections and all). */
export interface TestDatabase {
  url: string;
  /** Empties every table of the app schema (between tests). */
  truncate(): Promise<void>;
  drop(): Promise<void>;
}

/** Creates `maas_test_<random>` on the TEST_DATABASE_URL server. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (!TEST_PG_URL) throw new Error('TEST_DATABASE_URL is not set');
  const name = `maas_test_${randomBytes(5).toString('hex')}`;
  const admin = postgres(TEST_PG_URL, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async truncate() {
      const db = postgres(url.toString(), { max: 1, onnotice: () => undefined });
      try {
        const tables = await db<{ t: string }[]>`
          SELECT quote_ident(tablename) AS t FROM pg_tables WHERE schemaname = 'public'`;
        if (tables.length > 0)
          await db.unsafe(`TRUNCATE ${tables.map((r) => r.t).join(', ')} RESTART IDENTITY CASCADE`);
      } finally {
        await db.end({ timeout: 1 });
      }
    },
    async drop() {
      try {
        await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await admin.end({ timeout: 1 });
      }
    },
  };
}

/** The configuration of a quiet replica on `dataDir` and `databaseUrl`, on a free port of 127.0.0.1. */
export function replicaConfig(dataDir: string, databaseUrl: string): Config {
  return {
    ...loadConfig({}),
    dataDir,
    databaseUrl,
    host: '127.0.0.1',
    port: 0,
    loadSample: false,
    logLevel: 'silent',
  };
}
