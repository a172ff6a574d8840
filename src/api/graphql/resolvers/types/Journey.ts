import { toMajor } from '../../../../parking/index.js';
import { isTransitLeg } from '../../../../planner/itinerary.js';
import { formatInstant } from '../../../../transit/index.js';
import type { GraphQLContext } from '../../context.js';
import { journeyAlerts, legAlerts } from '../../legAlerts.js';
import { journeyAlternatives } from '../../journeyAlternatives.js';
import type {
  JourneyResolvers,
  JourneyTotalsResolvers,
  LegParkingResolvers,
  LegResolvers,
} from '../../generated/resolvers-types.js';

/** Journey times are shown in the timezone of the first feed, like itineraries. */
function show(ctx: GraphQLContext, instant: number): string {
  return formatInstant(instant, ctx.network?.primaryTimezone ?? 'UTC');
}

const seconds = (d: Date) => d.getTime() / 1000;

/** A booked journey as it stands for this request. */
export const Journey: JourneyResolvers = {
  id: (m) => m.booked.journey.id,
  status: (m) => m.live.status,
  departure: (m, _a, ctx) => show(ctx, seconds(m.booked.journey.departureAt)),
  arrival: (m, _a, ctx) => show(ctx, seconds(m.booked.journey.arrivalAt)),
  liveArrival: (m, _a, ctx) => show(ctx, m.live.followed.liveArrival),
  legs: (m) => m.live.followed.legs,
  alerts: (m, _a, ctx) => journeyAlerts(ctx, m.live.followed.legs),
  alternatives: (m, { first }, ctx) => journeyAlternatives(ctx, m, first),
  reservation: (m) => m.reservation ?? null,
  totals: (m) => m,
  createdAt: (m, _a, ctx) => show(ctx, seconds(m.booked.journey.createdAt)),
  cancelledAt: (m, _a, ctx) => {
    const at = m.booked.journey.cancelledAt;
    return at ? show(ctx, seconds(at)) : null;
  },
};

/** Totals over the journey's legs; the price is the reservation's. */
export const JourneyTotals: JourneyTotalsResolvers = {
  durationSeconds: (m) =>
    seconds(m.booked.journey.arrivalAt) - seconds(m.booked.journey.departureAt),
  walkMeters: (m) =>
    m.live.followed.legs.reduce((sum, l) => sum + (l.mode === 'WALK' ? l.distanceMeters : 0), 0),
  driveSeconds: (m) =>
    m.live.followed.legs.reduce(
      (sum, l) => sum + (l.mode === 'CAR' ? l.arrival - l.departure : 0),
      0,
    ),
  transfers: (m) => Math.max(0, m.live.followed.legs.filter(isTransitLeg).length - 1),
  price: (m) => {
    const r = m.booked.reservation;
    return r ? { amount: toMajor(r.priceAmount, r.currency), currency: r.currency } : null;
  },
};

/** `Leg.connectionAtRisk`: set on a journey's rides, false elsewhere; `Leg.alerts` (graphql/realtime.graphql). */
export const LegJourneyFields: Pick<LegResolvers, 'connectionAtRisk' | 'alerts'> = {
  connectionAtRisk: (l) => l.connectionAtRisk ?? false,
  alerts: (l, _a, ctx) => legAlerts(ctx, l),
};

/** `LegParking.reservation`: the booked space of a journey's PARK leg, null in plans. */
export const LegParkingJourneyFields: Pick<LegParkingResolvers, 'reservation'> = {
  reservation: (p) => p.reservation ?? null,
};
