import polyline from '@mapbox/polyline';
import { isTransitLeg } from '../../../../planner/itinerary.js';
import { legGeometry } from '../../../../planner/reconstruct.js';
import { formatInstant } from '../../../../transit/index.js';
import type { GraphQLContext } from '../../context.js';
import type {
  IntermediateStopResolvers,
  ItineraryResolvers,
  LegResolvers,
  PlaceResolvers,
} from '../../generated/resolvers-types.js';
import { requireNetwork } from '../../network.js';
import { legStreetPath } from '../../legStreetPath.js';

/** Times of itineraries are shown in the timezone of the first feed. */
function show(ctx: GraphQLContext, instant: number): string {
  return formatInstant(instant, requireNetwork(ctx).primaryTimezone);
}

export const Itinerary: ItineraryResolvers = {
  id: (m) => m.id,
  departure: (m, _a, ctx) => show(ctx, m.itinerary.departure),
  arrival: (m, _a, ctx) => show(ctx, m.itinerary.arrival),
  durationSeconds: (m) => m.itinerary.arrival - m.itinerary.departure,
  transfers: (m) => Math.max(0, m.itinerary.transfers),
  walkMeters: (m) => m.itinerary.walkMeters,
  driveSeconds: (m) => m.itinerary.driveSeconds,
  legs: (m) => m.itinerary.legs,
};

export const Leg: LegResolvers = {
  mode: (l) => l.mode,
  departure: (l, _a, ctx) => show(ctx, l.departure),
  arrival: (l, _a, ctx) => show(ctx, l.arrival),
  durationSeconds: (l) => l.arrival - l.departure,
  distanceMeters: (l) => l.distanceMeters,
  from: (l) => l.from,
  to: (l) => l.to,
  // A journey's ride whose trip a newer feed no longer has is kept with index -1 (journeys/followJourney.ts).
  route: (l) => (isTransitLeg(l) && l.route >= 0 ? { idx: l.route } : null),
  trip: (l) => (isTransitLeg(l) && l.trip >= 0 ? { idx: l.trip } : null),
  intermediateStops: (l) => (isTransitLeg(l) ? l.intermediateStops : []),
  geometry: (l, _a, ctx) => {
    const onStreets = legStreetPath(ctx.services.streets.network, l);
    if (onStreets) return polyline.encode(onStreets.points);
    return isTransitLeg(l) && l.pattern < 0
      ? polyline.encode([
          [l.from.lat, l.from.lon],
          [l.to.lat, l.to.lon],
        ])
      : legGeometry(requireNetwork(ctx), l);
  },
  steps: (l, _a, ctx) =>
    (legStreetPath(ctx.services.streets.network, l)?.steps ?? []).map((s) => ({
      ...s,
      distanceMeters: Math.round(s.distanceMeters),
    })),
  scheduledDeparture: (l, _a, ctx) => (isTransitLeg(l) ? show(ctx, l.scheduledDeparture) : null),
  scheduledArrival: (l, _a, ctx) => (isTransitLeg(l) ? show(ctx, l.scheduledArrival) : null),
  // One rule everywhere: no realtime, no delay (null, not 0).
  delaySeconds: (l) => (isTransitLeg(l) && l.realtime ? l.departure - l.scheduledDeparture : null),
  realtime: (l) => isTransitLeg(l) && l.realtime,
  parking: (l) => (l.mode === 'PARK' ? l.parking : null),
};

export const Place: PlaceResolvers = {
  name: (p) => p.name ?? null,
  lat: (p) => p.lat,
  lon: (p) => p.lon,
  stop: (p) => (p.stop === undefined ? null : { idx: p.stop }),
};

export const IntermediateStop: IntermediateStopResolvers = {
  stop: (s) => ({ idx: s.stop }),
  arrival: (s, _a, ctx) => show(ctx, s.arrival),
  departure: (s, _a, ctx) => show(ctx, s.departure),
};
