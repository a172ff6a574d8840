import type { DayView } from './dayView.js';
import type { DayNumber, Seconds, UnixSeconds } from './time.js';
import type { Timetable } from './timetable.js';

/** How a stop_time_update relates to the schedule (GTFS-RT `StopTimeUpdate.ScheduleRelationship`). */
export type StopRelationship = 'SCHEDULED' | 'SKIPPED' | 'NO_DATA' | 'UNSCHEDULED';

/** A predicted arrival or departure: `time` (Unix seconds) wins over `delay` (seconds). */
export interface StopTimeEventInput {
  delay?: Seconds;
  time?: UnixSeconds;
}

/** One stop_time_update, matched by `stopSequence` or `stopId` (GTFS id, unscoped). */
export interface StopTimeUpdateInput {
  stopSequence?: number;
  stopId?: string;
  arrival?: StopTimeEventInput;
  departure?: StopTimeEventInput;
  relationship: StopRelationship;
}

/** A decoded TripUpdate, free of protobuf types so `transit/` stays pure. */
export interface TripUpdateInput {
  /** GTFS trip_id, unscoped. */
  tripId: string;
  /** `YYYYMMDD`, the trip's service day; chosen by `timestamp` when absent. */
  startDate?: string;
  /** `HH:MM:SS`, picks the run of a frequency-based trip. */
  startTime?: string;
  cancelled: boolean;
  /** When the prediction was made (entity timestamp, else the header's), Unix seconds. */
  timestamp: UnixSeconds;
  stopTimeUpdates: StopTimeUpdateInput[];
}

/** Live state of one run on one service day. Delays are seconds, per pattern position. */
export interface TripRealtime {
  run: number;
  trip: number;
  serviceDay: DayNumber;
  cancelled: boolean;
  /** When the data was made, Unix seconds; expires at `timestamp + maxAgeSeconds`. */
  timestamp: UnixSeconds;
  arrivalDelay: Int32Array;
  departureDelay: Int32Array;
  /** 1 where the stop is SKIPPED. */
  skipped: Uint8Array;
  /** 1 where a prediction applies (given or propagated); 0 where the schedule stands. */
  hasData: Uint8Array;
}

/**
 * An immutable set of live run states over one `Timetable` (OpenTripPlanner's timetable
 * snapshot): built whole by `overlayFrom`, read by the departures board and `applyOverlayToView`.
 */
export interface RealtimeOverlay {
  /** Increases with every published overlay; part of any cache key. */
  version: number;
  /** Data older than this many seconds is ignored when read. */
  maxAgeSeconds: Seconds;
  /** By `runKey(run, serviceDay)`. */
  runs: ReadonlyMap<number, TripRealtime>;
  /** Sorted times (Unix s) at which some entry expires; see `overlayFreshnessKey`. */
  expiries: Float64Array;
}

/** An overlay without any data. */
export function emptyOverlay(maxAgeSeconds: Seconds, version = 0): RealtimeOverlay {
  return { version, maxAgeSeconds, runs: new Map(), expiries: new Float64Array(0) };
}

/** Map key of a (compiled run, service day) pair. */
export function runKey(run: number, serviceDay: DayNumber): number {
  return serviceDay * 0x1000000 + run;
}

/** Builds an overlay from matched entries (later entries for the same run win). */
export function overlayFrom(
  entries: Iterable<TripRealtime>,
  maxAgeSeconds: Seconds,
  version: number,
): RealtimeOverlay {
  const runs = new Map<number, TripRealtime>();
  for (const e of entries) runs.set(runKey(e.run, e.serviceDay), e);
  const expiries = Float64Array.from(
    [...runs.values()].map((e) => e.timestamp + maxAgeSeconds),
  ).sort();
  return { version, maxAgeSeconds, runs, expiries };
}

/** The live state of a run on a service day, unless absent or older than the overlay's max age at `nowSec`. */
export function liveRun(
  overlay: RealtimeOverlay,
  run: number,
  serviceDay: DayNumber,
  nowSec: UnixSeconds,
): TripRealtime | undefined {
  const e = overlay.runs.get(runKey(run, serviceDay));
  return e && nowSec - e.timestamp <= overlay.maxAgeSeconds ? e : undefined;
}

/**
 * A cache key for anything derived from `overlay` at `nowSec` (e.g. an overlaid day view): it
 * changes with the version and whenever some entry expires.
 */
