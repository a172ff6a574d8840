import type { IntermediateStop, Leg, TransitLeg } from '../planner/itinerary.js';
import type { Live } from '../planner/liveView.js';
import type { PlacePoint } from '../planner/query.js';
import type { Network } from '../transit/index.js';
import { liveRun, type TripRealtime } from '../transit/index.js';
import type { UnixSeconds } from '../transit/index.js';
import { flowLiveTimes } from './flowLiveTimes.js';
import {
  compactArrival,
  isCompactRide,
  type CompactItinerary,
  type CompactLeg,
  type CompactPlace,
  type CompactRide,
} from './compactItinerary.js';
import { dayNumberOf, resolveRide, type ResolvedRide } from './resolveRide.js';

/** A leg of a followed journey: the planner's leg, and on rides whether the next connection is at risk. */
export type JourneyLeg = Leg & { connectionAtRisk?: boolean };

/** A booked itinerary as it stands now. */
export interface FollowedJourney {
  /** Legs as in `plan`; rides with live times where realtime has them. */
  legs: JourneyLeg[];
  /** Arrival of the last leg, after live times flowed through the legs, Unix seconds. */
  liveArrival: UnixSeconds;
  /**
   * When the realtime data the rides use first expires (the journey then falls back to the
   * timetable there), Unix seconds; undefined when no ride has live data.
   */
  realtimeExpiresAt: UnixSeconds | undefined;
}

/** A ride with live times, and whether it is unusable (cancelled, or skipping its board or alight stop). */
interface LiveRide {
  leg: TransitLeg & { connectionAtRisk?: boolean };
  broken: boolean;
  /** When its live data expires, Unix seconds; undefined without live data. */
  expiresAt?: UnixSeconds;
}

function placeOf(net: Network | undefined, p: CompactPlace): PlacePoint {
  const stop = p.s === undefined ? undefined : net?.tt.stopIndexById.get(p.s);
  const name = p.n ?? (stop === undefined ? undefined : net?.tt.stopNames[stop]);
  return {
    lat: p.y,
    lon: p.x,
    ...(stop === undefined ? {} : { stop }),
    ...(name === undefined ? {} : { name }),
  };
}

/** A stop by scoped id from the network; `fallback`'s coordinates when the network no longer has it. */
function stopPlace(net: Network | undefined, stopId: string, fallback: PlacePoint): PlacePoint {
  const stop = net?.tt.stopIndexById.get(stopId);
  if (net === undefined || stop === undefined) return { lat: fallback.lat, lon: fallback.lon };
  const tt = net.tt;
  return { lat: tt.stopLat[stop]!, lon: tt.stopLon[stop]!, stop, name: tt.stopNames[stop]! };
}

/** A ride the current network no longer has: its booked times, without trip or route. */
function unresolvedRide(
  ride: CompactRide,
  t: UnixSeconds,
  from: PlacePoint,
  to: PlacePoint,
): LiveRide {
  const departure = t + ride.d;
  const arrival = t + ride.r;
  const leg: TransitLeg = {
    mode: ride.m,
    from,
    to,
    departure,
    arrival,
    scheduledDeparture: departure,
    scheduledArrival: arrival,
    realtime: false,
    distanceMeters: ride.x,
    trip: -1,
    route: -1,
    pattern: -1,
    run: -1,
    serviceDay: dayNumberOf(ride.sd),
    boardPos: ride.i,
    alightPos: ride.j,
    intermediateStops: [],
  };
  return { leg, broken: false };
}

/** Live times of a resolved ride: scheduled times plus the delays realtime has for its stops. */
function liveRide(
  net: Network,
  ride: CompactRide,
  r: ResolvedRide,
  live: Live,
  ends: { from: PlacePoint; to: PlacePoint },
): LiveRide {
  const tt = net.tt;
  const e: TripRealtime | undefined = liveRun(live.overlay, r.run, r.serviceDay, live.nowSec);
  const t0 = tt.runTimeStart[r.run]!;
  const delay = (delays: Int32Array | undefined, pos: number) =>
    e && e.hasData[pos] === 1 ? delays![pos]! : 0;
  const scheduledDeparture = r.dayStart + tt.runDeparture[t0 + r.boardPos]!;
  const scheduledArrival = r.dayStart + tt.runArrival[t0 + r.alightPos]!;
  const base = tt.patternStopStart[r.pattern]!;
  const intermediateStops: IntermediateStop[] = [];
  for (let pos = r.boardPos + 1; pos < r.alightPos; pos++) {
    if (e?.skipped[pos] === 1) continue;
    intermediateStops.push({
      stop: tt.patternStops[base + pos]!,
      arrival: r.dayStart + tt.runArrival[t0 + pos]! + delay(e?.arrivalDelay, pos),
      departure: r.dayStart + tt.runDeparture[t0 + pos]! + delay(e?.departureDelay, pos),
    });
  }
  const leg: TransitLeg = {
    mode: ride.m,
    from: ends.from,
    to: ends.to,
    departure: scheduledDeparture + delay(e?.departureDelay, r.boardPos),
    arrival: scheduledArrival + delay(e?.arrivalDelay, r.alightPos),
    scheduledDeparture,
    scheduledArrival,
    realtime: e !== undefined,
    distanceMeters: ride.x,
    trip: r.trip,
    route: r.route,
    pattern: r.pattern,
    run: r.run,
    serviceDay: r.serviceDay,
    boardPos: r.boardPos,
    alightPos: r.alightPos,
    intermediateStops,
  };
  const broken =
    e !== undefined && (e.cancelled || e.skipped[r.boardPos] === 1 || e.skipped[r.alightPos] === 1);
  // liveRun keeps data while floor(now) − timestamp ≤ maxAge: gone one second after that.
  return e
    ? { leg, broken, expiresAt: e.timestamp + live.overlay.maxAgeSeconds + 1 }
    : { leg, broken };
}

