import type { PgDb, PgRunner } from '../../db/index.js';
import type { JourneyParkingPortAsync, Reservation } from '../../parking/index.js';
import type { Journey, StoredJourney } from '../records.js';
import type { JourneyRepository } from '../repository.js';
import {
  findJourney,
  findJourneyByKey,
  insertJourney,
  lockBookingKey,
  JOURNEYS_CHANNEL,
  markCancelled,
  notifyJourney,
  riderJourneys,
  updateItinerary,
} from './pgJourneyRows.js';

/**
 * Journeys on PostgreSQL (DESIGN.md §9): a booking is one READ COMMITTED transaction serialized
 * per (rider, idempotency key), its space reserved through parking's port (which locks the
 * facility row); a cancellation locks the journey row. Cancellations, re-bookings and check-ins
 * notify `journeys_changed`, which `follow` listens to.
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
    // The journey row is locked first, then (through parking's port) the facilities, as cancel does.
    rebook: async (id, nowMs, decide) => {
      const touched: Reservation[] = [];
      const stored = await db.transaction(async (tx) => {
        const journey = await findJourney(tx, id, true);
        const before = journey?.reservationId
          ? await parking.reservationAsOf(tx, journey.reservationId, nowMs)
          : undefined;
        const change = decide(journey, before);
        if (!change) return withReservation(tx, journey!, nowMs);
        let reservationId = journey!.reservationId;
        if (change.parking.kind !== 'keep' && reservationId) {
          const released = await parking.release(tx, reservationId, nowMs);
          if (released) touched.push(released);
          reservationId = null;
        }
        if (change.parking.kind === 'swap') {
          const { facilityId, window, attempt } = change.parking;
          const request = { riderId: journey!.riderId, facilityId, window, journeyId: id, attempt };
          const reserved = await parking.reserve(tx, request, nowMs);
          touched.push(reserved);
          reservationId = reserved.id;
        }
        const fields = {
          itinerary: change.itinerary,
          itineraryHash: change.itineraryHash,
          departureAt: change.departureAt,
          arrivalAt: change.arrivalAt,
          reservationId,
        };
        await updateItinerary(tx, id, fields);
        await notifyJourney(tx, id);
        return withReservation(tx, { ...journey!, ...fields }, nowMs);
      });
      await parking.committed(touched);
      return stored;
    },
    follow: async (listener) => {
      const meta = await db.$client.listen(JOURNEYS_CHANNEL, listener);
      return () => meta.unlisten();
    },
    cancel: async (id, nowMs, decide) =>
      afterCommit(
        await db.transaction(async (tx) => {
          const journey = await findJourney(tx, id, true);
          if (!decide(journey)) return withReservation(tx, journey!, nowMs);
          const now = new Date(nowMs);
          await markCancelled(tx, id, now);
          await notifyJourney(tx, id);
          if (journey!.reservationId) await parking.release(tx, journey!.reservationId, nowMs);
          return withReservation(tx, { ...journey!, status: 'CANCELLED', cancelledAt: now }, nowMs);
        }),
      ),
  };
}
