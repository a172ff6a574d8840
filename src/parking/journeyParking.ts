import type { SyncDb } from './repo/db.js';
import { findReservation, setStatus, type Reservation } from './repo/reservationRepo.js';
import { asOf, reserveIn } from './reservations.js';
import type { EpochMs, TimeWindow } from './types.js';

/** The space a booked journey needs: its rider, facility and window. */
export interface JourneyParkingRequest {
  riderId: string;
  facilityId: string;
  window: TimeWindow;
  journeyId: string;
}

/**
 * Reserves one space (CONFIRMED, linked to the journey) inside the CALLER's synchronous
 * transaction, with the same checks as `reserveParking` (open for the window, capacity): so the
 * journey and its reservation commit together or not at all. NO_CAPACITY when none is left.
 */
export function reserveForJourney(
  tx: SyncDb,
  req: JourneyParkingRequest,
  nowMs: EpochMs,
): Reservation {
  return reserveIn(
    tx,
    { ...req, idempotencyKey: `journey:${req.journeyId}`, hold: false },
    { nowMs, holdSeconds: 0 },
  );
}

/** Cancels a journey's reservation inside the caller's transaction if it still holds a space; returns it as of `nowMs`. */
export function releaseForJourney(
  tx: SyncDb,
  reservationId: string,
  nowMs: EpochMs,
): Reservation | undefined {
  const found = findReservation(tx, reservationId);
  if (!found) return undefined;
  const current = asOf(found, nowMs);
  if (current.status !== 'HELD' && current.status !== 'CONFIRMED') return current;
  setStatus(tx, reservationId, 'CANCELLED', new Date(nowMs));
  return { ...current, status: 'CANCELLED', updatedAt: new Date(nowMs) };
}

/** A reservation by id with its status as of `nowMs`, or undefined. */
export function reservationAsOf(db: SyncDb, id: string, nowMs: EpochMs): Reservation | undefined {
  const found = findReservation(db, id);
  return found && asOf(found, nowMs);
}
