import { asc, eq, gt, inArray, max, notInArray, sql } from 'drizzle-orm';
import { ADVISORY, pgSchema, type PgDb } from '../../db/index.js';
import type { RealtimeLog } from '../realtimeLog.js';

const m = pgSchema.realtimeMessages;
/** Every append notifies this channel (payload: the new row's id) at commit. */
const CHANNEL = 'realtime_appended';

/**
 * The realtime log in the shared PostgreSQL database (DESIGN.md §9): appends take a
 * transaction-level advisory lock, so that ids commit in order and each append sees every row
 * before it; followers LISTEN, and catch up on every (re)connect.
 */
export function pgRealtimeLog(db: PgDb): RealtimeLog {
  return {
    append: (afterId, decide, prune) =>
      db.transaction(async (tx) => {
        await tx.execute(sql`SELECT pg_advisory_xact_lock(${ADVISORY.realtimeAppend})`);
        const unseen = await tx.select().from(m).where(gt(m.id, afterId)).orderBy(asc(m.id));
        const message = decide(unseen);
        if (!message) return undefined;
        const [row] = await tx.insert(m).values(message).returning({ id: m.id });
        const feedRows = await tx
          .select({
            id: m.id,
            kinds: m.kinds,
            carries: m.carries,
            fullDataset: m.fullDataset,
            newestAt: m.newestAt,
          })
          .from(m)
          .where(eq(m.feedId, message.feedId))
          .orderBy(asc(m.id));
        const stale = prune(feedRows);
        if (stale.length > 0) await tx.delete(m).where(inArray(m.id, stale));
        await tx
          .delete(m)
          .where(notInArray(m.feedId, tx.select({ id: pgSchema.feeds.id }).from(pgSchema.feeds)));
        await tx.execute(sql`SELECT pg_notify(${CHANNEL}, ${String(row!.id)})`);
        return row!.id;
      }),
    after: (afterId) => db.select().from(m).where(gt(m.id, afterId)).orderBy(asc(m.id)),
    latestId: async () => {
      const [row] = await db.select({ id: max(m.id) }).from(m);
      return row?.id ?? 0;
    },
    listen: async (onAppend) => {
      const meta = await db.$client.listen(CHANNEL, () => onAppend(), onAppend);
      return () => meta.unlisten();
    },
  };
}
