import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** The feeds being served: each row points at the node-gtfs SQLite file of its current version. */
export const feeds = sqliteTable('feeds', {
  id: text('id').primaryKey(),
  /** File name under `$DATA_DIR/feeds/`. */
  fileName: text('file_name').notNull(),
  version: integer('version').notNull(),
  importedAt: integer('imported_at', { mode: 'timestamp_ms' }).notNull(),
  /** Where the feed came from (path or URL), for operators' information. */
  source: text('source'),
});

export type FeedRow = typeof feeds.$inferSelect;
