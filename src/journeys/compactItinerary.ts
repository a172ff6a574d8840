import { isTransitLeg, type Itinerary, type Leg, type TransitLeg } from '../planner/itinerary.js';
import type { PlacePoint } from '../planner/query.js';
import type { TransitMode } from '../transit/index.js';
import type { Network } from '../transit/index.js';
import { formatDay, type UnixSeconds } from '../transit/index.js';

/**
 * An itinerary in a compact form that does not depend on one compiled network: GTFS ids
 * (scoped) instead of indices, short keys, times in seconds from the departure `t`, and each place
 * once (a leg starts where the one before it ends). It is what an itinerary id carries and what a
 * booked journey stores (DESIGN.md §6).
 */
export interface CompactItinerary {
  /** Format version (1). */
  v: 1;
  /** Departure, Unix seconds; leg times are offsets from it. */
  t: UnixSeconds;
  /** Transfer slack of the plan, seconds (for connectionAtRisk). */
  k: number;
  /** The origin. */
  o: CompactPlace;
  l: CompactLeg[];
}

/** A point: latitude and longitude (5 decimals), and the scoped stop id or a name where known. */
export interface CompactPlace {
  y: number;
  x: number;
  /** Scoped stop id (`si:200001`). */
  s?: string;
  /** Name of a place that is not a stop (a parking facility). */
  n?: string;
}

/** A WALK or CAR leg to `b`, leaving at `d` and arriving at `r` (offsets), `x` metres. */
export interface CompactStreetLeg {
  m: 'WALK' | 'CAR';
  b: CompactPlace;
  d: number;
  r: number;
  x: number;
}

/** A PARK leg (where the drive ended) from `d` to `r` (offsets), with the parking as planned. */
export interface CompactParkLeg {
  m: 'PARK';
  d: number;
  r: number;
  p: CompactParking;
}

/** The parking of a PARK leg: facility `f`, window `s`–`e` (offsets), reservable `v` (1/0), price `a` in major units of currency `c`, closing `z` (offset, optional). */
export interface CompactParking {
  f: string;
  s: number;
  e: number;
  v: 0 | 1;
  a: number;
  c: string;
  /** When the facility closes (offset), if it closes before the day ends. */
  z?: number;
}

/**
 * A ride: trip `t` (scoped) of route `o` (of the trip's feed) on service day `sd` (YYYY-MM-DD),
 * boarding at stop `a` (scoped; pattern position `i`), alighting at `b` (position `j`), scheduled
 * `d` → `r` (offsets), `x` metres.
 */
export interface CompactRide {
  m: TransitMode;
  t: string;
  o: string;
  sd: string;
  a: string;
  i: number;
  b: string;
  j: number;
  d: number;
  r: number;
  x: number;
}

/** Any compact leg. */
export type CompactLeg = CompactStreetLeg | CompactParkLeg | CompactRide;

/** True for rides. */
export function isCompactRide(leg: CompactLeg): leg is CompactRide {
  return leg.m !== 'WALK' && leg.m !== 'CAR' && leg.m !== 'PARK';
}

const round5 = (v: number) => Math.round(v * 1e5) / 1e5;

function compactPlace(net: Network, p: PlacePoint): CompactPlace {
  const out: CompactPlace = { y: round5(p.lat), x: round5(p.lon) };
  if (p.stop !== undefined) out.s = net.tt.stopIds[p.stop]!;
  else if (p.name !== undefined) out.n = p.name;
  return out;
}

function compactRide(net: Network, leg: TransitLeg, t: UnixSeconds): CompactRide {
  const tt = net.tt;
  const trip = tt.tripIds[leg.trip]!;
  const route = tt.routeIds[leg.route]!;
  return {
    m: leg.mode,
    t: trip,
    o: route.slice(route.indexOf(':') + 1),
    sd: formatDay(leg.serviceDay),
    a: tt.stopIds[leg.from.stop!]!,
    i: leg.boardPos,
    b: tt.stopIds[leg.to.stop!]!,
    j: leg.alightPos,
    d: leg.scheduledDeparture - t,
    r: leg.scheduledArrival - t,
    x: leg.distanceMeters,
  };
}

function compactLeg(net: Network, leg: Leg, t: UnixSeconds): CompactLeg {
  if (isTransitLeg(leg)) return compactRide(net, leg, t);
  const times = { d: leg.departure - t, r: leg.arrival - t };
  if (leg.mode === 'PARK') {
    const p = leg.parking;
    const parking: CompactParking = {
      f: p.facilityId,
      s: p.startsAt - t,
      e: p.endsAt - t,
      v: p.reservable ? 1 : 0,
      a: p.price.amount,
      c: p.price.currency,
    };
    if (p.closesAt !== null) parking.z = p.closesAt - t;
    return { m: 'PARK', ...times, p: parking };
  }
  return { m: leg.mode, b: compactPlace(net, leg.to), ...times, x: leg.distanceMeters };
}

/** The compact form of an itinerary planned on `net`, with the plan's transfer slack (seconds). */
export function compactItinerary(
  net: Network,
  it: Itinerary,
  transferSlack: number,
): CompactItinerary {
  const origin = it.legs[0]?.from ?? { lat: 0, lon: 0 };
  return {
    v: 1,
    t: it.departure,
    k: transferSlack,
    o: compactPlace(net, origin),
    l: it.legs.map((leg) => compactLeg(net, leg, it.departure)),
  };
}

/** Planned arrival of a compact itinerary, Unix seconds. */
export function compactArrival(c: CompactItinerary): UnixSeconds {
  const last = c.l[c.l.length - 1];
  return c.t + (last?.r ?? 0);
}

/** The PARK leg of a compact itinerary, if any. */
export function compactParkLeg(c: CompactItinerary): CompactParkLeg | undefined {
  return c.l.find((leg): leg is CompactParkLeg => leg.m === 'PARK');
}

/** The name of the place a PARK leg is at (the end of the drive before it), if stored. */
export function parkPlaceName(c: CompactItinerary): string | undefined {
  const at = c.l.findIndex((leg) => leg.m === 'PARK');
  const before = c.l[at - 1];
  return before && before.m === 'CAR' ? before.b.n : undefined;
}
