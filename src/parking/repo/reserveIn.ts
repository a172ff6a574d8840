import { randomUUID } from 'node:crypto';
import type { SyncDb } from '../../db/index.js';
import { BadInputError, ConflictError, NoCapacityError, NotFoundError } from '../../errors.js';
import { priceForDuration } from '../money.js';
import { reservableLeft } from '../offer.js';
import { isOpenThroughout } from '../openingHours.js';
import type { Facility, Reservation } from '../records.js';
import { newReservationCode } from '../reservationCode.js';
import { asOf, requestHash, type ReserveRequest } from '../reservations.js';
import type { EpochMs, TimeWindow } from '../types.js';
import { checkReservationWindow } from '../window.js';
import { findFacility } from './facilityRepo.js';
import {
  activeWindows,
  codeTaken,
  expireHolds,
  findByIdempotencyKey,
  findReservation,
  insertReservation,
  setStatus,
} from './reservationRepo.js';

/** Spaces of `facility` still reservable over the whole `window` (HELD holds that ran out by `nowMs` do not count). */
export function reservableLeftIn(
  db: SyncDb,
  facility: Facility,
  window: TimeWindow,
  nowMs: EpochMs,
): number {
  return reservableLeft(facility, window, activeWindows(db, facility.id, window, new Date(nowMs)));
}

function uniqueCode(db: SyncDb): string {
  for (;;) {
    const code = newReservationCode();
    if (!codeTaken(db, code)) return code;
  }
}

/**
 * Checks and reserves one space. Call inside ONE synchronous transaction (STYLE.md 8): the capacity
 * check and the insert must see the same state, which is what keeps the invariant of DESIGN.md §5.
 */
export function reserveIn(
  db: SyncDb,
  req: ReserveRequest,
  ctx: { nowMs: EpochMs; holdSeconds: number },
): Reservation {
  if (req.idempotencyKey.length === 0 || req.idempotencyKey.length > 128) {
    throw new BadInputError('idempotencyKey must be 1–128 characters');
  }
  const hash = requestHash(req);
  const earlier = findByIdempotencyKey(db, req.riderId, req.idempotencyKey);
  if (earlier) {
    if (earlier.requestHash !== hash)
      throw new ConflictError('idempotencyKey was already used for a different reservation');
    return asOf(earlier, ctx.nowMs);
  }
  const facility = findFacility(db, req.facilityId);
  if (!facility) throw new NotFoundError(`parking facility "${req.facilityId}" does not exist`);
  const window = checkReservationWindow(req.window, ctx.nowMs);
  if (!isOpenThroughout(facility.openingHours, facility.timezone, window.startMs, window.endMs)) {
    throw new BadInputError(
      `"${facility.name}" is not open for the whole window (opening hours: ${facility.openingHours})`,
    );
  }
  const now = new Date(ctx.nowMs);
  expireHolds(db, now, facility.id);
  if (reservableLeftIn(db, facility, window, ctx.nowMs) < 1) {
    throw new NoCapacityError(`no reservable space left at "${facility.name}" for this window`);
  }
  const row: Reservation = {
    id: randomUUID(),
    code: uniqueCode(db),
    facilityId: facility.id,
    riderId: req.riderId,
    startsAt: new Date(window.startMs),
    endsAt: new Date(window.endMs),
    status: req.hold ? 'HELD' : 'CONFIRMED',
    holdExpiresAt: req.hold ? new Date(ctx.nowMs + ctx.holdSeconds * 1000) : null,
    priceAmount: priceForDuration(
      facility.hourlyRate,
      facility.dailyMax,
      window.endMs - window.startMs,
    ),
    currency: facility.currency,
    idempotencyKey: req.idempotencyKey,
    requestHash: hash,
    journeyId: req.journeyId ?? null,
    checkedInAt: null,
    checkedOutAt: null,
    createdAt: now,
    updatedAt: now,
  };
  insertReservation(db, row);
  return row;
}

/** The rider's own reservation (NOT_FOUND for another rider's, which stays invisible). */
export function ownReservation(db: SyncDb, riderId: string, id: string): Reservation {
  const found = findReservation(db, id);
  if (found?.riderId !== riderId)
    throw new NotFoundError(`parking reservation "${id}" does not exist`);
  return found;
}

/** HELD → CONFIRMED (a CONFIRMED one is returned as it is); CONFLICT once expired or cancelled. Inside a transaction. */
export function confirmIn(db: SyncDb, riderId: string, id: string, nowMs: EpochMs): Reservation {
  const current = asOf(ownReservation(db, riderId, id), nowMs);
  if (current.status === 'CONFIRMED') return current;
  if (current.status !== 'HELD')
    throw new ConflictError(`reservation is ${current.status} and cannot be confirmed`);
  setStatus(db, id, 'CONFIRMED', new Date(nowMs));
  return { ...current, status: 'CONFIRMED', updatedAt: new Date(nowMs) };
}

/** HELD or CONFIRMED → CANCELLED, freeing the space (a CANCELLED one is returned as it is). Inside a transaction. */
export function cancelIn(db: SyncDb, riderId: string, id: string, nowMs: EpochMs): Reservation {
  const current = asOf(ownReservation(db, riderId, id), nowMs);
  if (current.status === 'CANCELLED') return current;
  if (current.status !== 'HELD' && current.status !== 'CONFIRMED') {
    throw new ConflictError(`reservation is ${current.status} and cannot be cancelled`);
  }
  // A journey's parking goes with the journey: cancelling it alone would leave a booked journey without its space.
  if (current.journeyId) {
    throw new ConflictError(
      `reservation belongs to journey ${current.journeyId}: cancel the journey (cancelJourney) instead`,
    );
  }
  setStatus(db, id, 'CANCELLED', new Date(nowMs));
  return { ...current, status: 'CANCELLED', updatedAt: new Date(nowMs) };
}
