import { and, asc, eq, gte, isNotNull, type SQL } from 'drizzle-orm';
import { parkingReservations, pgSchema } from '../../db/index.js';
import type { RevokedPass } from '../gateParking.js';
import type { EpochMs } from '../types.js';

type Reservations = typeof parkingReservations | typeof pgSchema.parkingReservations;

/** Journey reservations of a facility cancelled at or after `sinceMs`. */
export function revokedWhere(r: Reservations, facilityId: string, sinceMs: EpochMs): SQL {
  return and(
    eq(r.facilityId, facilityId),
    eq(r.status, 'CANCELLED'),
    isNotNull(r.journeyId),
    gte(r.updatedAt, new Date(sinceMs)),
  )!;
}

/** Oldest first (then by id), as offline gates page through them. */
export const revokedOrder = (r: Reservations) => [asc(r.updatedAt), asc(r.id)];

/** A selected row as a revoked pass. */
export function toRevokedPass(row: {
  passId: string | null;
  reservationCode: string;
  revokedAt: Date;
}): RevokedPass {
  return {
    passId: row.passId!,
    reservationCode: row.reservationCode,
    revokedAtMs: row.revokedAt.getTime(),
  };
}
