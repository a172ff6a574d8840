import type { Reservation } from './records.js';
import type { EpochMs } from './types.js';

/** The time the car stood past the reservation's end, whole seconds: till check-out, or till `nowMs` while checked in; 0 otherwise. */
export function overstaySeconds(reservation: Reservation, nowMs: EpochMs): number {
  const { checkedInAt, checkedOutAt, endsAt } = reservation;
  if (!checkedInAt) return 0;
  const until = checkedOutAt?.getTime() ?? (reservation.status === 'CHECKED_IN' ? nowMs : 0);
  return Math.max(0, Math.floor((until - endsAt.getTime()) / 1000));
}

/** The time the car was parked, whole seconds: check-in to check-out, or to `nowMs` while checked in; null before check-in. */
export function parkedSeconds(reservation: Reservation, nowMs: EpochMs): number | null {
  const { checkedInAt, checkedOutAt } = reservation;
  if (!checkedInAt) return null;
  const until = checkedOutAt?.getTime() ?? nowMs;
  return Math.max(0, Math.floor((until - checkedInAt.getTime()) / 1000));
}
