import { eq, sql } from 'drizzle-orm';
import { parkingReservations, placeholderOf, preparedOn } from '../../db/index.js';
import type { SyncDb } from '../../db/index.js';
import type { GateParkingPort } from '../gateParking.js';
import type { Reservation } from '../records.js';
import { findFacility } from './facilityRepo.js';
import { findReservation } from './reservationRepo.js';
import { revokedOrder, revokedWhere, toRevokedPass } from './revokedRows.js';

const r = parkingReservations;

const reservationByCode = (db: SyncDb) =>
  db
    .select()
    .from(r)
    .where(eq(r.code, sql.placeholder('code')))
    .prepare();

/** A reservation's gate update: its status and the instant of the check-in or check-out. */
const gateUpdate = (column: 'checkedInAt' | 'checkedOutAt') => (db: SyncDb) =>
  db
    .update(r)
    .set({
      status: placeholderOf<Reservation['status']>('status'),
      [column]: placeholderOf<Date>('at'),
      updatedAt: placeholderOf<Date>('now'),
    })
    .where(eq(r.id, sql.placeholder('id')))
    .prepare();
const checkInUpdate = gateUpdate('checkedInAt');
const checkOutUpdate = gateUpdate('checkedOutAt');

/** Parking's port for the gate on SQLite: each call runs inside the caller's synchronous IMMEDIATE transaction. */
export const sqliteGateParking: GateParkingPort<SyncDb> = {
  reservationByCode: (tx, code) => preparedOn(tx, reservationByCode).get({ code }),
  reservationById: (tx, id) => findReservation(tx, id),
  // The IMMEDIATE transaction already holds the database's write lock.
  lockFacility: (tx, facilityId) => findFacility(tx, facilityId),
  checkIn: (tx, reservation, atMs, nowMs) => {
    const changes = {
      status: 'CHECKED_IN' as const,
      checkedInAt: new Date(atMs),
      updatedAt: new Date(nowMs),
    };
    preparedOn(tx, checkInUpdate).run({
      id: reservation.id,
      status: changes.status,
      at: changes.checkedInAt,
      now: changes.updatedAt,
    });
    return { ...reservation, ...changes };
  },
  checkOut: (tx, reservation, atMs, nowMs) => {
    const changes = {
      status: 'COMPLETED' as const,
      checkedOutAt: new Date(atMs),
      updatedAt: new Date(nowMs),
    };
    preparedOn(tx, checkOutUpdate).run({
      id: reservation.id,
      status: changes.status,
      at: changes.checkedOutAt,
      now: changes.updatedAt,
    });
    return { ...reservation, ...changes };
  },
  revokedSince: (tx, facilityId, sinceMs, limit) =>
    tx
      .select({ passId: r.journeyId, reservationCode: r.code, revokedAt: r.updatedAt })
      .from(r)
      .where(revokedWhere(r, facilityId, sinceMs))
      .orderBy(...revokedOrder(r))
      .limit(limit)
      .all()
      .map(toRevokedPass),
};
