import type { PgDb, PgRunner } from '../../db/index.js';
import type { JourneyParkingPortAsync, Reservation } from '../../parking/index.js';
import type { Journey, StoredJourney } from '../records.js';
import type { JourneyRepository } from '../repository.js';
import {
  findJourney,
  findJourneyByKey,
  insertJourney,
  lockBookingKey,
  markCancelled,
  riderJourneys,
} from './pgJourneyRows.js';

/**
 * Journeys on PostgreSQL (DESIGN.md §9): a booking is one READ COMMITTED transaction serialized
 * per (rider, idempotency key), its space reserved through parking's port (which locks the
 * facility row); a cancellation locks the journey row.
 */
export function pgJourneyRepository(
  db: PgDb,
  parking: JourneyParkingPortAsync<PgRunner>,
): JourneyRepository {
  const withReservation = async (
    tx: PgRunner,
    journey: Journey,
    nowMs: number,
  ): Promise<StoredJourney> => ({
    journey,
    reservation: journey.reservationId
      ? await parking.reservationAsOf(tx, journey.reservationId, nowMs)
      : undefined,
  });
  const afterCommit = async (stored: StoredJourney): Promise<StoredJourney> => {
    if (stored.reservation) await parking.committed([stored.reservation]);
    return stored;
  };
  return {
    find: async (id, nowMs) => {
      const journey = await findJourney(db, id);
      return journey && withReservation(db, journey, nowMs);
    },
    riderJourneys: async (riderId, limit, nowMs, after) =>
      Promise.all(
        (await riderJourneys(db, riderId, limit, after)).map((j) => withReservation(db, j, nowMs)),
      ),
    book: async (riderId, key, nowMs, decide) =>
      afterCommit(
        await db.transaction(async (tx) => {
          await lockBookingKey(tx, riderId, key);
          const earlier = await findJourneyByKey(tx, riderId, key);
          const booking = decide(earlier);
          if (!booking) return withReservation(tx, earlier!, nowMs);
          const { journey, parking: space } = booking;
          const reservation: Reservation | undefined =
            space &&
            (await parking.reserve(tx, { riderId, ...space, journeyId: journey.id }, nowMs));
          const stored = { ...journey, reservationId: reservation?.id ?? null };
          await insertJourney(tx, stored);
          return { journey: stored, reservation };
        }),
      ),
    cancel: async (id, nowMs, decide) =>
      afterCommit(
        await db.transaction(async (tx) => {
          const journey = await findJourney(tx, id, true);
          if (!decide(journey)) return withReservation(tx, journey!, nowMs);
          const now = new Date(nowMs);
          await markCancelled(tx, id, now);
          if (journey!.reservationId) await parking.release(tx, journey!.reservationId, nowMs);
          return withReservation(tx, { ...journey!, status: 'CANCELLED', cancelledAt: now }, nowMs);
        }),
      ),
  };
}
