import { emptyOverlay, type RealtimeOverlay, type TripRealtime } from '../transit/index.js';
import type { UnixSeconds } from '../transit/index.js';
import type { AlertInput, VehicleInput } from './model.js';

/** Realtime data of one feed as stored between updates (GTFS ids unscoped). */
export interface FeedRealtime {
  feedId: string;
  /** Last message applied, Unix seconds. */
  updatedAt: UnixSeconds;
  /** Header timestamp of the newest message applied per kind (what a later message must not be older than). */
  newestByKind: import('./freshness.js').NewestByKind;
  /** By `tripId|startDate`. */
  tripUpdates: ReadonlyMap<string, import('../transit/index.js').TripUpdateInput>;
  /** By vehicle id. */
  vehicles: ReadonlyMap<string, VehicleInput>;
  /** By entity id. */
  alerts: ReadonlyMap<string, AlertInput>;
  /** `tripUpdates` matched to the current timetable. */
  matched: readonly TripRealtime[];
}

/**
 * One published, immutable state of all realtime data: the timetable overlay plus vehicles and
 * alerts. Requests capture it once (like `Network`), so an update is seen whole or not at all.
 */
export interface RealtimeSnapshot {
  version: number;
  overlay: RealtimeOverlay;
  /** By feed id. */
  feeds: ReadonlyMap<string, FeedRealtime>;
  /** Vehicles by scoped trip id (`feed:trip`). */
  vehiclesByTrip: ReadonlyMap<string, VehicleInput>;
  /** Alerts with the feed they came from. */
  alerts: readonly (AlertInput & { feedId: string })[];
}

/** The snapshot before any realtime arrives. */
export function emptySnapshot(maxAgeSeconds: number): RealtimeSnapshot {
  return {
    version: 0,
    overlay: emptyOverlay(maxAgeSeconds),
    feeds: new Map(),
    vehiclesByTrip: new Map(),
    alerts: [],
  };
}

/** True when `feedId` has data newer than the max age at `nowSec`. */
export function feedIsLive(s: RealtimeSnapshot, feedId: string, nowSec: UnixSeconds): boolean {
  const f = s.feeds.get(feedId);
  return f !== undefined && nowSec - f.updatedAt <= s.overlay.maxAgeSeconds;
}
