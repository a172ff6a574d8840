import { around } from 'geokdbush';
import { platformsOf } from '../transit/departures.js';
import type { StreetNetwork } from '../streets/index.js';
import { walkSeconds } from '../transit/geo.js';
import type { Network } from '../transit/network.js';
import type { UnixSeconds } from '../transit/time.js';
import type { PlacePoint } from './query.js';
import { walkMetersToMany } from './walking.js';

/** A stop reachable on foot from a place, with the walk. */
export interface StopWalk {
  stop: number;
  /** Walk metres (from the facility when `car` is set). */
  meters: number;
  /** Seconds from leaving the origin to being at the stop (drive + park + walk when `car` is set). */
  seconds: number;
  /**
   * Unix seconds: not at the stop before this, however early one leaves (the lot of a CAR_PARK
   * access opens later: one waits for it). Undefined: no such bound.
   */
  earliestReady?: number;
  /** Set for CAR_PARK access: the drive and the facility before the walk. */
  car?: CarAccess;
}

/** The car part of a CAR_PARK access. */
export interface CarAccess {
  facility: { id: string; name: string; lat: number; lon: number };
  /** When the lot opens, if after arriving there when leaving at the query's time (Unix seconds). */
  opensAt?: number;
  driveSeconds: number;
  driveMeters: number;
  parkSeconds: number;
  walkSeconds: number;
}

/**
 * Served stops within `maxWalkMeters` of walk distance of a place: along the streets where a graph
 * covers them (DESIGN.md §10), else haversine × circuity (§4); when the place is a stop or station,
 * its platforms are reachable in 0 s too.
 */
export function walkableStops(
  net: Network,
  place: PlacePoint,
  maxWalkMeters: number,
  walkSpeed: number,
  streets?: StreetNetwork,
): StopWalk[] {
  const tt = net.tt;
  const best = new Map<number, StopWalk>();
  // A street walk is never shorter than the straight line: the candidates lie within that radius.
  const onStreets = streets !== undefined && streets.graphFor(place) !== undefined;
  const radiusKm = (maxWalkMeters / (onStreets ? 1 : tt.walkCircuity) / 1000) * 1.01 + 0.001;
  const stops = around(tt.servedStopIndex, place.lon, place.lat, Infinity, radiusKm)
    .map((id) => tt.servedStops[id])
    .filter((s) => s !== undefined);
  const meters = walkMetersToMany(
    onStreets ? streets : undefined,
    tt.walkCircuity,
    place,
    stops.map((s) => ({ lat: tt.stopLat[s]!, lon: tt.stopLon[s]! })),
    maxWalkMeters,
  );
  stops.forEach((stop, i) => {
    const m = meters[i]!;
    if (m <= maxWalkMeters) best.set(stop, { stop, meters: m, seconds: walkSeconds(m, walkSpeed) });
  });
  if (place.stop !== undefined) {
    for (const s of platformsOf(net, place.stop)) best.set(s, { stop: s, meters: 0, seconds: 0 });
  }
  return [...best.values()];
}

/** The earliest instant one can board at an access stop when leaving the origin at `t`. */
export function readyAt(w: StopWalk, t: UnixSeconds): UnixSeconds {
  const ready = t + w.seconds;
  return w.earliestReady !== undefined && w.earliestReady > ready ? w.earliestReady : ready;
}
