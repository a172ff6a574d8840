import { pgErrorCode, type PgDb, type PgRunner } from '../../db/index.js';
import type { Reservation } from '../records.js';
import { newReservationCode } from '../reservationCode.js';
import { requestHash, type ReserveRequest } from '../reservations.js';
import { checkIdempotencyKey, newReservation, replayOf, windowToReserve } from '../reserveRule.js';
import type { EpochMs, TimeWindow } from '../types.js';
import {
  activeWindowsOf,
  findByIdempotencyKeys,
  insertReservations,
  lockFacilities,
  notifyReservations,
} from './pgRows.js';

interface Pending {
  req: ReserveRequest;
  ctx: { nowMs: EpochMs; holdSeconds: number };
  resolve: (reservation: Reservation) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: Reservation } | { ok: false; error: unknown };

/** Most reservations decided in one transaction. */
const MAX_BATCH = 64;
/** Batches in their transaction at once; requests arriving meanwhile wait for the next batch. */
const MAX_IN_FLIGHT = 3;
/** Runs of one batch that met a unique index or a deadlock before its error is answered. */
const MAX_ATTEMPTS = 3;

/** SQLSTATEs after which the whole batch is run again: unique violation, deadlock, serialization. */
const RERUN = new Set(['23505', '40P01', '40001']);

const pairKey = (riderId: string, key: string) => `${riderId}\n${key}`;

/**
 * Group commit for `reserveParking` on PostgreSQL (DESIGN.md §9), as `GroupCommit` is on SQLite:
 * reservations asked for while earlier batches are in their transactions are decided together in
 * one READ COMMITTED transaction of five round trips, whatever their number. Their facility rows
 * are locked first, in id order; then, read after the locks, the earlier results of their
 * idempotency keys and the spaces held at their facilities; then each request in arrival order
 * sees what the ones before it took; one insert, one notification, one commit. A request the
 * rules refuse fails alone (nothing of it was written); when the insert meets a unique index (the
 * same key sent at once to another replica, or a code clash) or a deadlock, the batch runs again
 * and then finds the winner's reservation.
 */
export class PgReserveBatch {
  private queue: Pending[] = [];
  private scheduled = false;
  private inFlight = 0;

  constructor(private readonly db: PgDb) {}

  /** Reserves (or replays) one space; resolves once its batch has committed. */
  reserve(req: ReserveRequest, ctx: { nowMs: EpochMs; holdSeconds: number }): Promise<Reservation> {
    return new Promise<Reservation>((resolve, reject) => {
      checkIdempotencyKey(req.idempotencyKey);
      this.queue.push({ req, ctx, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.queue.length === 0 || this.inFlight >= MAX_IN_FLIGHT) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.inFlight >= MAX_IN_FLIGHT || this.queue.length === 0) return;
    const batch = this.queue.splice(0, MAX_BATCH);
    this.inFlight++;
    this.schedule();
    try {
      const outcomes = await this.run(batch);
      batch.forEach((item, i) => {
        const outcome = outcomes[i]!;
        if (outcome.ok) item.resolve(outcome.value);
        else item.reject(outcome.error);
      });
    } catch (error) {
      // The transaction itself failed: nothing of the batch was written.
      for (const item of batch) item.reject(error);
    } finally {
      this.inFlight--;
      this.schedule();
    }
  }

  private async run(batch: readonly Pending[]): Promise<Outcome[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction((tx) => decide(tx, batch));
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !RERUN.has(pgErrorCode(error) ?? '')) throw error;
      }
    }
  }
}

/** Decides and writes one batch inside `tx`; the outcome of each request, in order. */
async function decide(tx: PgRunner, batch: readonly Pending[]): Promise<Outcome[]> {
  const facilityIds = [...new Set(batch.map((p) => p.req.facilityId))].sort();
  const facilities = await lockFacilities(tx, facilityIds);
  // After the locks, one round trip for both reads (postgres.js pipelines them).
  const span: TimeWindow = {
    startMs: Math.min(...batch.map((p) => p.req.window.startMs)),
    endMs: Math.max(...batch.map((p) => p.req.window.endMs)),
  };
  const nowMs = Math.max(...batch.map((p) => p.ctx.nowMs));
  const [earlier, held] = await Promise.all([
    findByIdempotencyKeys(
      tx,
      batch.map((p) => p.req),
    ),
    activeWindowsOf(tx, [...facilities.keys()], span, new Date(nowMs)),
  ]);
  const inserts: Reservation[] = [];
  const outcomes = batch.map(({ req, ctx }): Outcome => {
    try {
      const hash = requestHash(req);
      const key = pairKey(req.riderId, req.idempotencyKey);
      const before = earlier.get(key);
      if (before) return { ok: true, value: replayOf(before, hash, ctx.nowMs) };
      const at = windowToReserve(req, facilities.get(req.facilityId), ctx.nowMs);
      const windows = held.get(at.facility.id) ?? [];
      const active = windows.filter(
        (w) => w.startMs < at.window.endMs && w.endMs > at.window.startMs,
      );
      const code = newReservationCode();
      const row = newReservation(req, at, active, { ...ctx, code, hash });
      inserts.push(row);
      // The requests after this one see its space taken and its key used.
      windows.push({ startMs: row.startsAt.getTime(), endMs: row.endsAt.getTime() });
      held.set(at.facility.id, windows);
      earlier.set(key, row);
      return { ok: true, value: row };
    } catch (error) {
      return { ok: false, error };
    }
  });
  if (inserts.length > 0) {
    await Promise.all([insertReservations(tx, inserts), notifyReservations(tx, inserts)]);
  }
  return outcomes;
}
