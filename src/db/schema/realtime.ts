import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

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
