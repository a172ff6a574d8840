import type { PlacePoint } from '../planner/query.js';
import type { UnixSeconds } from '../transit/index.js';
import type { CompactItinerary, CompactLeg } from './compactItinerary.js';
import type { FollowedJourney } from './followJourney.js';

/** Where a journey now stands, to plan a way on from (issue 13). */
export interface WayOnPoint {
  /** Where to plan from: the end of the last kept leg (the origin when none is kept). */
  from: PlacePoint;
  /** The destination (where the last leg ends). */
  to: PlacePoint;
  /** When to leave from `from`, Unix seconds. */
  time: UnixSeconds;
  /** How many of the booked legs stay (they are behind the rider, or under way). */
  keep: number;
  /** True when the booked PARK leg is among the kept ones: the car is parked, ride on without it. */
  parkedBehind: boolean;
}

/**
 * The point a way on starts from at `nowSec`: the alighting stop of the first ride whose
 * connection is at risk, at its live arrival; else the end of the leg under way, at its live
 * arrival; else (before departure) the origin at the later of now and the planned departure.
 * Undefined once the last leg has ended.
 */
export function wayOnPoint(
  c: CompactItinerary,
  followed: FollowedJourney,
  nowSec: UnixSeconds,
): WayOnPoint | undefined {
  const legs = followed.legs;
  const last = legs[legs.length - 1];
  if (!last || nowSec >= last.arrival) return undefined;
  const atRisk = legs.findIndex((l) => l.connectionAtRisk === true);
  const underWay = legs.findIndex((l) => l.departure <= nowSec && nowSec < l.arrival);
  // A connection at risk ahead of the rider comes first; a leg under way is finished first.
  const upTo = atRisk >= 0 && (underWay < 0 || atRisk >= underWay) ? atRisk : underWay;
  if (upTo < 0) {
    const first = legs[0]!;
    return {
      from: first.from,
      to: last.to,
      time: Math.max(nowSec, first.departure),
      keep: 0,
      parkedBehind: false,
    };
  }
  const leg = legs[upTo]!;
  return {
    from: leg.to,
    to: last.to,
    time: Math.max(nowSec, leg.arrival),
    keep: upTo + 1,
    parkedBehind: c.l.slice(0, upTo + 1).some((l) => l.m === 'PARK'),
  };
}

/** `leg` with every offset moved by `by` seconds (to re-base it on another departure). */
function shifted(leg: CompactLeg, by: number): CompactLeg {
  const out = { ...leg, d: leg.d + by, r: leg.r + by };
  if (out.m === 'PARK') {
    const p = { ...out.p, s: out.p.s + by, e: out.p.e + by };
    if (p.z !== undefined) p.z += by;
    return { ...out, p };
  }
  return out;
}

/**
 * The whole itinerary of a way on: the first `keep` legs of the booked one as booked, then the
 * way on (planned from where they end), re-based on the booked departure. With nothing kept it is
 * the way on itself.
 */
export function joinWayOn(
  booked: CompactItinerary,
  keep: number,
  wayOn: CompactItinerary,
): CompactItinerary {
  if (keep === 0) return wayOn;
  const by = wayOn.t - booked.t;
  return {
    v: 1,
    t: booked.t,
    k: wayOn.k,
    o: booked.o,
    l: [...booked.l.slice(0, keep), ...wayOn.l.map((leg) => shifted(leg, by))],
  };
}
