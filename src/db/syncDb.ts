import type { RunResult } from 'better-sqlite3';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type * as schema from './schema/index.js';

/** The app database or a transaction on it: repository functions work on either, synchronously. */
export type SyncDb = BaseSQLiteDatabase<'sync', RunResult, typeof schema>;
