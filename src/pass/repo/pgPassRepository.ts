import { lockXactKey, type PgDb, type PgRunner } from '../../db/index.js';
import type { GateJourneyPortAsync } from '../../journeys/index.js';
import type { GateParkingPortAsync, Reservation } from '../../parking/index.js';
import type { GateLookup, GateOutcome, GateState } from '../records.js';
import type { PassRepository } from '../repository.js';
import {
  findGateEvent,
  insertGateEvent,
  insertPass,
  keyRow,
  passRow,
  publishedKeyRows,
  rotateTo,
  signingKeyRow,
} from './pgPassRows.js';

/** Serializes key rotations of every replica (a transaction-level advisory lock). */
const ROTATE_LOCK = 'pass_keys:rotate';

/**
 * The pass domain on PostgreSQL (DESIGN.md §9, §11): key rotations serialize on an advisory lock;
 * a gate event is one READ COMMITTED transaction that locks the reservation's journey row (when it
 * has one), its facility row (`FOR NO KEY UPDATE`, as reservations do) and then the operator's
 * idempotency key, so that two scans of one pass, or one key sent to two replicas, run one after
 * the other and the second reads what the first committed.
 */
export function pgPassRepository(
  db: PgDb,
  parking: GateParkingPortAsync<PgRunner>,
  journeys: GateJourneyPortAsync<PgRunner>,
): PassRepository {
  const reservationOf = (tx: PgRunner, ref: GateLookup['reservation']) =>
    'code' in ref ? parking.reservationByCode(tx, ref.code) : parking.reservationById(tx, ref.id);

  /** Locks, then reads what the rule decides on. */
  const lockedState = async (tx: PgRunner, lookup: GateLookup): Promise<GateState> => {
    const found = await reservationOf(tx, lookup.reservation);
    // cancelJourney locks the journey row, then the facility: the same order here, so that a
    // cancellation racing a check-in waits for it instead of deadlocking.
    const journey = found?.journeyId ? await journeys.find(tx, found.journeyId) : undefined;
    const facility = found && (await parking.lockFacility(tx, found.facilityId));
    await lockXactKey(tx, `gate:${lookup.operatorId}:${lookup.idempotencyKey}`);
    const earlier = await findGateEvent(tx, lookup.operatorId, lookup.idempotencyKey);
    // Read again under the locks: a gate that committed while this one waited is seen now.
    const reservation = found && (await parking.reservationById(tx, found.id));
    return { earlier, reservation, facility, journey };
  };

  const recordGateEvent: PassRepository['recordGateEvent'] = async (lookup, nowMs, decide) => {
    const outcome = await db.transaction(async (tx): Promise<GateOutcome> => {
      const state = await lockedState(tx, lookup);
      const event = decide(state);
      if (!event) {
        const earlier = state.earlier!;
        const first = (await parking.reservationById(tx, earlier.reservationId))!;
        return { event: earlier, reservation: first, replayed: true };
      }
      await insertGateEvent(tx, event);
      const target = state.reservation!;
      const atMs = event.at.getTime();
      let reservation: Reservation;
      if (event.kind === 'CHECK_OUT') {
        reservation = await parking.checkOut(tx, target, atMs, nowMs);
      } else {
        reservation = await parking.checkIn(tx, target, atMs, nowMs);
        if (target.journeyId) await journeys.markStarted(tx, target.journeyId);
      }
      return { event, reservation, replayed: false };
    });
    if (!outcome.replayed) await parking.committed([outcome.reservation]);
    return outcome;
  };

  return {
    signingKey: () => signingKeyRow(db),
    findKey: (kid) => keyRow(db, kid),
    publishedKeys: (nowMs, graceMs) => publishedKeyRows(db, new Date(nowMs - graceMs)),
    addKey: (row, nowMs, decide) =>
      db.transaction(async (tx) => {
        await lockXactKey(tx, ROTATE_LOCK);
        const current = await signingKeyRow(tx);
        if (!decide(current)) return current!;
        await rotateTo(tx, row, new Date(nowMs));
        return row;
      }),
    findPass: (journeyId) => passRow(db, journeyId),
    savePass: async (row, replacing) => {
      await insertPass(db, row, replacing);
      return (await passRow(db, row.journeyId))!;
    },
    recordGateEvent,
    revocations: (facilityId, sinceMs, limit) =>
      parking.revokedSince(db, facilityId, sinceMs, limit),
  };
}
