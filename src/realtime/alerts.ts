import type { ScheduledDeparture } from '../transit/index.js';
import type { Network } from '../transit/index.js';
import type { UnixSeconds } from '../transit/index.js';
import type { FeedAlert, VehicleInput } from './model.js';
import type { RealtimeSnapshot } from './snapshot.js';

/** True when one of the alert's active periods (none: always) contains `nowSec`. */
export function alertIsActive(a: FeedAlert, nowSec: UnixSeconds): boolean {
  if (a.activePeriods.length === 0) return true;
  return a.activePeriods.some(
    (p) => (p.start ?? -Infinity) <= nowSec && nowSec < (p.end ?? Infinity),
  );
}

/** True when one of the alert's active periods (none: always) overlaps `[fromSec, toSec]`. */
export function alertIsActiveDuring(
  a: FeedAlert,
  fromSec: UnixSeconds,
  toSec: UnixSeconds,
): boolean {
  if (a.activePeriods.length === 0) return true;
  return a.activePeriods.some(
    (p) => (p.start ?? -Infinity) <= toSec && fromSec < (p.end ?? Infinity),
  );
}

/** What a ride is, for its alerts: compiled route, trip and the stops it calls at, and when. */
export interface RideForAlerts {
  route: number;
  trip: number;
  /** Boarding, intermediate and alighting stops (compiled indices). */
  stops: readonly number[];
  departure: UnixSeconds;
  arrival: UnixSeconds;
}

/**
 * Alerts active at some time during a ride that name its route, its trip, or one of its stops
 * (or their stations); an informed entity's fields AND, as for departures.
 */
export function rideAlerts(net: Network, rt: RealtimeSnapshot, ride: RideForAlerts): FeedAlert[] {
  if (rt.alerts.length === 0) return [];
  const tt = net.tt;
  const feedId = tt.feeds[tt.routeFeed[ride.route]!]?.feedId ?? '';
  const unscope = (id: string) => id.slice(feedId.length + 1);
  const stops = new Set<string>();
  for (const s of ride.stops) {
    stops.add(unscope(tt.stopIds[s]!));
    const parent = tt.stopParent[s]!;
    if (parent >= 0) stops.add(unscope(tt.stopIds[parent]!));
  }
  const routeId = unscope(tt.routeIds[ride.route]!);
  const tripId = unscope(tt.tripIds[ride.trip]!);
  return rt.alerts.filter(
    (a) =>
      a.feedId === feedId &&
      alertIsActiveDuring(a, ride.departure, ride.arrival) &&
      a.informed.some(
        (e) =>
          (e.routeId !== undefined || e.stopId !== undefined || e.tripId !== undefined) &&
          (e.routeId === undefined || e.routeId === routeId) &&
          (e.stopId === undefined || stops.has(e.stopId)) &&
          (e.tripId === undefined || e.tripId === tripId),
      ),
  );
}

/** Active alerts of one feed. */
export function feedAlerts(rt: RealtimeSnapshot, feedId: string, nowSec: UnixSeconds): FeedAlert[] {
  return rt.alerts.filter((a) => a.feedId === feedId && alertIsActive(a, nowSec));
}

/**
 * Active alerts for a departure: an informed entity matches when each field it sets (agency,
 * route, stop — the platform or its station —, trip) names this departure (GTFS-RT: fields AND).
 */
export function departureAlerts(
  net: Network,
  rt: RealtimeSnapshot,
  d: ScheduledDeparture,
  nowSec: UnixSeconds,
): FeedAlert[] {
  const route = net.tt.tripRoute[d.trip]!;
  return rideAlerts(net, rt, {
    route,
    trip: d.trip,
    stops: [d.stop],
    departure: nowSec,
    arrival: nowSec,
  });
}

/** The last fresh position of the vehicle on a departure's trip (and service day, when the feed says). */
export function departureVehicle(
  net: Network,
  rt: RealtimeSnapshot,
  d: ScheduledDeparture,
  nowSec: UnixSeconds,
): VehicleInput | undefined {
  const v = rt.vehiclesByTrip.get(net.tt.tripIds[d.trip]!);
  if (!v || nowSec - v.timestamp > rt.overlay.maxAgeSeconds) return undefined;
  if (v.startDate !== undefined) {
    const day = new Date(d.serviceDay * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
    if (day !== v.startDate) return undefined;
  }
  return v;
}
