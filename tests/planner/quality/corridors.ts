import { DateTime } from 'luxon';
import type { FeedSource } from '../../../src/transit/source.js';

/**
 * The trips running on one service date, read straight from the feeds (calendar, calendar_dates,
 * frequencies), to find corridors with many direct runs: where a rider asking for
 * `numItineraries` should get that many.
 */

/** A trip running on the date: its calls and the Unix second each of its runs starts from. */
export interface DayTrip {
  /** Scoped stop ids (`"<feedId>:<stop_id>"`) in call order. */
  stopIds: string[];
  /** Departure of each call, seconds after the service day's start. */
  departureSec: number[];
  canBoard: boolean[];
  canAlight: boolean[];
  /** Unix seconds to add to `departureSec` for each run (one without frequencies). */
  runOffsets: number[];
}

/** The date's trips and, per stop, the trips calling there with the call's position. */
export interface DayCalls {
  trips: DayTrip[];
  at: Map<string, { trip: DayTrip; pos: number }[]>;
}

/** Reads the trips of `sources` running on service date `date` (YYYY-MM-DD). */
export function dayCalls(sources: readonly FeedSource[], date: string): DayCalls {
  const trips = sources.flatMap((src) => tripsOn(src, date));
  const at = new Map<string, { trip: DayTrip; pos: number }[]>();
  for (const trip of trips) {
    trip.stopIds.forEach((stopId, pos) => {
      let list = at.get(stopId);
      if (!list) at.set(stopId, (list = []));
      list.push({ trip, pos });
    });
  }
  return { trips, at };
}

function tripsOn(src: FeedSource, date: string): DayTrip[] {
  const ymd = date.replaceAll('-', '');
  const day = DateTime.fromISO(`${date}T12:00`, { zone: src.timezone });
  const dayStart = day.toSeconds() - 12 * 3600;
  const running = new Set(
    src.calendars
      .filter((c) => c.startDate <= ymd && ymd <= c.endDate && c.weekdays[day.weekday - 1])
      .map((c) => c.serviceId),
  );
  for (const cd of src.calendarDates) {
    if (cd.date !== ymd) continue;
    if (cd.exceptionType === 1) running.add(cd.serviceId);
    if (cd.exceptionType === 2) running.delete(cd.serviceId);
  }
  const st = src.stopTimes;
  const calls = new Map<number, number[]>();
  for (let i = 0; i < st.count; i++) {
    const t = st.trip[i]!;
    if (!running.has(src.trips[t]!.serviceId)) continue;
    let list = calls.get(t);
    if (!list) calls.set(t, (list = []));
    list.push(i);
  }
  const frequencies = new Map<string, FeedSource['frequencies']>();
  for (const f of src.frequencies)
    frequencies.set(f.tripId, [...(frequencies.get(f.tripId) ?? []), f]);
  return [...calls].map(([t, rows]) => {
    rows.sort((a, b) => st.stopSequence[a]! - st.stopSequence[b]!);
    const departureSec = rows.map((i) => st.departureSec[i]!);
    const freq = frequencies.get(src.trips[t]!.tripId) ?? [];
    const runOffsets =
      freq.length === 0
        ? [dayStart]
        : freq.flatMap((f) => {
            const starts = [];
            for (let s = f.startSec; s < f.endSec; s += f.headwaySec)
              starts.push(dayStart + s - departureSec[0]!);
            return starts;
          });
    return {
      stopIds: rows.map((i) => `${src.feedId}:${src.stops[st.stop[i]!]!.stopId}`),
      departureSec,
      canBoard: rows.map((i) => st.pickupType[i] !== 1),
      canAlight: rows.map((i) => st.dropOffType[i] !== 1),
      runOffsets,
    };
  });
}

/** Distinct departure instants of direct runs boarding `a` and alighting later at `b`, leaving `a` in `[from, until)`. */
export function directRuns(
  calls: DayCalls,
  a: string,
  b: string,
  from: number,
  until: number,
): number {
  const seen = new Set<number>();
  for (const { trip, pos } of calls.at.get(a) ?? []) {
    if (!trip.canBoard[pos]) continue;
    const alight = trip.stopIds.indexOf(b, pos + 1);
    if (alight < 0 || !trip.canAlight[alight]) continue;
    for (const offset of trip.runOffsets) {
      const dep = trip.departureSec[pos]! + offset;
      if (dep >= from && dep < until) seen.add(dep);
    }
  }
  return seen.size;
}
