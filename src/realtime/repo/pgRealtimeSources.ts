import { asc, eq } from 'drizzle-orm';
import { pgSchema, type PgDb } from '../../db/index.js';
import type { RealtimeSourceRepository } from '../sources.js';

const s = pgSchema.realtimeSources;

/** The realtime sources in the shared PostgreSQL database, read by the leader's poller. */
export function pgRealtimeSources(db: PgDb): RealtimeSourceRepository {
  return {
    put: async (row) => {
      await db.insert(s).values(row).onConflictDoUpdate({ target: s.feedId, set: row });
    },
    list: () => db.select().from(s).orderBy(asc(s.feedId)),
    remove: async (feedId) =>
      (await db.delete(s).where(eq(s.feedId, feedId)).returning({ feedId: s.feedId })).length > 0,
  };
}
