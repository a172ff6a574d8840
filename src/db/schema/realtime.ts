import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** GTFS-Realtime URLs the server polls for one feed (`maas feed realtime`). */
export const realtimeSources = sqliteTable('realtime_sources', {
  feedId: text('feed_id').primaryKey(),
  tripUpdatesUrl: text('trip_updates_url'),
  vehiclePositionsUrl: text('vehicle_positions_url'),
  alertsUrl: text('alerts_url'),
  /** Seconds between polls. */
  intervalSeconds: integer('interval_seconds').notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

export type RealtimeSourceRow = typeof realtimeSources.$inferSelect;

/**
 * Every GTFS-Realtime message accepted (push or poll), in arrival order: the one source all server
 * processes read realtime from (DESIGN.md §9). Each process applies the rows after the last it
 * applied, in id order, so all reach the same state; a restarted process replays them. Rows whose
 * content is superseded (a later FULL_DATASET of the same kinds) or expired are pruned.
 */
export const realtimeMessages = sqliteTable(
  'realtime_messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    feedId: text('feed_id').notNull(),
    /** Kinds a FULL_DATASET message replaces, comma-separated, when its source says (a poll URL); null: the kinds it carries. */
    kinds: text('kinds'),
    /** The kinds of entity the message carries or replaces, comma-separated (for pruning). */
    carries: text('carries').notNull(),
    /** The newest of its entities' timestamps and its arrival: its trip updates and vehicle positions expire from there. */
    newestAt: integer('newest_at', { mode: 'timestamp_ms' }).notNull(),
    fullDataset: integer('full_dataset', { mode: 'boolean' }).notNull(),
    body: blob('body', { mode: 'buffer' }).notNull(),
    receivedAt: integer('received_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('realtime_messages_feed_idx').on(t.feedId, t.id)],
);

export type RealtimeMessageRow = typeof realtimeMessages.$inferSelect;
