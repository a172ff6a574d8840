import type { Caller } from '../../auth/index.js';
import { ForbiddenError, UnauthenticatedError } from '../../errors.js';
import {
  liveJourney,
  type BookedJourney,
  type JourneyLeg,
  type JourneyReader,
  type LiveJourney,
} from '../../journeys/index.js';
import type { Facility } from '../../parking/index.js';
import type { PlannedParking } from '../../planner/parkingProvider.js';
import type { GraphQLContext } from './context.js';
import type { ParkingReservationModel } from './parkingModels.js';

/** A journey as resolvers pass it around: as booked, and as it stands for this request. */
export interface JourneyModel {
  booked: BookedJourney;
  /** The journey followed live on the request's network, realtime and clock. */
  live: LiveJourney;
  /** The reservation with its facility; undefined without parking. */
  reservation: ParkingReservationModel | undefined;
}

/** A leg of a plan or a journey (`connectionAtRisk` is set on a journey's rides). */
export type JourneyLegModel = JourneyLeg;

/** The parking of a PARK leg; on a booked journey it carries the reservation. */
export type LegParkingModel = PlannedParking & { reservation?: ParkingReservationModel };

/** Who may read journeys: a rider (their own), an admin (any); UNAUTHENTICATED / FORBIDDEN otherwise. */
export function journeyReader(caller: Caller): JourneyReader {
  if (caller.kind === 'rider') return { kind: 'rider', riderId: caller.riderId };
  if (caller.kind === 'admin') return { kind: 'admin' };
  if (caller.kind === 'anonymous') throw new UnauthenticatedError('a rider token is required');
  throw new ForbiddenError('journeys are read with a rider token (or an admin key)');
}

/**
 * A booked journey on the request's network, realtime and clock (`liveJourney`, the one function
 * `journey(id)`, `myJourneys`, the mutations and `journeyUpdated(id)` all show): live legs,
 * status, and the PARK leg's live availability and reservation (read through parking's
 * synchronous view, so that subscriptions can build it in one go).
 */
export function journeyModel(ctx: GraphQLContext, booked: BookedJourney): JourneyModel {
  const live = liveJourney(
    booked,
    { network: ctx.network, overlay: ctx.realtime.overlay },
    ctx.nowMs,
  );
  const followed = live.followed;
  const r = booked.reservation;
  const view = ctx.services.parking.view;
  const facility: Facility | undefined = r && view.facility(r.facilityId);
  const reservation = r && facility ? { reservation: r, facility } : undefined;
  for (const leg of followed.legs) {
    if (leg.mode !== 'PARK') continue;
    const facilityId = leg.parking.facilityId;
    const live = view.liveMany([facilityId]).get(facilityId);
    const parking: LegParkingModel = {
      ...leg.parking,
      availableSpaces: live?.availableSpaces ?? null,
      stale: live?.stale ?? true,
      ...(reservation ? { reservation } : {}),
    };
    leg.parking = parking;
  }
  return { booked, live, reservation };
}
