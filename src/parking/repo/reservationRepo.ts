import type Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';
import { and, asc, count, desc, eq, gt, lt, lte, sql } from 'drizzle-orm';
import { afterKeyset, preparedOn } from '../../db/index.js';
import { parkingReservations } from '../../db/index.js';
import type { PageAfter, Reservation } from '../records.js';
import type { ReservationStatus, TimeWindow } from '../types.js';
import type { SyncDb } from '../../db/index.js';

const r = parkingReservations;

/** The reservation with this id, or undefined. */
export function findReservation(db: SyncDb, id: string): Reservation | undefined {
  return preparedOn(db, reservationById).get({ id });
}

const reservationById = (db: SyncDb) =>
  db
    .select()
    .from(r)
    .where(eq(r.id, sql.placeholder('id')))
    .prepare();

/** The reservation a rider made with this idempotency key, or undefined. */
export function findByIdempotencyKey(
  db: SyncDb,
  riderId: string,
  key: string,
): Reservation | undefined {
  return db
    .select()
    .from(r)
    .where(and(eq(r.riderId, riderId), eq(r.idempotencyKey, key)))
    .get();
}

/** True when a reservation already uses this code. */
export function codeTaken(db: SyncDb, code: string): boolean {
  return db.select({ id: r.id }).from(r).where(eq(r.code, code)).get() !== undefined;
}

/** Inserts a reservation. */
export function insertReservation(db: SyncDb, row: Reservation): void {
  db.insert(r).values(row).run();
}

/** Sets the status of one reservation. */
export function setStatus(db: SyncDb, id: string, status: ReservationStatus, now: Date): void {
  db.update(r).set({ status, updatedAt: now }).where(eq(r.id, id)).run();
}

/** Marks HELD reservations whose hold ran out by `now` as EXPIRED (of one facility, or all); returns how many. */
export function expireHolds(db: SyncDb, now: Date, facilityId?: string): number {
  const due = and(eq(r.status, 'HELD'), lte(r.holdExpiresAt, now));
  return db
    .update(r)
    .set({ status: 'EXPIRED', updatedAt: now })
    .where(facilityId === undefined ? due : and(eq(r.facilityId, facilityId), due))
    .run().changes;
}

/** Marks CONFIRMED reservations whose window ended by `now` as COMPLETED; returns how many. */
export function completeEnded(db: SyncDb, now: Date): number {
  return db
    .update(r)
    .set({ status: 'COMPLETED', updatedAt: now })
    .where(and(eq(r.status, 'CONFIRMED'), lte(r.endsAt, now)))
    .run().changes;
}

const activeWindowsSql = `SELECT starts_at AS startMs, ends_at AS endMs FROM parking_reservations
  WHERE facility_id = ? AND status IN ('HELD', 'CONFIRMED', 'CHECKED_IN') AND starts_at < ? AND ends_at > ?
    AND (status <> 'HELD' OR hold_expires_at > ?)`;
const activeWindowsStatements = new WeakMap<object, Statement<unknown[], TimeWindow>>();

/**
 * Windows of the HELD (unexpired at `now`), CONFIRMED and CHECKED_IN reservations of a facility that
 * overlap `window`: a checked-in car holds its space until check-out or its window's end (DESIGN.md §11).
 */
export function activeWindows(
  db: SyncDb,
  facilityId: string,
  window: TimeWindow,
  now: Date,
): TimeWindow[] {
  // This runs on every capacity check (and ~50 times per park-and-ride plan): a statement
  // prepared once per connection, on the connection the caller's transaction runs on.
  const client = (db as unknown as { session: { client: Database.Database } }).session.client;
  let stmt = activeWindowsStatements.get(client);
  if (!stmt) {
    stmt = client.prepare<unknown[], TimeWindow>(activeWindowsSql);
    activeWindowsStatements.set(client, stmt);
  }
  return stmt.all(facilityId, window.endMs, window.startMs, now.getTime());
}

/** A rider's reservations, newest first, `limit` of them after `after`. */
export function riderReservations(
  db: SyncDb,
  riderId: string,
  limit: number,
  after?: PageAfter,
): Reservation[] {
  const afterCond = afterKeyset(r.createdAt, r.id, after, 'desc');
  return db
    .select()
    .from(r)
    .where(and(eq(r.riderId, riderId), afterCond))
    .orderBy(desc(r.createdAt), desc(r.id))
    .limit(limit)
    .all();
}

/** A facility's reservations overlapping `window` (all when absent), by start time, `limit` of them after `after`. */
export function facilityReservations(
  db: SyncDb,
  facilityId: string,
  limit: number,
  window?: TimeWindow,
  after?: PageAfter,
): Reservation[] {
  const windowCond =
    window && and(lt(r.startsAt, new Date(window.endMs)), gt(r.endsAt, new Date(window.startMs)));
  const afterCond = afterKeyset(r.startsAt, r.id, after, 'asc');
  return db
    .select()
    .from(r)
    .where(and(eq(r.facilityId, facilityId), windowCond, afterCond))
    .orderBy(asc(r.startsAt), asc(r.id))
    .limit(limit)
    .all();
}

/** Reservations per status as of `nowMs`: a HELD past its hold counts as EXPIRED, a CONFIRMED past its end as COMPLETED. */
export function reservationCounts(db: SyncDb, nowMs: number): Map<string, number> {
  const status = sql<string>`CASE
    WHEN ${r.status} = 'HELD' AND ${r.holdExpiresAt} <= ${nowMs} THEN 'EXPIRED'
    WHEN ${r.status} = 'CONFIRMED' AND ${r.endsAt} <= ${nowMs} THEN 'COMPLETED'
    ELSE ${r.status} END`;
  const rows = db.select({ status, n: count() }).from(r).groupBy(status).all();
  return new Map(rows.map((row) => [row.status, row.n]));
}
