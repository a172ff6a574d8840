import { serviceDayStart, type DayNumber, type Seconds } from '../transit/index.js';
import { serviceRunsOn, type Timetable } from '../transit/index.js';
import {
  patternOfRun,
  runIndexOf,
  type StopTimeEventInput,
  type StopTimeUpdateInput,
  type TripRealtime,
  type TripUpdateInput,
} from '../transit/index.js';

/** Options of `matchTripUpdate`. */
export interface MatchOptions {
  /** Index of the feed the update belongs to in `tt.feeds`. */
  feed: number;
  /** GTFS stop_sequence of each stop time of a trip (pattern order); stop_id matching is used without it. */
  stopSequences?: (trip: number) => ArrayLike<number> | undefined;
}

/**
 * Matches one TripUpdate to a compiled run and service day and turns its stop_time_updates into
 * per-position delays (GTFS-RT reference: a delay propagates to later stops until the next
 * update; NO_DATA stops, and the stops after them up to the next update, keep the schedule;
 * SKIPPED stops keep propagating). Times are made non-decreasing along the trip. Undefined when
 * the trip is unknown or does not run near the message's time.
 */
export function matchTripUpdate(
  tt: Timetable,
  u: TripUpdateInput,
  opts: MatchOptions,
): TripRealtime | undefined {
  const feed = tt.feeds[opts.feed];
  if (!feed) return undefined;
  const trip = tt.tripIndexById.get(`${feed.feedId}:${u.tripId}`);
  if (trip === undefined) return undefined;
  const found = pickRun(tt, trip, u, feed.timezone);
  if (!found) return undefined;
  const { run, serviceDay } = found;
  const pattern = patternOfRun(tt, run);
  const stopStart = tt.patternStopStart[pattern]!;
  const n = tt.patternStopStart[pattern + 1]! - stopStart;
  const arrivalDelay = new Int32Array(n);
  const departureDelay = new Int32Array(n);
  const skipped = new Uint8Array(n);
  const hasData = new Uint8Array(n);
  const entry: TripRealtime = {
    run,
    trip,
    serviceDay,
    cancelled: u.cancelled,
    timestamp: u.timestamp,
    arrivalDelay,
    departureDelay,
    skipped,
    hasData,
  };
  if (u.cancelled) return entry;

  const dayStart = serviceDayStart(feed.timezone, serviceDay);
  const times = tt.runTimeStart[run]!;
  const byPos = positionsOf(tt, trip, pattern, feed.feedId, u.stopTimeUpdates, opts);
  const eventDelay = (e: StopTimeEventInput | undefined, sched: Seconds): Seconds | undefined =>
    e?.time !== undefined ? e.time - (dayStart + sched) : e?.delay;
  let propagated: Seconds | undefined;
  for (let k = 0; k < n; k++) {
    const stu = byPos.get(k);
    if (stu?.relationship === 'NO_DATA') propagated = undefined;
    else if (stu) {
      const arr =
        eventDelay(stu.arrival, tt.runArrival[times + k]!) ??
        propagated ??
        eventDelay(stu.departure, tt.runDeparture[times + k]!) ??
        0;
      propagated = eventDelay(stu.departure, tt.runDeparture[times + k]!) ?? arr;
      arrivalDelay[k] = arr;
      departureDelay[k] = propagated;
      if (stu.relationship === 'SKIPPED') skipped[k] = 1;
      hasData[k] = 1;
      continue;
    }
    if (propagated !== undefined) {
      arrivalDelay[k] = propagated;
      departureDelay[k] = propagated;
      hasData[k] = 1;
    }
  }
  keepMonotonic(tt, run, entry);
  return entry;
}

