import OpeningHours from 'opening_hours';
import { DateTime } from 'luxon';
import { BadInputError } from '../errors.js';
import type { EpochMs } from './types.js';

/** Opening hours of a facility without any given: always open. */
export const ALWAYS_OPEN = '24/7';

const cache = new Map<string, OpeningHours>();

/** Parses OpenStreetMap `opening_hours` syntax; BAD_USER_INPUT with the library's message when invalid. */
export function parseOpeningHours(value: string): OpeningHours {
  let parsed = cache.get(value);
  if (!parsed) {
    try {
      parsed = new OpeningHours(value);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new BadInputError(
        `openingHours is not valid opening_hours syntax: ${detail.split('\n')[0] ?? ''}`,
      );
    }
    if (cache.size > 1000) cache.clear();
    cache.set(value, parsed);
  }
  return parsed;
}

// The library reads the local fields of a Date (getHours, getDay) in the process's zone, so an
// instant is handed over as a Date whose local fields show the facility's wall-clock time.
function wallClock(instantMs: EpochMs, timezone: string): Date {
  const t = DateTime.fromMillis(instantMs, { zone: timezone });
  return new Date(t.year, t.month - 1, t.day, t.hour, t.minute, t.second, t.millisecond);
}

function instantOf(wall: Date, timezone: string): EpochMs {
  return DateTime.fromObject(
    {
      year: wall.getFullYear(),
      month: wall.getMonth() + 1,
      day: wall.getDate(),
      hour: wall.getHours(),
      minute: wall.getMinutes(),
      second: wall.getSeconds(),
      millisecond: wall.getMilliseconds(),
    },
    { zone: timezone },
  ).toMillis();
}

/** True when `openingHours` (read in `timezone`) is open at every instant of `[startMs, endMs)`. */
export function isOpenThroughout(
  openingHours: string,
  timezone: string,
  startMs: EpochMs,
  endMs: EpochMs,
): boolean {
  const oh = parseOpeningHours(openingHours);
  const start = wallClock(startMs, timezone);
  if (!oh.getState(start)) return false;
  const change = oh.getNextChange(start, wallClock(endMs, timezone));
  return change === undefined || instantOf(change, timezone) >= endMs;
}

/** An open interval of a facility: from `opensAtMs` until `closesAtMs` (undefined: open past the horizon). */
export interface OpenInterval {
  opensAtMs: EpochMs;
  closesAtMs: EpochMs | undefined;
}

/**
 * The open interval of `openingHours` (read in `timezone`) that contains `atMs`, or else the first
 * one that starts before `horizonMs`; undefined when the facility stays closed until the horizon.
 */
export function openIntervalFrom(
  openingHours: string,
  timezone: string,
  atMs: EpochMs,
  horizonMs: EpochMs,
): OpenInterval | undefined {
  const oh = parseOpeningHours(openingHours);
  const horizon = wallClock(horizonMs, timezone);
  let from = wallClock(atMs, timezone);
  let opensAtMs = atMs;
  if (!oh.getState(from)) {
    const opens = oh.getNextChange(from, horizon);
    if (opens === undefined) return undefined;
    from = opens;
    opensAtMs = instantOf(opens, timezone);
    if (opensAtMs >= horizonMs) return undefined;
  }
  const closes = oh.getNextChange(from, horizon);
  return { opensAtMs, closesAtMs: closes === undefined ? undefined : instantOf(closes, timezone) };
}
