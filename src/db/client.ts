import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema/index.js';

/** The application database (drizzle over better-sqlite3). */
export type AppDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/**
 * Opens `app.sqlite` (or `:memory:`), sets WAL and synchronous=FULL so that an acknowledged write
 * survives a crash (DESIGN.md §2), and applies the committed migrations.
 */
export function openAppDb(file: string): AppDb {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  return db;
}

/** Path of the application database inside a data folder. */
export function appDbPath(dataDir: string): string {
  return path.join(dataDir, 'app.sqlite');
}
