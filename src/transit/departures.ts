import { firstRunFrom } from './dayView.js';
import type { Network } from './network.js';
import type { UnixSeconds } from './time.js';

/** One departure of a vehicle from a stop, as scheduled. */
export interface ScheduledDeparture {
  /** Platform stop index. */
  stop: number;
  pattern: number;
  /** Position of the stop in the pattern. */
  pos: number;
  /** Compiled run index. */
  run: number;
  trip: number;
  /** The run's GTFS service day. */
  serviceDay: number;
  departure: UnixSeconds;
  arrival: UnixSeconds;
}

/** The stop itself, or every child platform when it is a station. */
export function platformsOf(net: Network, stop: number): number[] {
  const tt = net.tt;
  const from = tt.stationChildStart[stop]!;
  const to = tt.stationChildStart[stop + 1]!;
  if (to === from) return [stop];
  return Array.from(tt.stationChildren.subarray(from, to));
}

/**
 * The next `first` departures (boarding allowed, not at a trip's last stop) from a stop or from
 * every platform of a station, at or after `after`, in time order; covers trips of the previous
 * service day running past midnight and continues into the next day.
 */
export function departuresFrom(
  net: Network,
  stop: number,
  after: UnixSeconds,
  first: number,
): ScheduledDeparture[] {
  const tt = net.tt;
  const view = net.viewAt(after);
  const t = after - view.base;
  const out: ScheduledDeparture[] = [];
  for (const s of platformsOf(net, stop)) {
    for (let k = tt.stopPatternStart[s]!; k < tt.stopPatternStart[s + 1]!; k++) {
      const p = tt.stopPatternList[k]!;
      const pos = tt.stopPatternPos[k]!;
      const stopsInPattern = tt.patternStopStart[p + 1]! - tt.patternStopStart[p]!;
      if (pos === stopsInPattern - 1) continue;
      if (tt.patternCanBoard[tt.patternStopStart[p]! + pos] === 0) continue;
      for (let sub = view.patternSubStart[p]!; sub < view.patternSubStart[p + 1]!; sub++) {
        const end = view.subRunStart[sub + 1]!;
        let v = firstRunFrom(view, sub, pos, t);
        for (let taken = 0; v < end && taken < first; v++, taken++) {
          const at = view.runTimeStart[v]! + pos;
          const run = view.runBase[v]!;
          out.push({
            stop: s,
            pattern: p,
            pos,
            run,
            trip: tt.runTrip[run]!,
            serviceDay: view.runServiceDay[v]!,
            departure: view.base + view.departure[at]!,
            arrival: view.base + view.arrival[at]!,
          });
        }
      }
    }
  }
  out.sort((a, b) => a.departure - b.departure || a.trip - b.trip);
  return out.slice(0, first);
}
