import type { UnixSeconds } from '../transit/index.js';

/** Journey states (TOMP-API's booking lifecycle), spelled as the GraphQL enum `JourneyStatus`. */
export type JourneyStatus = 'CONFIRMED' | 'STARTED' | 'FINISHED' | 'CANCELLED';

/** The states that are stored; STARTED is also stored when the car checks in at the lot (DESIGN.md §11); FINISHED follows from the clock. */
export const STORED_JOURNEY_STATUSES = ['CONFIRMED', 'STARTED', 'CANCELLED'] as const;

/** A stored state. */
export type StoredJourneyStatus = (typeof STORED_JOURNEY_STATUSES)[number];

/** The status at `nowSec`: CONFIRMED before the planned departure (or the check-in), STARTED from it, FINISHED from the planned arrival. */
export function journeyStatus(
  stored: StoredJourneyStatus,
  departure: UnixSeconds,
  arrival: UnixSeconds,
  nowSec: UnixSeconds,
): JourneyStatus {
  if (stored === 'CANCELLED') return 'CANCELLED';
  if (nowSec >= arrival) return 'FINISHED';
  if (stored === 'STARTED' || nowSec >= departure) return 'STARTED';
  return 'CONFIRMED';
}
