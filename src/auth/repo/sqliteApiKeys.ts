import { eq, sql } from 'drizzle-orm';
import { apiKeys, preparedOn, type AppDb, type SyncDb } from '../../db/index.js';
import type { ApiKeyRepository } from '../repository.js';

/** API keys in the embedded SQLite file. */
export function sqliteApiKeys(db: AppDb): ApiKeyRepository {
  return {
    insert: (row) => {
      db.insert(apiKeys).values(row).run();
      return Promise.resolve();
    },
    find: (id) => Promise.resolve(preparedOn(db, apiKeyById).get({ id })),
  };
}

const apiKeyById = (db: SyncDb) =>
  db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.id, sql.placeholder('id')))
    .prepare();