/** A WALK, CAR or PARK leg starting at `from` (where the leg before it ended). */
function streetLeg(
  net: Network | undefined,
  leg: Exclude<CompactLeg, CompactRide>,
  t: UnixSeconds,
  from: PlacePoint,
): Leg {
  const times = { departure: t + leg.d, arrival: t + leg.r };
  if (leg.m !== 'PARK') {
    return { mode: leg.m, from, to: placeOf(net, leg.b), ...times, distanceMeters: leg.x };
  }
  const p = leg.p;
  return {
    mode: 'PARK',
    from,
    to: from,
    ...times,
    distanceMeters: 0,
    parking: {
      facilityId: p.f,
      name: from.name ?? '',
      lat: from.lat,
      lon: from.lon,
      startsAt: t + p.s,
      endsAt: t + p.e,
      // Live availability is the caller's to fill in; the planned figures are not kept.
      availableSpaces: null,
      stale: true,
      reservable: p.v === 1,
      price: { amount: p.a, currency: p.c },
      status: 'UNKNOWN',
      closesAt: p.z === undefined ? null : t + p.z,
    },
  };
}

/**
 * Marks each ride whose live arrival, plus the walks up to the next ride and `slack`, is later
 * than the next ride's live departure, or where either ride is unusable.
 */
function markConnections(legs: JourneyLeg[], rides: Map<number, LiveRide>, slack: number): void {
  const order = [...rides.keys()].sort((a, b) => a - b);
  for (const [n, i] of order.entries()) {
    const ride = rides.get(i)!;
    const j = order[n + 1];
    if (j === undefined) {
      ride.leg.connectionAtRisk = ride.broken;
      continue;
    }
    const next = rides.get(j)!;
    let walk = 0;
    for (let k = i + 1; k < j; k++) walk += legs[k]!.arrival - legs[k]!.departure;
    ride.leg.connectionAtRisk =
      ride.broken || next.broken || ride.leg.arrival + walk + slack > next.leg.departure;
  }
}

/**
 * A booked itinerary on the current network and realtime: street legs as booked, rides with
 * their live times (DESIGN.md §6), `connectionAtRisk` on each ride. `net` may be a newer version
 * of the feed; rides it no longer has keep their booked times.
 */
export function followJourney(
  net: Network | undefined,
  c: CompactItinerary,
  live: Live,
): FollowedJourney {
  const rides = new Map<number, LiveRide>();
  let at = placeOf(net, c.o);
  const legs: JourneyLeg[] = c.l.map((leg, i) => {
    if (!isCompactRide(leg)) {
      const street = streetLeg(net, leg, c.t, at);
      at = street.to;
      return street;
    }
    const from = stopPlace(net, leg.a, at);
    const ends = { from, to: stopPlace(net, leg.b, from) };
    const resolved = net && resolveRide(net, leg, c.t + leg.d);
    const ride =
      net && resolved
        ? liveRide(net, leg, resolved, live, ends)
        : unresolvedRide(leg, c.t, ends.from, ends.to);
    rides.set(i, ride);
    at = ride.leg.to;
    return ride.leg;
  });
  flowLiveTimes(legs, c, rides);
  markConnections(legs, rides, c.k);
  const expiries = [...rides.values()].flatMap((r) =>
    r.expiresAt === undefined ? [] : [r.expiresAt],
  );
  return {
    legs,
    liveArrival: legs[legs.length - 1]?.arrival ?? compactArrival(c),
    realtimeExpiresAt: expiries.length > 0 ? Math.min(...expiries) : undefined,
  };
}
