import type { Reservation } from './records.js';
import type { EpochMs, TimeWindow } from './types.js';

/** The space a booked journey needs: its rider, facility and window. */
export interface JourneyParkingRequest {
  riderId: string;
  facilityId: string;
  window: TimeWindow;
  journeyId: string;
  /** Tells this space from the journey's earlier ones (a re-booking); default: the journey's first. */
  attempt?: string;
}

/**
 * What journeys need of parking (DESIGN.md §6), inside the journey's own unit of work `Tx`, so
 * that the journey and its space commit together or not at all. Journeys see parking only through
 * this port; `sqliteJourneyParking` is the SQLite one.
 */
export interface JourneyParkingPort<Tx> {
  /** Reserves one space (CONFIRMED, linked to the journey) with `reserveParking`'s checks; NO_CAPACITY when none is left. */
  reserve(tx: Tx, req: JourneyParkingRequest, nowMs: EpochMs): Reservation;
  /** Cancels a journey's reservation if it still holds a space; returns it as of `nowMs`. */
  release(tx: Tx, reservationId: string, nowMs: EpochMs): Reservation | undefined;
  /** A reservation by id with its status as of `nowMs`, or undefined. */
  reservationAsOf(tx: Tx, id: string, nowMs: EpochMs): Reservation | undefined;
}

/**
 * The same port where the unit of work is asynchronous (PostgreSQL): each call resolves inside
 * the caller's transaction, and `committed` is called with the reservations it touched once the
 * caller's transaction has committed (it refreshes this replica's view of their facilities).
 */
export type JourneyParkingPortAsync<Tx> = {
  [K in keyof JourneyParkingPort<Tx>]: (
    ...args: Parameters<JourneyParkingPort<Tx>[K]>
  ) => Promise<ReturnType<JourneyParkingPort<Tx>[K]>>;
} & { committed(touched: readonly Reservation[]): Promise<void> };
