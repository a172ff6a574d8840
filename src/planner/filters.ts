import { haversineMeters } from '../transit/geo.js';
import type { Network } from '../transit/network.js';
import { isTransitLeg, type Itinerary } from './itinerary.js';

/** Stops of different rides closer than this are the same place (opposite sides of a street), metres. */
const SAME_PLACE_METERS = 50;

/** A stop an itinerary passes, with the ride it is on. */
interface Visit {
  station: number;
  stop: number;
  ride: number;
}

/**
 * True when an itinerary visits a stop or station twice, or rides away and back (DESIGN.md §4):
 * a stop passed on one ride (boarded, passed or alighted at) is passed again later, or a later
 * ride passes within `SAME_PLACE_METERS` of an earlier ride's stop. A change of vehicle at one
 * station is one visit, and so is starting or ending at a stop one boards or leaves at.
 */
export function visitsTwice(net: Network, it: Itinerary): boolean {
  const tt = net.tt;
  const stationOf = (s: number) => (tt.stopParent[s]! >= 0 ? tt.stopParent[s]! : s);
  const visits: Visit[] = [];
  let ride = 0;
  const add = (stop: number) => {
    const station = stationOf(stop);
    const last = visits[visits.length - 1];
    // Alighting and boarding again at one station (or starting there) is one visit.
    if (last && last.station === station && last.ride !== ride) return;
    visits.push({ station, stop, ride });
  };
  const first = it.legs[0]?.from.stop;
  if (first !== undefined) add(first);
  for (const leg of it.legs) {
    if (!isTransitLeg(leg)) continue;
    ride++;
    add(leg.from.stop!);
    for (const s of leg.intermediateStops) add(s.stop);
    add(leg.to.stop!);
  }
  ride++;
  const last = it.legs[it.legs.length - 1]?.to.stop;
  if (last !== undefined) add(last);

  const seen = new Set<number>();
  for (const v of visits) {
    if (seen.has(v.station)) return true;
    seen.add(v.station);
  }
  for (let j = 0; j < visits.length; j++) {
    const b = visits[j]!;
    for (let i = 0; i < j; i++) {
      const a = visits[i]!;
      // The stop before a change and the one after it are meant to be close.
      if (a.ride >= b.ride - 1 || i === j - 1) continue;
      const d = haversineMeters(
        tt.stopLat[a.stop]!,
        tt.stopLon[a.stop]!,
        tt.stopLat[b.stop]!,
        tt.stopLon[b.stop]!,
      );
      if (d < SAME_PLACE_METERS) return true;
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
