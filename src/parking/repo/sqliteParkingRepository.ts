import type { AppDb } from '../../db/index.js';
import type { SyncDb } from '../../db/index.js';
import { immediateUnitOfWork, type UnitOfWork } from '../../db/index.js';
import type { ParkingReads, ParkingRepository } from '../repository.js';
import { latestAvailability, storeReports } from './availabilityRepo.js';
import {
  countFacilities,
  ensureOperator,
  facilitiesInBox,
  findFacility,
  findFacilityRefs,
  saveFacility,
} from './facilityRepo.js';
import {
  activeWindows,
  completeEnded,
  expireHolds,
  facilityReservations,
  reservationCounts,
  riderReservations,
} from './reservationRepo.js';
import { cancelIn, confirmIn, reserveIn } from './reserveIn.js';

const FAR_FUTURE_MS = 8.64e15;

/**
 * Parking on SQLite: reads straight from the file, resolved at once; each unit of work is one
 * synchronous IMMEDIATE transaction, the hot ones (reports, reservations) through the group commit.
 */
export function sqliteParkingRepository(
  db: AppDb,
  commits: UnitOfWork<SyncDb>,
): { repository: ParkingRepository; reads: ParkingReads } {
  const unit = immediateUnitOfWork(db);
  const reads: ParkingReads = {
    findFacility: (id) => findFacility(db, id),
    facilitiesInBox: (box) => facilitiesInBox(db, box),
    latestAvailability: (ids) => latestAvailability(db, ids),
    activeWindows: (facilityId, window, nowMs) =>
      activeWindows(db, facilityId, window, new Date(nowMs)),
  };
  const repository: ParkingRepository = {
    findFacility: (id) => Promise.resolve(findFacility(db, id)),
    countFacilities: () => Promise.resolve(countFacilities(db)),
    facilitiesInBox: (box) => Promise.resolve(facilitiesInBox(db, box)),
    latestAvailability: (ids) => Promise.resolve(latestAvailability(db, ids)),
    activeWindows: (facilityId, window, nowMs) =>
      Promise.resolve(activeWindows(db, facilityId, window, new Date(nowMs))),
    riderReservations: (riderId, limit, after) =>
      Promise.resolve(riderReservations(db, riderId, limit, after)),
    facilityReservations: (facilityId, limit, window, after) =>
      Promise.resolve(facilityReservations(db, facilityId, limit, window, after)),
    upsertFacility: (id, nowMs, decide) =>
      unit.run((tx) => {
        const now = new Date(nowMs);
        const row = decide(
          findFacility(tx, id),
          activeWindows(tx, id, { startMs: nowMs, endMs: FAR_FUTURE_MS }, now),
        );
        ensureOperator(tx, row.operatorId, now);
        return saveFacility(tx, row);
      }),
    // Through the group commit: all or nothing in its own savepoint, sharing the fsync.
    applyReports: (ids, decide) =>
      commits.run((tx) => {
        const facilities = new Map(findFacilityRefs(tx, [...new Set(ids)]).map((f) => [f.id, f]));
        const plan = decide(facilities, latestAvailability(tx, [...facilities.keys()]));
        storeReports(tx, plan.history, plan.changed);
        return plan.result;
      }),
    reserve: (req, ctx) => commits.run((tx) => reserveIn(tx, req, ctx)),
    confirm: (riderId, id, nowMs) => unit.run((tx) => confirmIn(tx, riderId, id, nowMs)),
    cancel: (riderId, id, nowMs) => unit.run((tx) => cancelIn(tx, riderId, id, nowMs)),
    reservationCounts: (nowMs) => Promise.resolve(reservationCounts(db, nowMs)),
    sweep: (nowMs) =>
      unit.run((tx) => {
        const now = new Date(nowMs);
        return expireHolds(tx, now) + completeEnded(tx, now);
      }),
  };
  return { repository, reads };
}
