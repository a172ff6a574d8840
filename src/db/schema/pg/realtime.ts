import { bigserial, boolean, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { bytea } from './feeds.js';

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: 'date' });

/** GTFS-Realtime URLs polled for one feed (PostgreSQL twin of `schema/realtime.ts`). */
export const realtimeSources = pgTable('realtime_sources', {
  feedId: text('feed_id').primaryKey(),
  tripUpdatesUrl: text('trip_updates_url'),
  vehiclePositionsUrl: text('vehicle_positions_url'),
  alertsUrl: text('alerts_url'),
  intervalSeconds: integer('interval_seconds').notNull(),
  updatedAt: at('updated_at').notNull(),
});

/** Every accepted GTFS-Realtime message, in commit order (appends take an advisory lock). */
export const realtimeMessages = pgTable(
  'realtime_messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    feedId: text('feed_id').notNull(),
    kinds: text('kinds'),
    carries: text('carries').notNull(),
    newestAt: at('newest_at').notNull(),
    fullDataset: boolean('full_dataset').notNull(),
    body: bytea('body').notNull(),
    receivedAt: at('received_at').notNull(),
  },
  (t) => [index('realtime_messages_feed_idx').on(t.feedId, t.id)],
);
