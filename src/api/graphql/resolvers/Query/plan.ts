import { BadInputError, NotFoundError } from '../../../../errors.js';
import { compactItinerary } from '../../../../journeys/index.js';
import { plan as runPlan } from '../../../../planner/plan.js';
import { streetRouter } from '../../../../planner/streetRouter.js';
import {
  PLAN_DEFAULTS,
  PLAN_LIMITS,
  type PlacePoint,
  type PlanQuery,
} from '../../../../planner/query.js';
import type { Network } from '../../../../transit/index.js';
import type { PlaceInput, PlanInput, QueryResolvers } from '../../generated/resolvers-types.js';
import { requireNetwork } from '../../network.js';
import { checkLatLon } from '../../validate.js';
import { decodePlanCursor, encodePlanCursor } from '../../planCursor.js';

/** Plans itineraries (DESIGN.md §4); inputs out of range are BAD_USER_INPUT. */
export const plan: QueryResolvers['plan'] = (_parent, { input }, ctx) => {
  const net = requireNetwork(ctx);
  const deadline = performance.now() + ctx.services.config.planTimeBudgetMs;
  const query = { ...toPlanQuery(net, input), outOfTime: () => performance.now() > deadline };
  const nowSec = Math.floor(ctx.nowMs / 1000);
  const { config } = ctx.services;
  // One street network for the whole request (an import swaps in a new one).
  const streets = ctx.services.streets.network;
  const result = runPlan(
    net,
    query,
    { overlay: ctx.realtime.overlay, nowSec },
    {
      router: streetRouter(streets, ctx.services.streetRouter),
      parking: ctx.services.parkingForPlanner,
      parkSeconds: config.parkSeconds,
      maxDriveMeters: 30_000,
      maxFacilities: 50,
      nowSec,
    },
    streets,
  );
  return {
    ...result,
    nextPageCursor:
      result.nextPageTime === undefined
        ? null
        : encodePlanCursor({ direction: 'after', time: result.nextPageTime }),
    previousPageCursor:
      result.previousPageTime === undefined
        ? null
        : encodePlanCursor({ direction: 'before', time: result.previousPageTime }),
    itineraries: result.itineraries.map((itinerary) => ({
      itinerary,
      // A signed, expiring token holding the itinerary: bookJourney needs nothing stored (DESIGN.md §6).
      id: ctx.services.itineraryTokens.issue(
        compactItinerary(net, itinerary, query.transferSlack),
        nowSec,
      ),
    })),
  } as never;
};

function inRange(name: keyof typeof PLAN_LIMITS, value: number | null | undefined): number {
  const v = value ?? PLAN_DEFAULTS[name];
  const { min, max } = PLAN_LIMITS[name];
  if (!Number.isFinite(v) || v < min || v > max)
    throw new BadInputError(`${name} must be between ${min} and ${max}`);
  return v;
}

/**
 * Resolves a `PlaceInput` to coordinates (and the stop when given by id), named by its `name`,
 * else the stop's name, else `fallbackName` (`Origin` / `Destination`).
 */
export function toPlace(
  net: Network,
  input: PlaceInput,
  name: string,
  fallbackName = name,
): PlacePoint {
  const given = input.name?.trim();
  if (given !== undefined && given.length > 200)
    throw new BadInputError(`${name}.name must be at most 200 characters`);
  if (input.stopId !== undefined && input.stopId !== null) {
    if (input.lat != null || input.lon != null)
      throw new BadInputError(`${name}: give either stopId or lat/lon, not both`);
    const stop = net.tt.stopIndexById.get(input.stopId);
    if (stop === undefined)
      throw new NotFoundError(`${name}.stopId "${input.stopId}" does not exist`);
    return {
      lat: net.tt.stopLat[stop]!,
      lon: net.tt.stopLon[stop]!,
      stop,
      name: given || net.tt.stopNames[stop]!,
    };
  }
  if (input.lat == null || input.lon == null)
    throw new BadInputError(`${name} needs lat and lon, or stopId`);
  const point = { lat: input.lat, lon: input.lon };
  checkLatLon(point, name);
  return { ...point, name: given || fallbackName };
}

/** The planner query of a `PlanInput`, with PLAN_DEFAULTS filled in. */
export function toPlanQuery(net: Network, input: PlanInput): PlanQuery {
  const hasDepart = input.departAt != null;
  const hasArrive = input.arriveBy != null;
  const page = input.pageCursor != null ? decodePlanCursor(input.pageCursor) : undefined;
  if (!page && hasDepart === hasArrive)
    throw new BadInputError('give exactly one of departAt and arriveBy');
  const time = page
    ? page.time
    : Math.floor((hasDepart ? input.departAt! : input.arriveBy!).getTime() / 1000);
  return {
    from: toPlace(net, input.from, 'from', 'Origin'),
    to: toPlace(net, input.to, 'to', 'Destination'),
    time,
    arriveBy: !page && hasArrive,
    departBefore: page?.direction === 'before',
    walkSpeed: inRange('walkSpeed', input.walkSpeed),
    maxWalkMeters: inRange('maxWalkMeters', input.maxWalkMeters),
    maxTransfers: Math.floor(inRange('maxTransfers', input.maxTransfers)),
    numItineraries: Math.floor(inRange('numItineraries', input.numItineraries)),
    transferSlack: Math.floor(inRange('transferSlack', input.transferSlack)),
    // An empty list allows no transit: walking or driving only.
    transitModes: input.transitModes ? new Set(input.transitModes) : undefined,
    accessModes:
      input.accessModes && input.accessModes.length > 0 ? new Set(input.accessModes) : undefined,
    parkingUntil: parkingUntilOf(input, time),
  };
}

function parkingUntilOf(input: PlanInput, time: number): number | undefined {
  if (!input.parkingUntil) return undefined;
  const until = Math.floor(input.parkingUntil.getTime() / 1000);
  if (until <= time) throw new BadInputError('parkingUntil must be after the trip starts');
  if (until - time > 7 * 24 * 3600) throw new BadInputError('parkingUntil must be within 7 days');
  return until;
}
