import { asc, eq, gt, inArray, max, notInArray } from 'drizzle-orm';
import { feeds, realtimeMessages, type AppDb } from '../../db/index.js';
import type { RealtimeLog } from '../realtimeLog.js';

const m = realtimeMessages;

/**
 * The realtime log in the data folder's SQLite file: each append one IMMEDIATE transaction (the
 * other processes on the file wait), followers poll the newest id (`listen` is a no-op here).
 */
export function sqliteRealtimeLog(db: AppDb): RealtimeLog {
  const after = (afterId: number) =>
    db.select().from(m).where(gt(m.id, afterId)).orderBy(asc(m.id)).all();
  return {
    append: (afterId, decide, prune) =>
      new Promise((resolve) => {
        resolve(
          db.transaction(
            (tx) => {
              const unseen = tx.select().from(m).where(gt(m.id, afterId)).orderBy(asc(m.id)).all();
              const message = decide(unseen);
              if (!message) return undefined;
              const row = tx.insert(m).values(message).returning({ id: m.id }).get();
              const feedRows = tx
                .select({
                  id: m.id,
                  kinds: m.kinds,
                  carries: m.carries,
                  fullDataset: m.fullDataset,
                  newestAt: m.newestAt,
                })
                .from(m)
                .where(eq(m.feedId, message.feedId))
                .orderBy(asc(m.id))
                .all();
              const stale = prune(feedRows);
              if (stale.length > 0) tx.delete(m).where(inArray(m.id, stale)).run();
              // Rows of feeds no longer registered go too.
              tx.delete(m)
                .where(notInArray(m.feedId, tx.select({ id: feeds.id }).from(feeds)))
                .run();
              return row.id;
            },
            { behavior: 'immediate' },
          ),
        );
      }),
    after: (afterId) => Promise.resolve(after(afterId)),
    latestId: () =>
      Promise.resolve(
        db
          .select({ id: max(m.id) })
          .from(m)
          .get()?.id ?? 0,
      ),
    listen: () => Promise.resolve(() => Promise.resolve()),
  };
}
