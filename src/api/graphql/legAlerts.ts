import { isTransitLeg, type Leg } from '../../planner/itinerary.js';
import { rideAlerts, type FeedAlert } from '../../realtime/index.js';
import type { GraphQLContext } from './context.js';

/** `Leg.alerts`: alerts active during a transit leg for its route, trip or stops; none on street legs (or rides a newer feed no longer has). */
export function legAlerts(ctx: GraphQLContext, leg: Leg): FeedAlert[] {
  if (!isTransitLeg(leg) || leg.route < 0 || !ctx.network) return [];
  const stops = [leg.from.stop, ...leg.intermediateStops.map((s) => s.stop), leg.to.stop].filter(
    (s): s is number => s !== undefined,
  );
  return rideAlerts(ctx.network, ctx.realtime, {
    route: leg.route,
    trip: leg.trip,
    stops,
    departure: leg.departure,
    arrival: leg.arrival,
  });
}

/** `Journey.alerts`: the alerts of all its legs, each once, in leg order. */
export function journeyAlerts(ctx: GraphQLContext, legs: readonly Leg[]): FeedAlert[] {
  const seen = new Set<string>();
  const out: FeedAlert[] = [];
  for (const leg of legs)
    for (const a of legAlerts(ctx, leg)) {
      const key = `${a.feedId}:${a.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(a);
    }
  return out;
}
