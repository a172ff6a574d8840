import type { Leg } from '../planner/itinerary.js';
import type { UnixSeconds } from '../transit/index.js';
import { isCompactRide, type CompactItinerary } from './compactItinerary.js';

/**
 * Lets live ride times flow into the street legs after them (DESIGN.md §6, issue 13): a WALK,
 * CAR or PARK leg planned to start as a ride arrives starts at the ride's live arrival (the
 * rider walks on when the vehicle arrives, early or late); any other street leg starts at its
 * planned time or when the leg before it ends, whichever is later (a planned wait absorbs what
 * it can). Rides keep the vehicle's
 * times: where a walk now ends after the next ride leaves, that ride's connection is at risk.
 * Mutates `legs` (built from `c`, one leg per compact leg); `rides` holds the indices of rides.
 */
export function flowLiveTimes(
  legs: Leg[],
  c: CompactItinerary,
  rides: ReadonlyMap<number, unknown>,
): void {
  for (let i = 1; i < legs.length; i++) {
    if (rides.has(i)) continue;
    const leg = legs[i]!;
    const prev = legs[i - 1]!;
    const planned = c.l[i]!;
    const plannedPrev = c.l[i - 1]!;
    const start: UnixSeconds =
      isCompactRide(plannedPrev) && planned.d === plannedPrev.r
        ? prev.arrival
        : Math.max(c.t + planned.d, prev.arrival);
    const shift = start - leg.departure;
    if (shift === 0) continue;
    leg.departure += shift;
    leg.arrival += shift;
  }
}
