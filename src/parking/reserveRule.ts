import { randomUUID } from 'node:crypto';
import { BadInputError, ConflictError, NoCapacityError, NotFoundError } from '../errors.js';
import { priceForDuration } from './money.js';
import { reservableLeft } from './offer.js';
import { isOpenThroughout } from './openingHours.js';
import type { Facility, Reservation } from './records.js';
import { asOf, type ReserveRequest } from './reservations.js';
import type { EpochMs, TimeWindow } from './types.js';
import { checkReservationWindow } from './window.js';

/**
 * The rules of `reserveParking` (DESIGN.md §5), dialect-free: each repository reads what a step
 * needs inside its unit of work, in this order, and stores what the last step builds.
 */

/** BAD_USER_INPUT unless the key is 1–128 characters. */
export function checkIdempotencyKey(key: string): void {
  if (key.length === 0 || key.length > 128) {
    throw new BadInputError('idempotencyKey must be 1–128 characters');
  }
}

/** What a retry gets: the earlier reservation of the key as of `nowMs`; CONFLICT when the key was used for another request. */
export function replayOf(earlier: Reservation, hash: string, nowMs: EpochMs): Reservation {
  if (earlier.requestHash !== hash)
    throw new ConflictError('idempotencyKey was already used for a different reservation');
  return asOf(earlier, nowMs);
}

/** The window to count, once the facility is known: NOT_FOUND without it, BAD_USER_INPUT for a bad window or one outside opening hours. */
export function windowToReserve(
  req: ReserveRequest,
  facility: Facility | undefined,
  nowMs: EpochMs,
): { facility: Facility; window: TimeWindow } {
  if (!facility) throw new NotFoundError(`parking facility "${req.facilityId}" does not exist`);
  const window = checkReservationWindow(req.window, nowMs);
  if (!isOpenThroughout(facility.openingHours, facility.timezone, window.startMs, window.endMs)) {
    throw new BadInputError(
      `"${facility.name}" is not open for the whole window (opening hours: ${facility.openingHours})`,
    );
  }
  return { facility, window };
}

/**
 * The row to insert, given the active reservations overlapping the window (unexpired holds and
 * confirmed ones); NO_CAPACITY when no reservable space is left throughout.
 */
export function newReservation(
  req: ReserveRequest,
  at: { facility: Facility; window: TimeWindow },
  active: TimeWindow[],
  ctx: { nowMs: EpochMs; holdSeconds: number; code: string; hash: string },
): Reservation {
  const { facility, window } = at;
  if (reservableLeft(facility, window, active) < 1) {
    throw new NoCapacityError(`no reservable space left at "${facility.name}" for this window`);
  }
  const now = new Date(ctx.nowMs);
  return {
    id: randomUUID(),
    code: ctx.code,
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
    requestHash: ctx.hash,
    journeyId: req.journeyId ?? null,
    checkedInAt: null,
    checkedOutAt: null,
    createdAt: now,
    updatedAt: now,
  };
}

/** CONFLICT unless a rider's reservation in `current` state may be confirmed; false when it already is. */
export function mayConfirm(current: Reservation): boolean {
  if (current.status === 'CONFIRMED') return false;
  if (current.status !== 'HELD')
    throw new ConflictError(`reservation is ${current.status} and cannot be confirmed`);
  return true;
}

/** CONFLICT unless the rider may cancel this reservation on its own; false when it already is cancelled. */
export function mayCancel(current: Reservation): boolean {
  if (current.status === 'CANCELLED') return false;
  if (current.status !== 'HELD' && current.status !== 'CONFIRMED') {
    throw new ConflictError(`reservation is ${current.status} and cannot be cancelled`);
  }
  // A journey's parking goes with the journey: cancelling it alone would leave a booked journey without its space.
  if (current.journeyId) {
    throw new ConflictError(
      `reservation belongs to journey ${current.journeyId}: cancel the journey (cancelJourney) instead`,
    );
  }
  return true;
}

/** The rider's own reservation (NOT_FOUND for another rider's or none, which stay invisible). */
export function ownOrNotFound(
  found: Reservation | undefined,
  riderId: string,
  id: string,
): Reservation {
  if (found?.riderId !== riderId)
    throw new NotFoundError(`parking reservation "${id}" does not exist`);
  return found;
}
