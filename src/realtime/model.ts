import type { UnixSeconds } from '../transit/index.js';

/** A decoded VehiclePosition (GTFS ids unscoped). */
export interface VehicleInput {
  /** Vehicle id, else the entity id. */
  id: string;
  tripId?: string;
  startDate?: string;
  /** WGS84 degrees. */
  lat: number;
  lon: number;
  /** Degrees clockwise from north. */
  bearing?: number;
  /** When the position was observed, Unix seconds. */
  timestamp: UnixSeconds;
}

/** A decoded Alert (GTFS ids unscoped; effect and cause spelled as the GTFS-RT enum names). */
export interface AlertInput {
  id: string;
  headerText?: string;
  descriptionText?: string;
  url?: string;
  effect: string;
  cause: string;
  /** Unix seconds; an open end is undefined. No periods: always active. */
  activePeriods: { start?: UnixSeconds; end?: UnixSeconds }[];
  informed: { agencyId?: string; routeId?: string; stopId?: string; tripId?: string }[];
}

/** An alert with the feed it came from. */
export type FeedAlert = AlertInput & { feedId: string };
