import type { AppDb, SyncDb, UnitOfWork } from '../../db/index.js';
import { immediateUnitOfWork } from '../../db/index.js';
import type { GateJourneyPort } from '../../journeys/index.js';
import type { GateParkingPort, Reservation } from '../../parking/index.js';
import type { ReservationRef } from '../records.js';
import type { PassRepository } from '../repository.js';
import { findGateEvent, insertGateEvent } from './gateEventRows.js';
import {
  insertPass,
  keyRow,
  passRow,
  publishedKeyRows,
  rotateTo,
  signingKeyRow,
} from './passKeyRows.js';

function reservationOf(
  tx: SyncDb,
  parking: GateParkingPort<SyncDb>,
  ref: ReservationRef,
): Reservation | undefined {
  return 'code' in ref
    ? parking.reservationByCode(tx, ref.code)
    : parking.reservationById(tx, ref.id);
}

/**
 * The pass domain on SQLite: reads straight from the file; key changes are IMMEDIATE
 * transactions; gate events go through the group commit `commits` like reservations, so two
 * scans of one pass arriving together run one after the other and the second sees the first.
 */
export function sqlitePassRepository(
  db: AppDb,
  commits: UnitOfWork<SyncDb>,
  parking: GateParkingPort<SyncDb>,
  journeys: GateJourneyPort<SyncDb>,
): PassRepository {
  const unit = immediateUnitOfWork(db);
  return {
    signingKey: () => Promise.resolve(signingKeyRow(db)),
    findKey: (kid) => Promise.resolve(keyRow(db, kid)),
    publishedKeys: (nowMs, graceMs) =>
      Promise.resolve(publishedKeyRows(db, new Date(nowMs - graceMs))),
    addKey: (row, nowMs, decide) =>
      unit.run((tx) => {
        const current = signingKeyRow(tx);
        if (!decide(current)) return current!;
        rotateTo(tx, row, new Date(nowMs));
        return row;
      }),
    findPass: (journeyId) => Promise.resolve(passRow(db, journeyId)),
    savePass: (row, replacing) =>
      unit.run((tx) => {
        insertPass(tx, row, replacing);
        return passRow(tx, row.journeyId)!;
      }),
    recordGateEvent: (lookup, nowMs, decide) =>
      commits.run((tx) => {
        const earlier = findGateEvent(tx, lookup.operatorId, lookup.idempotencyKey);
        // The IMMEDIATE transaction holds the write lock: what is read now stays so until commit.
        const reservation = reservationOf(tx, parking, lookup.reservation);
        const facility = reservation && parking.lockFacility(tx, reservation.facilityId);
        const journey = reservation?.journeyId
          ? journeys.find(tx, reservation.journeyId)
          : undefined;
        const event = decide({ earlier, reservation, facility, journey });
        if (!event) {
          const first = parking.reservationById(tx, earlier!.reservationId)!;
          return { event: earlier!, reservation: first, replayed: true };
        }
        insertGateEvent(tx, event);
        const target = reservation!;
        if (event.kind === 'CHECK_OUT') {
          return {
            event,
            reservation: parking.checkOut(tx, target, event.at.getTime(), nowMs),
            replayed: false,
          };
        }
        const checkedIn = parking.checkIn(tx, target, event.at.getTime(), nowMs);
        if (target.journeyId) journeys.markStarted(tx, target.journeyId);
        return { event, reservation: checkedIn, replayed: false };
      }),
    revocations: (facilityId, sinceMs, limit) =>
      Promise.resolve(parking.revokedSince(db, facilityId, sinceMs, limit)),
  };
}
