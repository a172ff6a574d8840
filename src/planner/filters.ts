import { haversineMeters } from '../transit/geo.js';
import type { Network } from '../transit/network.js';
import { isTransitLeg, type Itinerary } from './itinerary.js';
import type { PlacePoint } from './query.js';

/** A place passed again this close after a whole ride is "away and back", metres (straight line). */
const AWAY_AND_BACK_METERS = 100;

/** A place an itinerary passes. */
interface Visit {
  lat: number;
  lon: number;
  /** The station (parent, else the stop itself); undefined for a point that is not a stop. */
  station: number | undefined;
  /** Rides completed when the rider is here. */
  ridesDone: number;
  /** True when passed on board (an intermediate stop). */
  onBoard: boolean;
  end: 'origin' | 'destination' | undefined;
}

function visitsOf(net: Network, it: Itinerary): Visit[] {
  const tt = net.tt;
  const stationOf = (s: number) => (tt.stopParent[s]! >= 0 ? tt.stopParent[s]! : s);
  const visits: Visit[] = [];
  const push = (p: PlacePoint, ridesDone: number, onBoard: boolean, end?: Visit['end']) => {
    const station = p.stop === undefined ? undefined : stationOf(p.stop);
    const last = visits[visits.length - 1];
    // Alighting and boarding again at one station (or starting there) is one visit.
    const same =
      last !== undefined &&
      (station !== undefined && last.station !== undefined
        ? station === last.station
        : haversineMeters(p.lat, p.lon, last.lat, last.lon) < 1);
    if (same) {
      if (end === 'destination') last.end = end;
      return;
    }
    visits.push({ lat: p.lat, lon: p.lon, station, ridesDone, onBoard, end });
  };
  const legs = it.legs;
  let rides = 0;
  if (legs[0]) push(legs[0].from, 0, false, 'origin');
  for (const leg of legs) {
    push(leg.from, rides, false);
    if (isTransitLeg(leg)) {
      for (const s of leg.intermediateStops)
        push({ lat: tt.stopLat[s.stop]!, lon: tt.stopLon[s.stop]!, stop: s.stop }, rides, true);
      rides++;
    }
    push(leg.to, rides, false);
  }
  const last = legs[legs.length - 1];
  if (last) push(last.to, rides, false, 'destination');
  return visits;
}

/**
 * True when an itinerary visits a stop or station twice, or rides away and back (DESIGN.md §4):
 * after a whole ride it passes within `AWAY_AND_BACK_METERS` of a place it passed before (the
 * origin included; origin and destination are not compared with each other). A change of
 * vehicle at one station is one visit.
 */
export function visitsTwice(net: Network, it: Itinerary): boolean {
  const visits = visitsOf(net, it);
  for (let j = 0; j < visits.length; j++) {
    const b = visits[j]!;
    for (let i = 0; i < j; i++) {
      const a = visits[i]!;
      if (a.station !== undefined && a.station === b.station) return true;
      if (a.end === 'origin' && b.end === 'destination') continue;
      // A whole ride lies between them: one done after `a` that is not the one the rider is on at `a`.
      if (b.ridesDone - a.ridesDone - (a.onBoard ? 1 : 0) < 1) continue;
      if (haversineMeters(a.lat, a.lon, b.lat, b.lon) < AWAY_AND_BACK_METERS) return true;
    }
  }
  return false;
}

/** Criteria an itinerary is judged on: later departure, earlier arrival, less walking, fewer changes, less driving. */
function noWorse(a: Itinerary, b: Itinerary): boolean {
  return (
    a.departure >= b.departure &&
    a.arrival <= b.arrival &&
    a.walkMeters <= b.walkMeters &&
    a.transfers <= b.transfers &&
    a.driveSeconds <= b.driveSeconds
  );
}

function same(a: Itinerary, b: Itinerary): boolean {
  return (
    a.departure === b.departure &&
    a.arrival === b.arrival &&
    a.walkMeters === b.walkMeters &&
    a.transfers === b.transfers &&
    a.driveSeconds === b.driveSeconds
  );
}

/**
 * True when `a` dominates `b` (DESIGN.md §4): `b` leaves no later, arrives no earlier, walks no
 * less, changes no less and drives no less, and is worse in one of them. A direct walk can leave
 * whenever the rider likes, so it dominates what takes as long or longer with as much walking.
 */
export function dominates(a: Itinerary, b: Itinerary): boolean {
  if (a === b) return false;
  if (a.signature === 'walk' && b.signature !== 'walk') {
    const shifted = {
      ...a,
      departure: b.departure,
      arrival: b.departure + a.arrival - a.departure,
    };
    return noWorse(shifted, b);
  }
  return noWorse(a, b) && !same(a, b);
}

/** The itineraries no other one of the list dominates, in their order. */
export function nonDominated(list: readonly Itinerary[]): Itinerary[] {
  return list.filter((b) => !list.some((a) => dominates(a, b)));
}
