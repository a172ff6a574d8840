import { NoCapacityError } from '../errors.js';
import type { Reservation } from '../parking/index.js';
import type { UnixSeconds } from '../transit/index.js';
import { compactArrival, compactParkLeg, parkPlaceName } from './compactItinerary.js';
import type { OpenedItinerary } from './itineraryToken.js';
import type { JourneyRebooking } from './records.js';

/** Reservation states that no longer hold a space. */
const GONE: readonly string[] = ['CANCELLED', 'EXPIRED', 'COMPLETED'];

/**
 * What re-booking onto `opened` writes: the new itinerary, and its parking: the booked space is
 * kept when the new PARK leg is at the same facility inside the booked window (a PARK leg behind
 * the rider is), swapped for a new one elsewhere (NO_CAPACITY for a drive-up-only lot), released
 * without a PARK leg. `showTime` formats instants for messages.
 */
export function rebookChange(
  opened: OpenedItinerary,
  reservation: Reservation | undefined,
  showTime: (instant: UnixSeconds) => string,
): JourneyRebooking {
  const it = opened.itinerary;
  const park = compactParkLeg(it);
  const fields = {
    itinerary: JSON.stringify(it),
    itineraryHash: opened.hash,
    departureAt: new Date(it.t * 1000),
    arrivalAt: new Date(compactArrival(it) * 1000),
  };
  if (!park) return { ...fields, parking: { kind: 'release' } };
  const window = { startMs: (it.t + park.p.s) * 1000, endMs: (it.t + park.p.e) * 1000 };
  const held = reservation && !GONE.includes(reservation.status) ? reservation : undefined;
  if (
    held?.facilityId === park.p.f &&
    held.startsAt.getTime() <= window.startMs &&
    window.endMs <= held.endsAt.getTime()
  ) {
    return { ...fields, parking: { kind: 'keep' } };
  }
  if (park.p.v !== 1) {
    const name = parkPlaceName(it) ?? park.p.f;
    throw new NoCapacityError(
      `"${name}" had no space to reserve from ${showTime(window.startMs / 1000)} when planned (drive-up only)`,
    );
  }
  return {
    ...fields,
    parking: { kind: 'swap', facilityId: park.p.f, window, attempt: opened.hash.slice(0, 16) },
  };
}
