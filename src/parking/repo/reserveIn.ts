import type { SyncDb } from '../../db/index.js';
import { reservableLeft } from '../offer.js';
import type { Facility, Reservation } from '../records.js';
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
import type { EpochMs, TimeWindow } from '../types.js';
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
  checkIdempotencyKey(req.idempotencyKey);
  const hash = requestHash(req);
  const earlier = findByIdempotencyKey(db, req.riderId, req.idempotencyKey);
  if (earlier) return replayOf(earlier, hash, ctx.nowMs);
  const at = windowToReserve(req, findFacility(db, req.facilityId), ctx.nowMs);
  const now = new Date(ctx.nowMs);
  expireHolds(db, now, at.facility.id);
  const active = activeWindows(db, at.facility.id, at.window, now);
  const row = newReservation(req, at, active, { ...ctx, code: uniqueCode(db), hash });
  insertReservation(db, row);
  return row;
}

/** The rider's own reservation (NOT_FOUND for another rider's, which stays invisible). */
export function ownReservation(db: SyncDb, riderId: string, id: string): Reservation {
  return ownOrNotFound(findReservation(db, id), riderId, id);
}

/** HELD → CONFIRMED (a CONFIRMED one is returned as it is); CONFLICT once expired or cancelled. Inside a transaction. */
export function confirmIn(db: SyncDb, riderId: string, id: string, nowMs: EpochMs): Reservation {
  const current = asOf(ownReservation(db, riderId, id), nowMs);
  if (!mayConfirm(current)) return current;
  setStatus(db, id, 'CONFIRMED', new Date(nowMs));
  return { ...current, status: 'CONFIRMED', updatedAt: new Date(nowMs) };
}

/** HELD or CONFIRMED → CANCELLED, freeing the space (a CANCELLED one is returned as it is). Inside a transaction. */
export function cancelIn(db: SyncDb, riderId: string, id: string, nowMs: EpochMs): Reservation {
  const current = asOf(ownReservation(db, riderId, id), nowMs);
  if (!mayCancel(current)) return current;
  setStatus(db, id, 'CANCELLED', new Date(nowMs));
  return { ...current, status: 'CANCELLED', updatedAt: new Date(nowMs) };
}
