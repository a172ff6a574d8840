import { peakOverlap } from './capacity.js';
import { priceForDuration } from './money.js';
import { isOpenThroughout } from './openingHours.js';
import type { SyncDb } from './repo/db.js';
import type { Facility } from './repo/facilityRepo.js';
import { activeWindows } from './repo/reservationRepo.js';
import type { EpochMs, TimeWindow, WindowOffer } from './types.js';

/** Spaces of `facility` still reservable over the whole `window` (HELD holds that ran out by `nowMs` do not count). */
export function reservableLeft(
  db: SyncDb,
  facility: Facility,
  window: TimeWindow,
  nowMs: EpochMs,
): number {
  const taken = peakOverlap(activeWindows(db, facility.id, window, new Date(nowMs)), window);
  return Math.max(0, facility.reservableSpaces - taken);
}

/** What `facility` offers for `window`: open throughout, spaces left, price. */
export function windowOffer(
  db: SyncDb,
  facility: Facility,
  window: TimeWindow,
  nowMs: EpochMs,
): WindowOffer {
  return {
    open: isOpenThroughout(facility.openingHours, facility.timezone, window.startMs, window.endMs),
    reservableLeft: reservableLeft(db, facility, window, nowMs),
    priceMinor: priceForDuration(
      facility.hourlyRate,
      facility.dailyMax,
      window.endMs - window.startMs,
    ),
    currency: facility.currency,
  };
}
