import { BadInputError } from '../../errors.js';
import { compactItinerary, compactParkLeg, joinWayOn, wayOnPoint } from '../../journeys/index.js';
import type { Itinerary } from '../../planner/itinerary.js';
import { PLAN_DEFAULTS, PLAN_LIMITS, type PlanQuery } from '../../planner/query.js';
import type { GraphQLContext } from './context.js';
import type { JourneyModel } from './journeyModels.js';
import { requireNetwork } from './network.js';
import { planOnRequest } from './planOnRequest.js';

/** An alternative as `Itinerary` resolvers take it: the way on, and the id of the whole re-booked itinerary. */
export interface AlternativeModel {
  itinerary: Itinerary;
  id: string;
}

/**
 * `Journey.alternatives(first)`: plans from where the journey now stands (`wayOnPoint`) to its
 * destination with the plan entry point, keeping a PARK leg behind the rider (walk on) or planning
 * drive and parking anew before it (until the booked window's end). Ids carry the kept legs too.
 */
export function journeyAlternatives(
  ctx: GraphQLContext,
  m: JourneyModel,
  first: number,
): AlternativeModel[] {
  const { min, max } = PLAN_LIMITS.numItineraries;
  if (!Number.isInteger(first) || first < min || first > max)
    throw new BadInputError(`first must be between ${min} and ${max}`);
  const { status, followed } = m.live;
  if (status === 'FINISHED' || status === 'CANCELLED') return [];
  const booked = m.booked.itinerary;
  const nowSec = Math.floor(ctx.nowMs / 1000);
  const point = wayOnPoint(booked, followed, nowSec);
  if (!point) return [];
  const net = requireNetwork(ctx);
  const park = compactParkLeg(booked);
  const driveAgain = park !== undefined && !point.parkedBehind && point.keep === 0;
  const query: PlanQuery = {
    from: point.from,
    to: point.to,
    time: point.time,
    arriveBy: false,
    ...PLAN_DEFAULTS,
    numItineraries: first,
    transferSlack: booked.k,
    ...(driveAgain
      ? { accessModes: new Set(['CAR_PARK'] as const), parkingUntil: booked.t + park.p.e }
      : {}),
  };
  const result = planOnRequest(ctx, net, query);
  return result.itineraries.slice(0, first).map((itinerary) => ({
    itinerary,
    id: ctx.services.itineraryTokens.issue(
      joinWayOn(booked, point.keep, compactItinerary(net, itinerary, query.transferSlack)),
      nowSec,
    ),
  }));
}
