import { createHash } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import { pgSchema, type PgDb } from '../../db/index.js';
import { ConflictError } from '../../errors.js';
import type { SharedFeed, SharedFeedStore } from '../sharedFeedStore.js';

const f = pgSchema.feeds;
const files = pgSchema.feedFiles;
/** Every change of the shared registry notifies this channel (payload: the feed id). */
const FEEDS_CHANNEL = 'feeds_changed';

/** The feed registry and the feeds' zips in PostgreSQL (DESIGN.md §9). */
export function pgFeedStore(db: PgDb): SharedFeedStore {
  return {
    list: async () =>
      (await db.select().from(f).orderBy(asc(f.id))).map((row) => ({
        id: row.id,
        version: row.version,
        importedAt: row.importedAt,
        source: row.source,
      })),
    nextVersion: async (id) => {
      const [row] = await db.select({ version: f.version }).from(f).where(eq(f.id, id));
      return (row?.version ?? 0) + 1;
    },
    publish: async (feed: SharedFeed, zip: Buffer) => {
      await db.transaction(async (tx) => {
        await tx.execute(
          sql`SELECT pg_advisory_xact_lock(hashtextextended(${`feed:${feed.id}`}, 0))`,
        );
        const [current] = await tx.select({ version: f.version }).from(f).where(eq(f.id, feed.id));
        if (current && current.version >= feed.version)
          throw new ConflictError(
            `feed "${feed.id}" v${current.version} was imported meanwhile; import again`,
          );
        const row = { ...feed, fileName: `${feed.id}.v${feed.version}.zip` };
        await tx.insert(f).values(row).onConflictDoUpdate({ target: f.id, set: row });
        const stored = {
          feedId: feed.id,
          version: feed.version,
          sha256: createHash('sha256').update(zip).digest('hex'),
          zip,
          storedAt: feed.importedAt,
        };
        await tx
          .insert(files)
          .values(stored)
          .onConflictDoUpdate({ target: files.feedId, set: stored });
        await tx.execute(sql`SELECT pg_notify(${FEEDS_CHANNEL}, ${feed.id})`);
      });
    },
    remove: async (id) => {
      return db.transaction(async (tx) => {
        const gone = await tx.delete(f).where(eq(f.id, id)).returning({ id: f.id });
        await tx.delete(files).where(eq(files.feedId, id));
        await tx.execute(sql`SELECT pg_notify(${FEEDS_CHANNEL}, ${id})`);
        return gone.length > 0;
      });
    },
    zip: async (id, version) => {
      const [row] = await db
        .select({ zip: files.zip, version: files.version })
        .from(files)
        .where(eq(files.feedId, id));
      return row && row.version === version ? row.zip : undefined;
    },
    listen: async (onChange) => {
      const meta = await db.$client.listen(FEEDS_CHANNEL, () => onChange(), onChange);
      return () => meta.unlisten();
    },
  };
}
