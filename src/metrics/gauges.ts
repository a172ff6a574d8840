import { Gauge, type Registry } from 'prom-client';
import type { Services } from '../services.js';

/** Every reservation status, so that a status with no rows is reported as 0 rather than missing. */
const STATUSES = ['HELD', 'CONFIRMED', 'CHECKED_IN', 'CANCELLED', 'EXPIRED', 'COMPLETED'] as const;

/** Registers the gauges computed at scrape time from the services: feed age, realtime lag, reservations. */
export function registerGauges(registry: Registry, services: Services): void {
  const nowSec = () => services.clock.nowMs() / 1000;
  new Gauge({
    name: 'maas_feed_age_seconds',
    help: 'Seconds since the served version of each GTFS feed was imported.',
    labelNames: ['feed'],
    registers: [registry],
    // Across cluster workers: the oldest.
    aggregator: 'max',
    collect() {
      this.reset();
      for (const feed of services.feeds.network?.tt.feeds ?? []) {
        this.set({ feed: feed.feedId }, Math.max(0, nowSec() - feed.importedAtMs / 1000));
      }
    },
  });
  new Gauge({
    name: 'maas_realtime_lag_seconds',
    help: 'Seconds since the last GTFS-Realtime message applied for each feed (feeds with realtime only).',
    labelNames: ['feed'],
    registers: [registry],
    aggregator: 'max',
    collect() {
      this.reset();
      for (const feed of services.realtime.snapshot.feeds.values()) {
        this.set({ feed: feed.feedId }, Math.max(0, nowSec() - feed.updatedAt));
      }
    },
  });
  new Gauge({
    name: 'maas_parking_reservations',
    help: 'Parking reservations by status (HELD past its hold counts as EXPIRED, CONFIRMED past its end as COMPLETED).',
    labelNames: ['status'],
    registers: [registry],
    // Every worker counts the same table.
    aggregator: 'first',
    async collect() {
      // Through parking's repository: the data folder's file, or the shared database.
      const counts = await services.parking.reservationCounts();
      for (const status of STATUSES) this.set({ status }, counts.get(status) ?? 0);
    },
  });
}
