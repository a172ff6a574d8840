import { BadInputError } from '../../errors.js';
import {
  checkWindow,
  type Facility,
  type FacilityInput,
  type Reservation,
  type TimeWindow,
} from '../../parking/index.js';
import type { GraphQLContext } from './context.js';
import type { UpsertParkingFacilityInput } from './generated/resolvers-types.js';
import type { ParkingReservationModel } from './parkingModels.js';

/** The window of `from`/`until` (both or neither; at most 7 days), or undefined. */
export function windowArg(
  from: Date | null | undefined,
  until: Date | null | undefined,
): TimeWindow | undefined {
  if (!from && !until) return undefined;
  if (!from || !until) throw new BadInputError('from and until go together');
  return checkWindow(
    { startMs: from.getTime(), endMs: until.getTime() },
    { start: 'from', end: 'until' },
  );
}

/** The domain input of `upsertParkingFacility`. */
export function facilityInputOf(input: UpsertParkingFacilityInput): FacilityInput {
  return {
    ownId: input.id,
    operatorId: input.operatorId,
    name: input.name,
    lat: input.location.lat,
    lon: input.location.lon,
    kind: input.kind,
    totalSpaces: input.totalSpaces,
    reservableSpaces: input.reservableSpaces,
    openingHours: input.openingHours,
    currency: input.price.currency,
    hourlyRate: input.price.hourlyRate,
    dailyMax: input.price.dailyMax,
    accessibleSpaces: input.accessibleSpaces,
    evChargingSpaces: input.evChargingSpaces,
    timezone: input.timezone,
  };
}

/** Reservations paired with their facilities (looked up once per facility). */
export async function reservationModels(
  ctx: GraphQLContext,
  reservations: readonly Reservation[],
): Promise<ParkingReservationModel[]> {
  const facilities = new Map<string, Facility>();
  const models: ParkingReservationModel[] = [];
  for (const reservation of reservations) {
    let facility = facilities.get(reservation.facilityId);
    if (!facility) {
      // The replica's in-memory view first (fresh after this replica's own writes), else the store.
      facility =
        ctx.services.parking.view.facility(reservation.facilityId) ??
        (await ctx.services.parking.facility(reservation.facilityId));
      if (!facility) throw new Error(`reservation ${reservation.id} names a missing facility`);
      facilities.set(facility.id, facility);
    }
    models.push({ reservation, facility });
  }
  return models;
}
