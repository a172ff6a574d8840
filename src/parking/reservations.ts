import { createHash } from 'node:crypto';
import type { Reservation } from './records.js';
import type { EpochMs, ReservationStatus, TimeWindow } from './types.js';

/** A rider's request for one space. */
export interface ReserveRequest {
  riderId: string;
  facilityId: string;
  window: TimeWindow;
  /** Same rider + same key = same reservation (1–128 characters). */
  idempotencyKey: string;
  /** HELD (expires after `holdSeconds` unless confirmed) instead of CONFIRMED. */
  hold: boolean;
  /** The booked journey it belongs to, if any. */
  journeyId?: string;
}

/** The status as of `nowMs`: a HELD past its hold is EXPIRED, a CONFIRMED past its end is COMPLETED. */
export function effectiveStatus(reservation: Reservation, nowMs: EpochMs): ReservationStatus {
  const { status, holdExpiresAt, endsAt } = reservation;
  if (status === 'HELD' && holdExpiresAt !== null && holdExpiresAt.getTime() <= nowMs)
    return 'EXPIRED';
  if (status === 'CONFIRMED' && endsAt.getTime() <= nowMs) return 'COMPLETED';
  return status;
}

/** A reservation with its status as of `nowMs`. */
export function asOf(reservation: Reservation, nowMs: EpochMs): Reservation {
  const status = effectiveStatus(reservation, nowMs);
  return status === reservation.status ? reservation : { ...reservation, status };
}

/** Hash of what a reserve request asks for: a retry with the same key must ask the same. */
export function requestHash(req: ReserveRequest): string {
  const fields = [
    req.facilityId,
    req.window.startMs,
    req.window.endMs,
    req.hold,
    req.journeyId ?? null,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}
