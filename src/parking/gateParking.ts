import type { Facility, Reservation } from './records.js';
import type { EpochMs } from './types.js';

/** A pass revoked by its journey's cancellation: its id (the journey id), reservation code and when. */
export interface RevokedPass {
  passId: string;
  reservationCode: string;
  revokedAtMs: EpochMs;
}

/**
 * What a lot's gate needs of parking (DESIGN.md §11), inside the gate's own unit of work `Tx`,
 * so that the check and the check-in or check-out commit together. `sqliteGateParking` is the
 * SQLite one; the rules (who, when, which status) are the pass domain's, these only read and write.
 */
export interface GateParkingPort<Tx> {
  /** The reservation with this code, or undefined. */
  reservationByCode(tx: Tx, code: string): Reservation | undefined;
  /** The reservation with this id, or undefined. */
  reservationById(tx: Tx, id: string): Reservation | undefined;
  /**
   * Takes the facility's lock for the rest of the unit, as reservations do (PostgreSQL: `SELECT …
   * FOR NO KEY UPDATE` of the facility row, DESIGN.md §9); returns the facility, or undefined.
   */
  lockFacility(tx: Tx, facilityId: string): Facility | undefined;
  /** CONFIRMED → CHECKED_IN at `atMs` (the gate's time); returns the reservation as written. */
  checkIn(tx: Tx, reservation: Reservation, atMs: EpochMs, nowMs: EpochMs): Reservation;
  /** CHECKED_IN → COMPLETED at `atMs`; returns the reservation as written. */
  checkOut(tx: Tx, reservation: Reservation, atMs: EpochMs, nowMs: EpochMs): Reservation;
  /** Journey reservations of a facility cancelled at or after `sinceMs`, oldest first, at most `limit`. */
  revokedSince(tx: Tx, facilityId: string, sinceMs: EpochMs, limit: number): RevokedPass[];
}

/**
 * The same port where the unit of work is asynchronous (PostgreSQL): each call resolves inside
 * the caller's transaction, and `committed` is called with the reservation a check-in or
 * check-out changed once the caller's transaction has committed (it updates this replica's view).
 */
export type GateParkingPortAsync<Tx> = {
  [K in keyof GateParkingPort<Tx>]: (
    ...args: Parameters<GateParkingPort<Tx>[K]>
  ) => Promise<ReturnType<GateParkingPort<Tx>[K]>>;
} & { committed(touched: readonly Reservation[]): Promise<void> };
