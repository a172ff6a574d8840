import { DateTime } from 'luxon';

/** A duration or a time of day, in seconds. */
export type Seconds = number;
/** An instant, in seconds since the Unix epoch. */
export type UnixSeconds = number;
/** A calendar date as days since 1970-01-01 (timezone-free). */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;

/** `YYYYMMDD` → day number; undefined when malformed. */
export function parseGtfsDate(text: string): DayNumber | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!m) return undefined;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Math.round(ms / MS_PER_DAY);
}

/** Day number → `YYYY-MM-DD`. */
export function formatDay(day: DayNumber): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Weekday of a day number, 0 = Monday … 6 = Sunday. */
export function weekdayOf(day: DayNumber): number {
  // 1970-01-01 was a Thursday (index 3).
  return (((day + 3) % 7) + 7) % 7;
}

const dayStartCache = new Map<string, UnixSeconds>();

/**
 * Start of the GTFS service day `day` in `timezone`: noon local time minus 12 hours (DESIGN.md §3),
 * which is local midnight except on DST change days.
 */
export function serviceDayStart(timezone: string, day: DayNumber): UnixSeconds {
  const key = `${timezone}|${day}`;
  let start = dayStartCache.get(key);
  if (start === undefined) {
    const d = new Date(day * MS_PER_DAY);
    const noon = DateTime.fromObject(
      { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: 12 },
      { zone: timezone },
    );
    start = Math.round(noon.toSeconds()) - 12 * 3600;
    if (dayStartCache.size > 10_000) dayStartCache.clear();
    dayStartCache.set(key, start);
  }
  return start;
}

/** The local calendar date of an instant in `timezone`. */
export function localDayOf(instant: UnixSeconds, timezone: string): DayNumber {
  // The local date is the UTC date of the instant shifted by the zone's offset (cached per quarter hour).
  return Math.floor((instant + offsetMinutes(instant, timezone) * 60) / 86_400);
}

const offsetCache = new Map<string, number>();

/** UTC offset of `timezone` at an instant, minutes (cached per zone and quarter hour). */
export function offsetMinutes(instant: UnixSeconds, timezone: string): number {
  const key = `${timezone}|${Math.floor(instant / 900)}`;
  let offset = offsetCache.get(key);
  if (offset === undefined) {
    offset = DateTime.fromSeconds(instant, { zone: timezone }).offset;
    if (offsetCache.size > 50_000) offsetCache.clear();
    offsetCache.set(key, offset);
  }
  return offset;
}

/** Formats an instant as ISO-8601 with the offset of `timezone`, e.g. `2026-12-01T08:00:00-05:00`. */
export function formatInstant(instant: UnixSeconds, timezone: string): string {
  const seconds = Math.round(instant);
  const offset = offsetMinutes(seconds, timezone);
  const local = new Date((seconds + offset * 60) * 1000).toISOString().slice(0, 19);
  if (offset === 0 && timezone === 'UTC') return `${local}Z`;
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local}${offset < 0 ? '-' : '+'}${hh}:${mm}`;
}

/** Parses `H:MM:SS` / `HH:MM:SS` (hours may exceed 24) into seconds; undefined when malformed. */
export function parseGtfsTime(text: string): Seconds | undefined {
  const m = /^\s*(\d{1,3}):([0-5]\d):([0-5]\d)\s*$/.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}
