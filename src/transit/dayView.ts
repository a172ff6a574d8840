import { serviceDayStart, type DayNumber, type UnixSeconds } from './time.js';
import { serviceRunsOn } from './timetable.js';
import type { Timetable } from './timetable.js';

/**
 * The runs that operate around one calendar day, with absolute times: every run of service days
 * `day - 1`, `day` and `day + 1` (so trips after midnight and late queries come out right),
 * times in seconds from `base`. Each pattern's runs are split into FIFO "subs" (no run overtakes
 * another inside a sub), so a binary search on any stop's departures finds the earliest run.
 */
export interface DayView {
  day: DayNumber;
  /** Unix seconds that view times are relative to (start of service day `day` of the first feed). */
  base: UnixSeconds;
  /** Subs of pattern p: `patternSubStart[p] .. patternSubStart[p+1]`. */
  patternSubStart: Int32Array;
  /** Runs of sub s: `subRunStart[s] .. subRunStart[s+1]`, by departure. */
  subRunStart: Int32Array;
  /** The compiled run of each view run. */
  runBase: Int32Array;
  /** The service day each view run operates on. */
  runServiceDay: Int32Array;
  /** Offset of the view run's first stop time in `arrival` / `departure`. */
  runTimeStart: Int32Array;
  arrival: Int32Array;
  departure: Int32Array;
}

/** Builds the view of `day` (see `DayView`). */
export function buildDayView(tt: Timetable, day: DayNumber): DayView {
  const primaryTz = tt.feeds[0]?.timezone ?? 'UTC';
  const base = serviceDayStart(primaryTz, day);
  const patternSubStart = new Int32Array(tt.patternCount + 1);
  const subRunStart: number[] = [0];
  const runBase: number[] = [];
  const runServiceDay: number[] = [];
  const runShift: number[] = [];
  const shiftOf = tt.feeds.map((f) =>
    [-1, 0, 1].map((k) => serviceDayStart(f.timezone, day + k) - base),
  );

  let subCount = 0;
  type Cand = { run: number; serviceDay: number; shift: number; firstDep: number };
  for (let p = 0; p < tt.patternCount; p++) {
    patternSubStart[p] = subCount;
    const n = tt.patternStopStart[p + 1]! - tt.patternStopStart[p]!;
    const cands: Cand[] = [];
    const feed = tt.routeFeed[tt.patternRoute[p]!]!;
    for (let r = tt.patternRunStart[p]!; r < tt.patternRunStart[p + 1]!; r++) {
      const service = tt.tripService[tt.runTrip[r]!]!;
      for (let k = 0; k < 3; k++) {
        const serviceDay = day - 1 + k;
        if (!serviceRunsOn(tt, service, serviceDay)) continue;
        const shift = shiftOf[feed]![k]!;
        cands.push({
          run: r,
          serviceDay,
          shift,
          firstDep: tt.runDeparture[tt.runTimeStart[r]!]! + shift,
        });
      }
    }
    cands.sort((a, b) => a.firstDep - b.firstDep);
    // Greedy FIFO partition: a run joins the first sub whose last run it never overtakes.
    const subs: Cand[][] = [];
    for (const c of cands) {
      let placed = false;
      for (const sub of subs) {
        const last = sub[sub.length - 1]!;
        if (notOvertaking(tt, last, c, n)) {
          sub.push(c);
          placed = true;
          break;
        }
      }
      if (!placed) subs.push([c]);
    }
    for (const sub of subs) {
      for (const c of sub) {
        runBase.push(c.run);
        runServiceDay.push(c.serviceDay);
        runShift.push(c.shift);
      }
      subRunStart.push(runBase.length);
      subCount++;
    }
  }
  patternSubStart[tt.patternCount] = subCount;

  const runCount = runBase.length;
  const runTimeStart = new Int32Array(runCount);
  let total = 0;
  for (let v = 0; v < runCount; v++) {
    runTimeStart[v] = total;
    const r = runBase[v]!;
    total += runLength(tt, r);
  }
  const arrival = new Int32Array(total);
  const departure = new Int32Array(total);
  for (let v = 0; v < runCount; v++) {
    const r = runBase[v]!;
    const from = tt.runTimeStart[r]!;
    const len = runLength(tt, r);
    const shift = runShift[v]!;
    const to = runTimeStart[v]!;
    for (let k = 0; k < len; k++) {
      arrival[to + k] = tt.runArrival[from + k]! + shift;
      departure[to + k] = tt.runDeparture[from + k]! + shift;
    }
  }
  return {
    day,
    base,
    patternSubStart,
    subRunStart: Int32Array.from(subRunStart),
    runBase: Int32Array.from(runBase),
    runServiceDay: Int32Array.from(runServiceDay),
    runTimeStart,
    arrival,
    departure,
  };
}

function runLength(tt: Timetable, run: number): number {
  // Runs are laid out pattern by pattern; the run's pattern length is the gap to the next run.
  const next = run + 1 < tt.runTimeStart.length ? tt.runTimeStart[run + 1]! : tt.runArrival.length;
  return next - tt.runTimeStart[run]!;
}

function notOvertaking(
  tt: Timetable,
  a: { run: number; shift: number },
  b: { run: number; shift: number },
  n: number,
): boolean {
  const ta = tt.runTimeStart[a.run]!;
  const tb = tt.runTimeStart[b.run]!;
  for (let k = 0; k < n; k++) {
    if (tt.runDeparture[ta + k]! + a.shift > tt.runDeparture[tb + k]! + b.shift) return false;
    if (tt.runArrival[ta + k]! + a.shift > tt.runArrival[tb + k]! + b.shift) return false;
  }
  return true;
}

/** First view run of sub `sub` departing at pattern position `pos` at or after `time` (view seconds). */
export function firstRunFrom(view: DayView, sub: number, pos: number, time: number): number {
  let lo = view.subRunStart[sub]!;
  let hi = view.subRunStart[sub + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (view.departure[view.runTimeStart[mid]! + pos]! < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
