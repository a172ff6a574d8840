import { customType, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: 'date' });

/** Raw bytes (`bytea`) as a Buffer. */
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => 'bytea',
});

/** The feeds being served (PostgreSQL twin of `schema/feeds.ts`). */
export const feeds = pgTable('feeds', {
  id: text('id').primaryKey(),
  fileName: text('file_name').notNull(),
  version: integer('version').notNull(),
  importedAt: at('imported_at').notNull(),
  source: text('source'),
});

/**
 * The GTFS zip of each feed's current version (DESIGN.md §9): a replica on an empty data folder
 * imports and compiles what it finds here.
 */
export const feedFiles = pgTable('feed_files', {
  feedId: text('feed_id').primaryKey(),
  version: integer('version').notNull(),
  /** SHA-256 of `zip`, hex. */
  sha256: text('sha256').notNull(),
  zip: bytea('zip').notNull(),
  storedAt: at('stored_at').notNull(),
});