/** Raises delays so that live times never decrease along the run (departure ≥ arrival ≥ previous departure). */
function keepMonotonic(tt: Timetable, run: number, e: TripRealtime): void {
  const times = tt.runTimeStart[run]!;
  let prevDep = -Infinity;
  for (let k = 0; k < e.arrivalDelay.length; k++) {
    const arr = Math.max(tt.runArrival[times + k]! + e.arrivalDelay[k]!, prevDep);
    const dep = Math.max(tt.runDeparture[times + k]! + e.departureDelay[k]!, arr);
    e.arrivalDelay[k] = arr - tt.runArrival[times + k]!;
    e.departureDelay[k] = dep - tt.runDeparture[times + k]!;
    prevDep = dep;
  }
}

/** Pattern position of each stop_time_update (by stop_sequence, else by stop_id after the previous match). */
function positionsOf(
  tt: Timetable,
  trip: number,
  pattern: number,
  feedId: string,
  updates: StopTimeUpdateInput[],
  opts: MatchOptions,
): Map<number, StopTimeUpdateInput> {
  const out = new Map<number, StopTimeUpdateInput>();
  const stopStart = tt.patternStopStart[pattern]!;
  const n = tt.patternStopStart[pattern + 1]! - stopStart;
  const seqs = opts.stopSequences?.(trip);
  let from = 0;
  for (const u of updates) {
    let pos = -1;
    if (u.stopSequence !== undefined && seqs) {
      for (let k = 0; k < n; k++) if (seqs[k] === u.stopSequence) pos = k;
    }
    if (pos < 0 && u.stopId !== undefined) {
      const stop = tt.stopIndexById.get(`${feedId}:${u.stopId}`);
      for (let k = from; k < n && stop !== undefined; k++) {
        if (tt.patternStops[stopStart + k] === stop) {
          pos = k;
          break;
        }
      }
    }
    if (pos < 0) continue;
    out.set(pos, u);
    from = pos + 1;
  }
  return out;
}

/** The run (frequency trips: by start_time) and service day (start_date, else nearest to the timestamp). */
function pickRun(
  tt: Timetable,
  trip: number,
  u: TripUpdateInput,
  timezone: string,
): { run: number; serviceDay: DayNumber } | undefined {
  const idx = runIndexOf(tt);
  const from = idx.tripRunStart[trip]!;
  const to = idx.tripRunStart[trip + 1]!;
  if (from === to) return undefined;
  let run = idx.tripRuns[from]!;
  const startSec = u.startTime ? parseHms(u.startTime) : undefined;
  if (startSec !== undefined) {
    for (let i = from; i < to; i++) {
      const r = idx.tripRuns[i]!;
      if (tt.runDeparture[tt.runTimeStart[r]!] === startSec) run = r;
    }
  }
  const service = tt.tripService[trip]!;
  if (u.startDate) {
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec(u.startDate);
    if (!m) return undefined;
    const day = Math.round(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000);
    return serviceRunsOn(tt, service, day) ? { run, serviceDay: day } : undefined;
  }
  const approxDay = Math.floor(u.timestamp / 86_400);
  let best: { run: number; serviceDay: DayNumber } | undefined;
  let bestGap = Infinity;
  for (let day = approxDay - 2; day <= approxDay + 1; day++) {
    if (!serviceRunsOn(tt, service, day)) continue;
    const start = serviceDayStart(timezone, day);
    const first = start + tt.runDeparture[tt.runTimeStart[run]!]!;
    const n =
      tt.patternStopStart[patternOfRun(tt, run) + 1]! - tt.patternStopStart[patternOfRun(tt, run)]!;
    const last = start + tt.runArrival[tt.runTimeStart[run]! + n - 1]!;
    const gap =
      u.timestamp < first ? first - u.timestamp : u.timestamp > last ? u.timestamp - last : 0;
    if (gap < bestGap) {
      bestGap = gap;
      best = { run, serviceDay: day };
    }
  }
  return best;
}

function parseHms(text: string): Seconds | undefined {
  const m = /^(\d{1,3}):(\d{2}):(\d{2})$/.exec(text);
  return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : undefined;
}
