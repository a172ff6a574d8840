import { eq } from 'drizzle-orm';
import { pgSchema, type PgDb } from '../../db/index.js';
import type { ApiKeyRepository } from '../repository.js';

const k = pgSchema.apiKeys;

/** API keys in the shared PostgreSQL database. */
export function pgApiKeys(db: PgDb): ApiKeyRepository {
  return {
    insert: async (row) => {
      await db.insert(k).values(row);
    },
    find: async (id) => {
      const [row] = await db.select().from(k).where(eq(k.id, id));
      return row;
    },
  };
}
