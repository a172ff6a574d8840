import type { PgRunner } from '../../db/index.js';
import type { JourneyParkingPortAsync } from '../journeyParking.js';
import type { Reservation } from '../records.js';
import { newReservationCode } from '../reservationCode.js';
import { asOf, requestHash, type ReserveRequest } from '../reservations.js';
import {
  checkIdempotencyKey,
  mayCancel,
  mayConfirm,
  newReservation,
  ownOrNotFound,
  replayOf,
  windowToReserve,
} from '../reserveRule.js';
import type { EpochMs } from '../types.js';
import {
  activeWindows,
  findByIdempotencyKey,
  findReservation,
  insertReservation,
  lockFacility,
  notifyReservation,
  setStatus,
} from './pgRows.js';

/**
 * Checks and reserves one space inside a READ COMMITTED transaction (DESIGN.md §9): the facility
 * row is locked first, so that every statement after the wait reads what the writers before
 * committed; then idempotency, the overlap count (holds that ran out do not count; the sweeper
 * marks them EXPIRED) and the insert. Journeys book through it inside their own transaction;
 * `reserveParking` goes through `PgReserveBatch`, which decides many at once by the same rules.
 */
export async function reserveInPg(
  tx: PgRunner,
  req: ReserveRequest,
  ctx: { nowMs: EpochMs; holdSeconds: number },
): Promise<Reservation> {
  checkIdempotencyKey(req.idempotencyKey);
  const hash = requestHash(req);
  const facility = await lockFacility(tx, req.facilityId);
  const earlier = await findByIdempotencyKey(tx, req.riderId, req.idempotencyKey);
  if (earlier) return replayOf(earlier, hash, ctx.nowMs);
  const at = windowToReserve(req, facility, ctx.nowMs);
  const active = await activeWindows(tx, at.facility.id, at.window, new Date(ctx.nowMs));
  // Codes are random over 30^6; a clash with the unique index fails the unit, which is retried.
  const row = newReservation(req, at, active, { ...ctx, code: newReservationCode(), hash });
  await insertReservation(tx, row);
  await notifyReservation(tx, row);
  return row;
}

/** The reservation `id`, its facility row locked first and then the reservation read again. */
async function lockedReservation(tx: PgRunner, id: string): Promise<Reservation | undefined> {
  const seen = await findReservation(tx, id);
  if (!seen) return undefined;
  await lockFacility(tx, seen.facilityId);
  return findReservation(tx, id, true);
}

/**
 * Moves the rider's own reservation `id` to `status` when `may` allows (it throws to refuse, or
 * answers false for a reservation already there), inside a transaction, facility locked first.
 */
async function moveOwn(
  tx: PgRunner,
  riderId: string,
  id: string,
  nowMs: EpochMs,
  may: (current: Reservation) => boolean,
  status: 'CONFIRMED' | 'CANCELLED',
): Promise<Reservation> {
  const current = asOf(ownOrNotFound(await lockedReservation(tx, id), riderId, id), nowMs);
  if (!may(current)) return current;
  await setStatus(tx, id, status, new Date(nowMs));
  const moved = { ...current, status, updatedAt: new Date(nowMs) };
  await notifyReservation(tx, moved);
  return moved;
}

/** HELD → CONFIRMED of the rider's own reservation, inside a transaction. */
export function confirmInPg(
  tx: PgRunner,
  riderId: string,
  id: string,
  nowMs: EpochMs,
): Promise<Reservation> {
  return moveOwn(tx, riderId, id, nowMs, mayConfirm, 'CONFIRMED');
}

/** HELD or CONFIRMED → CANCELLED of the rider's own reservation, inside a transaction. */
export function cancelInPg(
  tx: PgRunner,
  riderId: string,
  id: string,
  nowMs: EpochMs,
): Promise<Reservation> {
  return moveOwn(tx, riderId, id, nowMs, mayCancel, 'CANCELLED');
}

/** Parking's port for journeys on PostgreSQL: each call runs inside the caller's transaction. */
export const pgJourneyParkingCalls: Omit<JourneyParkingPortAsync<PgRunner>, 'committed'> = {
  reserve: (tx, { attempt, ...req }, nowMs) =>
    reserveInPg(
      tx,
      {
        ...req,
        // A re-booking's new space needs its own key: the first one names the first reservation.
        idempotencyKey: `journey:${req.journeyId}${attempt === undefined ? '' : `:${attempt}`}`,
        hold: false,
      },
      { nowMs, holdSeconds: 0 },
    ),
  release: async (tx, reservationId, nowMs) => {
    const found = await lockedReservation(tx, reservationId);
    if (!found) return undefined;
    const current = asOf(found, nowMs);
    if (current.status !== 'HELD' && current.status !== 'CONFIRMED') return current;
    await setStatus(tx, reservationId, 'CANCELLED', new Date(nowMs));
    const released = { ...current, status: 'CANCELLED' as const, updatedAt: new Date(nowMs) };
    await notifyReservation(tx, released);
    return released;
  },
  reservationAsOf: async (tx, id, nowMs) => {
    const found = await findReservation(tx, id);
    return found && asOf(found, nowMs);
  },
};
