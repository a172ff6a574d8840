import { DateTime } from 'luxon';
import type { UnixSeconds } from '../../src/transit/time.js';

/** The timezone of both NYC feeds (agency.txt). */
export const NYC_TIMEZONE = 'America/New_York';

/** Seconds in an hour, to write times of day as `6 * HOUR`. */
export const HOUR = 3600;

/** The instant `secondsOfDay` after local midnight of `date` (`YYYY-MM-DD`) in `zone`. */
export function instantAt(date: string, secondsOfDay: number, zone = NYC_TIMEZONE): UnixSeconds {
  const midnight = DateTime.fromISO(date, { zone }).startOf('day');
  if (!midnight.isValid) throw new Error(`bad date ${date}`);
  return Math.round(midnight.toSeconds()) + secondsOfDay;
}

/** ISO-8601 with the zone's offset, as the GraphQL `DateTime` scalar wants it. */
export function isoAt(instant: UnixSeconds, zone = NYC_TIMEZONE): string {
  return DateTime.fromSeconds(instant, { zone }).toISO({
    suppressMilliseconds: true,
    includeOffset: true,
  })!;
}

/** `HH:MM:SS` of seconds after midnight (hours may pass 24). */
export function clock(secondsOfDay: number): string {
  const s = Math.round(secondsOfDay);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}
