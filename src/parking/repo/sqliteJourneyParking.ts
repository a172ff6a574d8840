import type { SyncDb } from '../../db/index.js';
import type { JourneyParkingPort } from '../journeyParking.js';
import { asOf } from '../reservations.js';
import { findReservation, setStatus } from './reservationRepo.js';
import { reserveIn } from './reserveIn.js';

/** Parking's port for journeys on SQLite: each call runs inside the caller's synchronous transaction. */
export const sqliteJourneyParking: JourneyParkingPort<SyncDb> = {
  reserve: (tx, { attempt, ...req }, nowMs) =>
    reserveIn(
      tx,
      {
        ...req,
        idempotencyKey: `journey:${req.journeyId}${attempt === undefined ? '' : `:${attempt}`}`,
        hold: false,
      },
      { nowMs, holdSeconds: 0 },
    ),
  release: (tx, reservationId, nowMs) => {
    const found = findReservation(tx, reservationId);
    if (!found) return undefined;
    const current = asOf(found, nowMs);
    if (current.status !== 'HELD' && current.status !== 'CONFIRMED') return current;
    setStatus(tx, reservationId, 'CANCELLED', new Date(nowMs));
    return { ...current, status: 'CANCELLED', updatedAt: new Date(nowMs) };
  },
  reservationAsOf: (tx, id, nowMs) => {
    const found = findReservation(tx, id);
    return found && asOf(found, nowMs);
  },
};
