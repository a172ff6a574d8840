import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { bytea } from './feeds.js';

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: 'date' });

/**
 * The compiled street graph of each area (DESIGN.md §9, §10), shared by every replica: on SQLite
 * they are files under `DATA_DIR/streets/`, so this table has no SQLite twin.
 */
export const streetGraphs = pgTable('street_graphs', {
  area: text('area').primaryKey(),
  /** The graph's metadata (`StreetGraphMeta`), listed without reading the bytes. */
  meta: jsonb('meta').$type<Record<string, unknown>>().notNull(),
  /** The encoded graph (`encodeStreetGraph`); read and written in slices, see `pgStreetStore`. */
  bytes: bytea('bytes').notNull(),
  importedAt: at('imported_at').notNull(),
});
