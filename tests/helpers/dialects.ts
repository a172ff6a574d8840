import { afterAll, beforeAll, describe } from 'vitest';
import { createDialectHarness, type Harness } from './harness.js';
import { createTestDatabase, testDialects, type TestDatabase } from './pg.js';

/** What a dual-dialect suite gets: its dialect, and harnesses on it. */
export interface DialectContext {
  dialect: 'sqlite' | 'postgres';
  /** A fresh harness (SQLite: a new file; PostgreSQL: the file's database, emptied). */
  harness: (options?: { nowMs?: number; env?: Record<string, string> }) => Promise<Harness>;
  /** PostgreSQL only: another replica (its own data folder and pool) on the same, kept database. */
  replica: (options?: { nowMs?: number; env?: Record<string, string> }) => Promise<Harness>;
}

/**
 * Declares the suite once per dialect (DESIGN.md §9): on SQLite, and on PostgreSQL when
 * TEST_DATABASE_URL is set, in a database of this file's own, created before and dropped after.
 */
export function describeDialects(name: string, body: (ctx: DialectContext) => void): void {
  for (const dialect of testDialects()) {
    describe(`${name} [${dialect}]`, () => {
      let database: TestDatabase | undefined;
      if (dialect === 'postgres') {
        beforeAll(async () => {
          database = await createTestDatabase();
        });
        afterAll(async () => {
          await database?.drop();
        });
      }
      body({
        dialect,
        harness: (options) => createDialectHarness(dialect, database, options),
        replica: (options) => createDialectHarness(dialect, database, { ...options, keep: true }),
      });
    });
  }
}
