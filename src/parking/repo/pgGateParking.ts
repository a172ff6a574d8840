import { eq } from 'drizzle-orm';
import { pgSchema, type PgRunner } from '../../db/index.js';
import type { GateParkingPortAsync } from '../gateParking.js';
import type { Reservation } from '../records.js';
import { findReservation, lockFacility, notifyReservation } from './pgRows.js';
import { revokedOrder, revokedWhere, toRevokedPass } from './revokedRows.js';

const r = pgSchema.parkingReservations;

/** Writes `changes` to the reservation and tells every mirror its new state (delivered at commit). */
async function update(
  tx: PgRunner,
  reservation: Reservation,
  changes: Partial<Reservation>,
): Promise<Reservation> {
  await tx.update(r).set(changes).where(eq(r.id, reservation.id));
  const updated = { ...reservation, ...changes };
  await notifyReservation(tx, updated);
  return updated;
}

/**
 * Parking's port for the gate on PostgreSQL: each call runs inside the caller's READ COMMITTED
 * transaction; `lockFacility` takes the facility row `FOR NO KEY UPDATE` as reservations do.
 */
export const pgGateParking: Omit<GateParkingPortAsync<PgRunner>, 'committed'> = {
  reservationByCode: async (tx, code) => {
    const [row] = await tx.select().from(r).where(eq(r.code, code));
    return row;
  },
  reservationById: (tx, id) => findReservation(tx, id),
  lockFacility: (tx, facilityId) => lockFacility(tx, facilityId),
  checkIn: (tx, reservation, atMs, nowMs) =>
    update(tx, reservation, {
      status: 'CHECKED_IN',
      checkedInAt: new Date(atMs),
      updatedAt: new Date(nowMs),
    }),
  checkOut: (tx, reservation, atMs, nowMs) =>
    update(tx, reservation, {
      status: 'COMPLETED',
      checkedOutAt: new Date(atMs),
      updatedAt: new Date(nowMs),
    }),
  revokedSince: async (tx, facilityId, sinceMs, limit) => {
    const rows = await tx
      .select({ passId: r.journeyId, reservationCode: r.code, revokedAt: r.updatedAt })
      .from(r)
      .where(revokedWhere(r, facilityId, sinceMs))
      .orderBy(...revokedOrder(r))
      .limit(limit);
    return rows.map(toRevokedPass);
  },
};
