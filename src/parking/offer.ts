import { peakOverlap } from './capacity.js';
import { priceForDuration } from './money.js';
import { isOpenThroughout } from './openingHours.js';
import type { Facility } from './records.js';
import type { TimeWindow, WindowOffer } from './types.js';

/** Spaces of `facility` still reservable over the whole `window`, given the windows of its active reservations. */
export function reservableLeft(
  facility: Facility,
  window: TimeWindow,
  active: readonly TimeWindow[],
): number {
  return Math.max(0, facility.reservableSpaces - peakOverlap(active, window));
}

/** What `facility` offers for `window` (open throughout, spaces left, price), given its active reservations' windows. */
export function windowOffer(
  facility: Facility,
  window: TimeWindow,
  active: readonly TimeWindow[],
): WindowOffer {
  return {
    open: isOpenThroughout(facility.openingHours, facility.timezone, window.startMs, window.endMs),
    reservableLeft: reservableLeft(facility, window, active),
    priceMinor: priceForDuration(
      facility.hourlyRate,
      facility.dailyMax,
      window.endMs - window.startMs,
    ),
    currency: facility.currency,
  };
}
