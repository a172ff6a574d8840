import type { PgDb } from '../../db/index.js';
import type { GateParkingPortAsync } from '../gateParking.js';
import type { JourneyParkingPortAsync } from '../journeyParking.js';
import type { ParkingRepository } from '../repository.js';
import type { Reservation } from '../records.js';
import { ParkingMirror } from './parkingMirror.js';
import {
  activeWindows,
  completeEnded,
  countFacilities,
  ensureOperator,
  expireHolds,
  facilitiesInBox,
  facilityReservations,
  findFacilities,
  findFacility,
  latestAvailability,
  lockFacility,
  lockKey,
  notifyParking,
  notifyParkingMany,
  reservationCounts,
  riderReservations,
  saveFacility,
  storeReports,
} from './pgRows.js';
import { pgGateParking } from './pgGateParking.js';
import { cancelInPg, confirmInPg, pgJourneyParkingCalls } from './pgReserve.js';
import { PgReserveBatch } from './pgReserveBatch.js';
import type { PgRunner } from '../../db/index.js';

// PostgreSQL's timestamptz stops at year 294276; JavaScript's maximum Date is out of its range.
const FAR_FUTURE_MS = Date.UTC(9999, 0, 1);

/**
 * Parking on PostgreSQL (DESIGN.md §9): every unit is one READ COMMITTED transaction that locks
 * the facility row before it checks; the planner's synchronous reads come from a `ParkingMirror`,
 * which each unit updates once committed (with the reservations it wrote, or by reloading its
 * facilities); other replicas hear a NOTIFY.
 */
export function pgParkingRepository(
  db: PgDb,
  nowMs: () => number,
  onError?: (error: unknown) => void,
): {
  repository: ParkingRepository;
  reads: ParkingMirror;
  journeyParking: JourneyParkingPortAsync<PgRunner>;
  gateParking: GateParkingPortAsync<PgRunner>;
} {
  const mirror = new ParkingMirror(db, nowMs, onError);
  const reservations = new PgReserveBatch(db);
  /** Resolves with the unit's result once its facilities are fresh in this replica's mirror. */
  const refreshed = async <T>(result: T, facilityIds: readonly string[]): Promise<T> => {
    await mirror.reload(facilityIds).catch(onError);
    return result;
  };
  /** A committed reservation, taken into this replica's mirror at once (no reload). */
  const learned = (row: Reservation): Reservation => {
    mirror.applied([row]);
    return row;
  };
  const repository: ParkingRepository = {
    findFacility: (id) => findFacility(db, id),
    countFacilities: () => countFacilities(db),
    facilitiesInBox: (box) => facilitiesInBox(db, box),
    latestAvailability: (ids) => latestAvailability(db, ids),
    activeWindows: (facilityId, window, at) => activeWindows(db, facilityId, window, new Date(at)),
    riderReservations: (riderId, limit, after) => riderReservations(db, riderId, limit, after),
    facilityReservations: (facilityId, limit, window, after) =>
      facilityReservations(db, facilityId, limit, window, after),
    upsertFacility: async (id, at, decide) => {
      const saved = await db.transaction(async (tx) => {
        const now = new Date(at);
        // A new facility has no row to lock yet: its id serializes the creators.
        await lockKey(tx, `facility:${id}`);
        const existing = await lockFacility(tx, id);
        const active = await activeWindows(tx, id, { startMs: at, endMs: FAR_FUTURE_MS }, now);
        const row = decide(existing, active);
        await ensureOperator(tx, row.operatorId, now);
        const stored = await saveFacility(tx, row);
        await notifyParking(tx, id);
        return stored;
      });
      return refreshed(saved, [id]);
    },
    applyReports: async (ids, decide) => {
      const { result, changed } = await db.transaction(async (tx) => {
        const unique = [...new Set(ids)];
        const facilities = new Map((await findFacilities(tx, unique)).map((f) => [f.id, f]));
        const plan = decide(facilities, await latestAvailability(tx, [...facilities.keys()]));
        await storeReports(tx, plan.history, plan.changed);
        const changedIds = plan.changed.map((c) => c.facilityId);
        await notifyParkingMany(tx, changedIds);
        return { result: plan.result, changed: changedIds };
      });
      return refreshed(result, changed);
    },
    reserve: async (req, ctx) => learned(await reservations.reserve(req, ctx)),
    confirm: async (riderId, id, at) =>
      learned(await db.transaction((tx) => confirmInPg(tx, riderId, id, at))),
    cancel: async (riderId, id, at) =>
      learned(await db.transaction((tx) => cancelInPg(tx, riderId, id, at))),
    reservationCounts: (at) => reservationCounts(db, at),
    sweep: async (at) => {
      const changed = await db.transaction(async (tx) => {
        const now = new Date(at);
        const ids = [...(await expireHolds(tx, now)), ...(await completeEnded(tx, now))];
        await notifyParkingMany(tx, ids);
        return ids;
      });
      return refreshed(changed.length, changed);
    },
  };
  const journeyParking: JourneyParkingPortAsync<PgRunner> = {
    ...pgJourneyParkingCalls,
    committed: (touched) => {
      mirror.applied(touched);
      return Promise.resolve();
    },
  };
  const gateParking: GateParkingPortAsync<PgRunner> = {
    ...pgGateParking,
    committed: (touched) => {
      mirror.applied(touched);
      return Promise.resolve();
    },
  };
  return { repository, reads: mirror, journeyParking, gateParking };
}
