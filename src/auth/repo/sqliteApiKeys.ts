import { eq } from 'drizzle-orm';
import { apiKeys, type AppDb } from '../../db/index.js';
import type { ApiKeyRepository } from '../repository.js';

/** API keys in the embedded SQLite file. */
export function sqliteApiKeys(db: AppDb): ApiKeyRepository {
  return {
    insert: (row) => {
      db.insert(apiKeys).values(row).run();
      return Promise.resolve();
    },
    find: (id) => Promise.resolve(db.select().from(apiKeys).where(eq(apiKeys.id, id)).get()),
  };
}
