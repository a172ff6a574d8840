import { BadInputError } from '../errors.js';
import type { EpochMs, TimeWindow } from './types.js';

/** Longest window that can be asked for or reserved, ms (7 days). */
export const MAX_WINDOW_MS = 7 * 24 * 3_600_000;
/** A reservation may start this long before now (clock skew, slow clients), ms (5 minutes). */
export const PAST_GRACE_MS = 5 * 60_000;

/** Checks that `[startMs, endMs)` is non-empty and at most 7 days long (BAD_USER_INPUT otherwise). */
export function checkWindow(
  window: TimeWindow,
  names = { start: 'startsAt', end: 'endsAt' },
): TimeWindow {
  if (!Number.isFinite(window.startMs) || !Number.isFinite(window.endMs)) {
    throw new BadInputError(`${names.start} and ${names.end} must be valid instants`);
  }
  if (window.endMs <= window.startMs)
    throw new BadInputError(`${names.end} must be after ${names.start}`);
  if (window.endMs - window.startMs > MAX_WINDOW_MS) {
    throw new BadInputError(
      `the window from ${names.start} to ${names.end} must be at most 7 days`,
    );
  }
  return window;
}

/** Checks a window to reserve: as `checkWindow`, and not starting in the past (beyond `PAST_GRACE_MS`). */
export function checkReservationWindow(window: TimeWindow, nowMs: EpochMs): TimeWindow {
  checkWindow(window);
  if (window.startMs < nowMs - PAST_GRACE_MS) throw new BadInputError('startsAt lies in the past');
  return window;
}
