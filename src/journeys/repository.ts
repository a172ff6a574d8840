import type { Reservation } from '../parking/index.js';
import type {
  Journey,
  JourneyBooking,
  JourneyPageAfter,
  JourneyRebooking,
  StoredJourney,
} from './records.js';

/**
 * Journeys' storage (DESIGN.md §9), dialect-free: reads, and units of work in which the journey
 * and its parking (through parking's port) are written together or not at all. A `decide`
 * callback is the domain rule: it runs inside the unit, synchronously, and throws to refuse.
 */
export interface JourneyRepository {
  /** The journey with this id and its reservation as of `nowMs`, or undefined. */
  find(id: string, nowMs: number): Promise<StoredJourney | undefined>;
  /** A rider's journeys, latest departure first, `limit` of them after `after`. */
  riderJourneys(
    riderId: string,
    limit: number,
    nowMs: number,
    after?: JourneyPageAfter,
  ): Promise<StoredJourney[]>;
  /**
   * One unit: reads the journey the rider booked with `key`; `decide` answers `undefined` to
   * return that one, or a new booking, whose space is reserved and journey stored.
   */
  book(
    riderId: string,
    key: string,
    nowMs: number,
    decide: (earlier: Journey | undefined) => JourneyBooking | undefined,
  ): Promise<StoredJourney>;
  /**
   * One unit: reads journey `id`; when `decide` answers true it is marked CANCELLED at `nowMs`
   * and its parking released, else it is returned as it is.
   */
  cancel(
    id: string,
    nowMs: number,
    decide: (journey: Journey | undefined) => boolean,
  ): Promise<StoredJourney>;
  /**
   * One unit: reads journey `id` and its reservation; when `decide` answers a re-booking, the
   * journey's itinerary is replaced and its parking kept, swapped (the old space released, then
   * the new one reserved: NO_CAPACITY undoes it all) or released; `undefined` returns it as it is.
   */
  rebook(
    id: string,
    nowMs: number,
    decide: (
      journey: Journey | undefined,
      reservation: Reservation | undefined,
    ) => JourneyRebooking | undefined,
  ): Promise<StoredJourney>;
  /**
   * Calls `listener` with the id of every journey whose stored state any replica changed
   * (cancelled, re-booked, checked in); absent where this process makes every change itself
   * (SQLite). Resolves with a function that stops it.
   */
  follow?(listener: (journeyId: string) => void): Promise<() => Promise<void>>;
}
