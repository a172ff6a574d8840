import { eq } from 'drizzle-orm';
import { realtimeSources, type AppDb } from '../../db/index.js';
import type { RealtimeSourceRepository } from '../sources.js';

const s = realtimeSources;

/** The realtime sources in the data folder's SQLite file. */
export function sqliteRealtimeSources(db: AppDb): RealtimeSourceRepository {
  return {
    put: (row) => {
      db.insert(s).values(row).onConflictDoUpdate({ target: s.feedId, set: row }).run();
      return Promise.resolve();
    },
    list: () => Promise.resolve(db.select().from(s).orderBy(s.feedId).all()),
    remove: (feedId) => Promise.resolve(db.delete(s).where(eq(s.feedId, feedId)).run().changes > 0),
  };
}
