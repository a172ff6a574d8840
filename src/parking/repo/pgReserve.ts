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
  codeTaken,
  expireHolds,
  findByIdempotencyKey,
  findReservation,
  insertReservation,
  lockFacility,
  lockKey,
  notifyParking,
  setStatus,
} from './pgRows.js';

async function uniqueCode(db: PgRunner): Promise<string> {
  for (;;) {
    const code = newReservationCode();
    if (!(await codeTaken(db, code))) return code;
  }
}

/**
 * Checks and reserves one space inside a READ COMMITTED transaction (DESIGN.md §9): the facility
 * row is locked first, then the (rider, key) pair, so that every statement after the waits reads
 * what the writers before committed; then idempotency, hold expiry, the overlap count, the insert.
 */
export async function reserveInPg(
  tx: PgRunner,
  req: ReserveRequest,
  ctx: { nowMs: EpochMs; holdSeconds: number },
): Promise<Reservation> {
  checkIdempotencyKey(req.idempotencyKey);
  const hash = requestHash(req);
  const facility = await lockFacility(tx, req.facilityId);
  await lockKey(tx, `reservation:${req.riderId}:${req.idempotencyKey}`);
  const earlier = await findByIdempotencyKey(tx, req.riderId, req.idempotencyKey);
  if (earlier) return replayOf(earlier, hash, ctx.nowMs);
  const at = windowToReserve(req, facility, ctx.nowMs);
  const now = new Date(ctx.nowMs);
  await expireHolds(tx, now, at.facility.id);
  const active = await activeWindows(tx, at.facility.id, at.window, now);
  const row = newReservation(req, at, active, { ...ctx, code: await uniqueCode(tx), hash });
  await insertReservation(tx, row);
  await notifyParking(tx, at.facility.id);
  return row;
}

/** The reservation `id`, its facility row locked first and then the reservation read again. */
async function lockedReservation(tx: PgRunner, id: string): Promise<Reservation | undefined> {
  const seen = await findReservation(tx, id);
  if (!seen) return undefined;
  await lockFacility(tx, seen.facilityId);
  return findReservation(tx, id, true);
}

/** HELD → CONFIRMED of the rider's own reservation, inside a transaction. */
export async function confirmInPg(
  tx: PgRunner,
  riderId: string,
  id: string,
  nowMs: EpochMs,
): Promise<Reservation> {
  const current = asOf(ownOrNotFound(await lockedReservation(tx, id), riderId, id), nowMs);
  if (!mayConfirm(current)) return current;
  await setStatus(tx, id, 'CONFIRMED', new Date(nowMs));
  await notifyParking(tx, current.facilityId);
  return { ...current, status: 'CONFIRMED', updatedAt: new Date(nowMs) };
}

/** HELD or CONFIRMED → CANCELLED of the rider's own reservation, inside a transaction. */
export async function cancelInPg(
  tx: PgRunner,
  riderId: string,
  id: string,
  nowMs: EpochMs,
): Promise<Reservation> {
  const current = asOf(ownOrNotFound(await lockedReservation(tx, id), riderId, id), nowMs);
  if (!mayCancel(current)) return current;
  await setStatus(tx, id, 'CANCELLED', new Date(nowMs));
  await notifyParking(tx, current.facilityId);
  return { ...current, status: 'CANCELLED', updatedAt: new Date(nowMs) };
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
    await notifyParking(tx, current.facilityId);
    return { ...current, status: 'CANCELLED', updatedAt: new Date(nowMs) };
  },
  reservationAsOf: async (tx, id, nowMs) => {
    const found = await findReservation(tx, id);
    return found && asOf(found, nowMs);
  },
};
