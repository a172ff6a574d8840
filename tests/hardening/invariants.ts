import type Database from 'better-sqlite3';
import { maxCovering } from '../parking/realServer.js';

/** A facility holding more reservations at some instant than its reservable spaces (DESIGN.md §5). */
export interface Overbooking {
  facilityId: string;
  reservableSpaces: number;
  peak: number;
}

/**
 * Every facility whose HELD (hold not run out at `nowMs`), CONFIRMED and CHECKED_IN reservations cover one
 * instant more often than `reservableSpaces`, read straight from the table; [] when none.
 */
export function overbookings(db: Database.Database, nowMs: number): Overbooking[] {
  const facilities = db
    .prepare('SELECT id, reservable_spaces AS spaces FROM parking_facilities')
    .all() as {
    id: string;
    spaces: number;
  }[];
  const windowsOf = db.prepare(
    `SELECT starts_at AS start, ends_at AS end FROM parking_reservations
     WHERE facility_id = ? AND (status IN ('CONFIRMED', 'CHECKED_IN') OR (status = 'HELD' AND hold_expires_at > ?))`,
  );
  const out: Overbooking[] = [];
  for (const f of facilities) {
    const peak = maxCovering(windowsOf.all(f.id, nowMs) as { start: number; end: number }[]);
    if (peak > f.spaces) out.push({ facilityId: f.id, reservableSpaces: f.spaces, peak });
  }
  return out;
}

/**
 * Journeys whose parking reservation is missing, and reservations naming a journey that does not
 * exist (DESIGN.md §6: booked together or not at all); [] when none or before journeys exist.
 */
export function journeyProblems(db: Database.Database): string[] {
  const hasJourneys = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'journeys'")
    .get();
  if (!hasJourneys) return [];
  const missingReservation = db
    .prepare(
      `SELECT j.id, j.reservation_id AS reservationId FROM journeys j
       LEFT JOIN parking_reservations r ON r.id = j.reservation_id
       WHERE j.reservation_id IS NOT NULL AND r.id IS NULL`,
    )
    .all() as { id: string; reservationId: string }[];
  const orphanReservation = db
    .prepare(
      `SELECT r.id, r.journey_id AS journeyId FROM parking_reservations r
       LEFT JOIN journeys j ON j.id = r.journey_id
       WHERE r.journey_id IS NOT NULL AND j.id IS NULL`,
    )
    .all() as { id: string; journeyId: string }[];
  return [
    ...missingReservation.map(
      (j) => `journey ${j.id} names reservation ${j.reservationId}, which does not exist`,
    ),
    ...orphanReservation.map(
      (r) => `reservation ${r.id} names journey ${r.journeyId}, which does not exist`,
    ),
  ];
}

/** Active journeys whose parking was cancelled on its own (worth a look, not an invariant of DESIGN.md). */
export function confirmedJourneysWithoutParking(db: Database.Database): string[] {
  const hasJourneys = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'journeys'")
    .get();
  if (!hasJourneys) return [];
  return (
    db
      .prepare(
        `SELECT j.id FROM journeys j JOIN parking_reservations r ON r.id = j.reservation_id
         WHERE j.status = 'CONFIRMED' AND r.status = 'CANCELLED'`,
      )
      .all() as { id: string }[]
  ).map((j) => j.id);
}