export function overlayFreshnessKey(overlay: RealtimeOverlay, nowSec: UnixSeconds): string {
  let lo = 0;
  let hi = overlay.expiries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (overlay.expiries[mid]! < nowSec) lo = mid + 1;
    else hi = mid;
  }
  return `${overlay.version}.${lo}`;
}

/** Compiled-run lookups the matcher needs, built once per timetable. */
export interface RunIndex {
  runPattern: Int32Array;
  /** Runs of trip t: `tripRuns[tripRunStart[t] .. tripRunStart[t+1])`. */
  tripRunStart: Int32Array;
  tripRuns: Int32Array;
}

const runIndexCache = new WeakMap<Timetable, RunIndex>();

/** Run → pattern and trip → runs, built once per timetable and cached. */
export function runIndexOf(tt: Timetable): RunIndex {
  let idx = runIndexCache.get(tt);
  if (idx) return idx;
  const runCount = tt.runTrip.length;
  const runPattern = new Int32Array(runCount);
  for (let p = 0; p < tt.patternCount; p++)
    runPattern.fill(p, tt.patternRunStart[p], tt.patternRunStart[p + 1]);
  const tripRunStart = new Int32Array(tt.tripCount + 1);
  for (let r = 0; r < runCount; r++) tripRunStart[tt.runTrip[r]! + 1]!++;
  for (let t = 0; t < tt.tripCount; t++) tripRunStart[t + 1]! += tripRunStart[t]!;
  const fill = tripRunStart.slice(0, tt.tripCount);
  const tripRuns = new Int32Array(runCount);
  for (let r = 0; r < runCount; r++) tripRuns[fill[tt.runTrip[r]!]!++] = r;
  idx = { runPattern, tripRunStart, tripRuns };
  runIndexCache.set(tt, idx);
  return idx;
}

/** Pattern of compiled run `run`. */
export function patternOfRun(tt: Timetable, run: number): number {
  return runIndexOf(tt).runPattern[run]!;
}

/** Live arrival of a skipped stop: never an improvement (equals the router's "unreached"). */
export const NEVER_ARRIVE = 0x3fffffff;
/** Live departure of a skipped stop: earlier than any boarding time, so a binary search passes over it. */
export const NEVER_BOARD = -0x3fffffff;

/**
 * The day view with live times (seconds from `view.base`): delays applied, cancelled runs
 * removed, skipped stops made unboardable (departure `NEVER_BOARD`) and unalightable (arrival
 * `NEVER_ARRIVE`). Patterns with live runs get their subs rebuilt so that each stays FIFO even when
 * a delayed run is overtaken; other patterns are copied as they are. Returns `view` itself when
 * nothing applies. Cache the result per (view day, `overlayFreshnessKey(overlay, nowSec)`).
 */
export function applyOverlayToView(
  view: DayView,
  overlay: RealtimeOverlay,
  tt: Timetable,
  nowSec: UnixSeconds,
): DayView {
  const affected = affectedPatterns(view, overlay, tt, nowSec);
  if (!affected) return view;
  const out = new ViewWriter(view);
  for (let p = 0; p < tt.patternCount; p++) {
    out.startPattern(p);
    const n = tt.patternStopStart[p + 1]! - tt.patternStopStart[p]!;
    const s0 = view.patternSubStart[p]!;
    const s1 = view.patternSubStart[p + 1]!;
    if (affected[p] === 0) {
      for (let sub = s0; sub < s1; sub++) {
        for (let v = view.subRunStart[sub]!; v < view.subRunStart[sub + 1]!; v++) {
          const t = view.runTimeStart[v]!;
          out.addRun(
            view.runBase[v]!,
            view.runServiceDay[v]!,
            view.arrival.subarray(t, t + n),
            view.departure.subarray(t, t + n),
          );
        }
        out.endSub();
      }
      continue;
    }
    for (const sub of fifoSubs(
      liveRunsOfPattern(view, overlay, nowSec, view.subRunStart[s0]!, view.subRunStart[s1]!, n),
      n,
    )) {
      for (const c of sub) out.addRun(c.run, c.serviceDay, c.arr, c.dep);
      out.endSub();
    }
  }
  return out.finish();
}

