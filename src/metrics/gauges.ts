import { count, sql } from 'drizzle-orm';
import { Gauge, type Registry } from 'prom-client';
import { parkingReservations } from '../db/index.js';
import type { Services } from '../services.js';

/** Every reservation status, so that a status with no rows is reported as 0 rather than missing. */
const STATUSES = ['HELD', 'CONFIRMED', 'CHECKED_IN', 'CANCELLED', 'EXPIRED', 'COMPLETED'] as const;

/** Reservations per status as of `nowMs`: a HELD past its hold counts as EXPIRED, a CONFIRMED past its end as COMPLETED. */
export function reservationsByStatus(services: Services, nowMs: number): Map<string, number> {
  const r = parkingReservations;
  const status = sql<string>`CASE
    WHEN ${r.status} = 'HELD' AND ${r.holdExpiresAt} <= ${nowMs} THEN 'EXPIRED'
    WHEN ${r.status} = 'CONFIRMED' AND ${r.endsAt} <= ${nowMs} THEN 'COMPLETED'
    ELSE ${r.status} END`;
  const rows = services.db.select({ status, n: count() }).from(r).groupBy(status).all();
  const byStatus = new Map<string, number>(STATUSES.map((s) => [s, 0]));
  for (const row of rows) byStatus.set(row.status, row.n);
  return byStatus;
}

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
    collect() {
      for (const [status, n] of reservationsByStatus(services, services.clock.nowMs())) {
        this.set({ status }, n);
      }
    },
  });
}
