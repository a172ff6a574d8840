import type { AppDb } from '../../db/index.js';
import type { SyncDb } from '../../db/index.js';
import { immediateUnitOfWork, type UnitOfWork } from '../../db/index.js';
import type { JourneyParkingPort } from '../../parking/index.js';
import type { Journey, StoredJourney } from '../records.js';
import type { JourneyRepository } from '../repository.js';
import {
  findJourney,
  findJourneyByKey,
  insertJourney,
  markCancelled,
  riderJourneys,
  updateItinerary,
} from './journeyRows.js';

/**
 * Journeys on SQLite: bookings are units of the group commit `commits` (with the reservations,
 * sharing fsyncs and not blocking on another process's lock), cancellations one IMMEDIATE
 * transaction; parking is reached only through its port.
 */
export function sqliteJourneyRepository(
  db: AppDb,
  commits: UnitOfWork<SyncDb>,
  parking: JourneyParkingPort<SyncDb>,
): JourneyRepository {
  const unit = immediateUnitOfWork(db);
  const withReservation = (tx: SyncDb, journey: Journey, nowMs: number): StoredJourney => ({
    journey,
    reservation: journey.reservationId
      ? parking.reservationAsOf(tx, journey.reservationId, nowMs)
      : undefined,
  });
  return {
    find: (id, nowMs) => {
      const journey = findJourney(db, id);
      return Promise.resolve(journey && withReservation(db, journey, nowMs));
    },
    riderJourneys: (riderId, limit, nowMs, after) =>
      Promise.resolve(
        riderJourneys(db, riderId, limit, after).map((j) => withReservation(db, j, nowMs)),
      ),
    book: (riderId, key, nowMs, decide) =>
      commits.run((tx) => {
        const earlier = findJourneyByKey(tx, riderId, key);
        const booking = decide(earlier);
        if (!booking) return withReservation(tx, earlier!, nowMs);
        const { journey, parking: space } = booking;
        const reservation =
          space && parking.reserve(tx, { riderId, ...space, journeyId: journey.id }, nowMs);
        const stored = { ...journey, reservationId: reservation?.id ?? null };
        insertJourney(tx, stored);
        return { journey: stored, reservation };
      }),
    rebook: (id, nowMs, decide) =>
      commits.run((tx) => {
        const journey = findJourney(tx, id);
        const before = journey?.reservationId
          ? parking.reservationAsOf(tx, journey.reservationId, nowMs)
          : undefined;
        const change = decide(journey, before);
        if (!change) return withReservation(tx, journey!, nowMs);
        let reservationId = journey!.reservationId;
        if (change.parking.kind !== 'keep' && reservationId) {
          parking.release(tx, reservationId, nowMs);
          reservationId = null;
        }
        if (change.parking.kind === 'swap') {
          const { facilityId, window, attempt } = change.parking;
          const request = { riderId: journey!.riderId, facilityId, window, journeyId: id, attempt };
          reservationId = parking.reserve(tx, request, nowMs).id;
        }
        const fields = {
          itinerary: change.itinerary,
          itineraryHash: change.itineraryHash,
          departureAt: change.departureAt,
          arrivalAt: change.arrivalAt,
          reservationId,
        };
        const updated = { ...journey!, ...fields };
        updateItinerary(tx, id, fields);
        return withReservation(tx, updated, nowMs);
      }),
    cancel: (id, nowMs, decide) =>
      unit.run((tx) => {
        const journey = findJourney(tx, id);
        if (!decide(journey)) return withReservation(tx, journey!, nowMs);
        const now = new Date(nowMs);
        markCancelled(tx, id, now);
        if (journey!.reservationId) parking.release(tx, journey!.reservationId, nowMs);
        return withReservation(tx, { ...journey!, status: 'CANCELLED', cancelledAt: now }, nowMs);
      }),
  };
}