function affectedPatterns(
  view: DayView,
  overlay: RealtimeOverlay,
  tt: Timetable,
  nowSec: UnixSeconds,
): Uint8Array | undefined {
  let affected: Uint8Array | undefined;
  for (const e of overlay.runs.values()) {
    if (e.serviceDay < view.day - 1 || e.serviceDay > view.day + 1) continue;
    if (nowSec - e.timestamp > overlay.maxAgeSeconds) continue;
    affected ??= new Uint8Array(tt.patternCount);
    affected[patternOfRun(tt, e.run)] = 1;
  }
  return affected;
}

interface LiveCand {
  run: number;
  serviceDay: DayNumber;
  arr: Int32Array;
  dep: Int32Array;
  /** First boardable live departure, for the FIFO partition order. */
  key: number;
}

function liveRunsOfPattern(
  view: DayView,
  overlay: RealtimeOverlay,
  nowSec: UnixSeconds,
  from: number,
  to: number,
  n: number,
): LiveCand[] {
  const cands: LiveCand[] = [];
  for (let v = from; v < to; v++) {
    const run = view.runBase[v]!;
    const serviceDay = view.runServiceDay[v]!;
    const e = liveRun(overlay, run, serviceDay, nowSec);
    if (e?.cancelled) continue;
    const t = view.runTimeStart[v]!;
    const arr = view.arrival.slice(t, t + n);
    const dep = view.departure.slice(t, t + n);
    if (e) {
      for (let k = 0; k < n; k++) {
        if (e.skipped[k] === 1) {
          arr[k] = NEVER_ARRIVE;
          dep[k] = NEVER_BOARD;
        } else {
          arr[k]! += e.arrivalDelay[k]!;
          dep[k]! += e.departureDelay[k]!;
        }
      }
    }
    const key = dep.find((d) => d !== NEVER_BOARD) ?? view.departure[t]!;
    cands.push({ run, serviceDay, arr, dep, key });
  }
  return cands.sort((a, b) => a.key - b.key);
}

/** Greedy FIFO partition (as in `buildDayView`): a run joins the first sub whose last run it never overtakes. */
function fifoSubs(cands: LiveCand[], n: number): LiveCand[][] {
  const subs: LiveCand[][] = [];
  for (const c of cands) {
    const sub = subs.find((s) => {
      const last = s[s.length - 1]!;
      for (let k = 0; k < n; k++)
        if (last.dep[k]! > c.dep[k]! || last.arr[k]! > c.arr[k]!) return false;
      return true;
    });
    if (sub) sub.push(c);
    else subs.push([c]);
  }
  return subs;
}

/** Appends runs and subs into the arrays of a new `DayView`. */
class ViewWriter {
  private readonly patternSubStart: Int32Array;
  private readonly subRunStart: number[] = [0];
  private readonly runBase: number[] = [];
  private readonly runServiceDay: number[] = [];
  private readonly runTimeStart: number[] = [];
  private readonly arrival: Int32Array;
  private readonly departure: Int32Array;
  private total = 0;

  constructor(private readonly view: DayView) {
    this.patternSubStart = new Int32Array(view.patternSubStart.length);
    this.arrival = new Int32Array(view.arrival.length);
    this.departure = new Int32Array(view.departure.length);
  }

  startPattern(p: number): void {
    this.patternSubStart[p] = this.subRunStart.length - 1;
  }

  addRun(run: number, serviceDay: DayNumber, arr: Int32Array, dep: Int32Array): void {
    this.runBase.push(run);
    this.runServiceDay.push(serviceDay);
    this.runTimeStart.push(this.total);
    this.arrival.set(arr, this.total);
    this.departure.set(dep, this.total);
    this.total += arr.length;
  }

  endSub(): void {
    this.subRunStart.push(this.runBase.length);
  }

  finish(): DayView {
    this.patternSubStart[this.patternSubStart.length - 1] = this.subRunStart.length - 1;
    return {
      day: this.view.day,
      base: this.view.base,
      patternSubStart: this.patternSubStart,
      subRunStart: Int32Array.from(this.subRunStart),
      runBase: Int32Array.from(this.runBase),
      runServiceDay: Int32Array.from(this.runServiceDay),
      runTimeStart: Int32Array.from(this.runTimeStart),
      arrival: this.arrival.subarray(0, this.total),
      departure: this.departure.subarray(0, this.total),
    };
  }
}
