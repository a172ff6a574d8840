import type { DayView } from '../transit/dayView.js';
import type { Network } from '../transit/network.js';
import type { UnixSeconds } from '../transit/time.js';
import { readyAt, type StopWalk } from './access.js';
import type { Itinerary } from './itinerary.js';
import { liveViewAt, type Live } from './liveView.js';
import type { PlanQuery } from './query.js';
import { Raptor, type AccessPoint } from './raptor.js';
import { reconstruct } from './reconstruct.js';

/** Access and egress of a query, computed once. */
export interface Endpoints {
  access: Map<number, StopWalk>;
  egress: Map<number, StopWalk>;
  patternAllowed?: Uint8Array;
}

/** Departures `[from, to]` (Unix seconds) to search, and an optional latest arrival. */
export interface DepartureRange {
  from: UnixSeconds;
  to: UnixSeconds;
  /** Only itineraries arriving at or before this instant. */
  arriveBy?: UnixSeconds;
}

/**
 * Range RAPTOR over `range`: one search per departure that boards a run at an access stop, from
 * the latest to the earliest, with labels kept across them (see `Raptor`). The latest departure
 * of the range is searched as a plain RAPTOR (so journeys leaving after the range are found too);
 * every later call reports only what beats all later departures. Returns every itinerary of the
 * profile, the Pareto set over (departure, arrival, transfers), in no particular order.
 */
export function rangeSearch(
  net: Network,
  q: PlanQuery,
  ends: Endpoints,
  range: DepartureRange,
  live?: Live,
): Itinerary[] {
  // One view (the service days around the requested time) for every range of a query, so that
  // later ranges search the same trips as the first.
  const view = liveViewAt(net, q.time, live);
  const walks = [...ends.access.values()];
  const search = new Raptor({
    tt: net.tt,
    view,
    egress: new Map([...ends.egress.values()].map((w) => [w.stop, w.seconds])),
    maxRounds: q.maxTransfers + 1,
    transferSlack: q.transferSlack,
    walkSpeed: q.walkSpeed,
    patternAllowed: ends.patternAllowed,
    arrivalLimit: range.arriveBy === undefined ? undefined : range.arriveBy + 1 - view.base,
  });
  const departures = boardingDepartures(net, view, walks, range, ends.patternAllowed);
  const out: Itinerary[] = [];
  const seen = new Set<string>();
  const searchAt = (t: UnixSeconds, scan: Set<number> | undefined) => {
    const points: AccessPoint[] = walks.map((w) => ({
      stop: w.stop,
      time: readyAt(w, t) - view.base,
      scan: scan === undefined || scan.has(w.stop),
    }));
    for (const round of search.depart(points)) {
      const it = reconstruct({
        net,
        view,
        result: search,
        round,
        egressStop: search.targetStop[round]!,
        from: q.from,
        to: q.to,
        access: ends.access,
        egress: ends.egress,
        walkSpeed: q.walkSpeed,
      });
      if (seen.has(it.signature)) continue;
      seen.add(it.signature);
      out.push(it);
    }
  };
  searchAt(range.to, undefined);
  // No time-budget check inside a range: its earliest departures come last, and they are the
  // answer's start (the planner checks the budget between ranges).
  for (const [t, stops] of departures) if (t < range.to) searchAt(t, stops);
  return out;
}

/**
 * Every departure from the origin in `range` that boards a run at an access stop just in time,
 * latest first, with the access stops where it boards.
 */
function boardingDepartures(
  net: Network,
  view: DayView,
  walks: StopWalk[],
  range: DepartureRange,
  patternAllowed: Uint8Array | undefined,
): [UnixSeconds, Set<number>][] {
  const tt = net.tt;
  const { patternSubStart, subRunStart, runTimeStart, departure } = view;
  const byTime = new Map<UnixSeconds, Set<number>>();
  for (const w of walks) {
    const lo = readyAt(w, range.from) - view.base;
    const hi = readyAt(w, range.to) - view.base;
    for (let i = tt.stopPatternStart[w.stop]!; i < tt.stopPatternStart[w.stop + 1]!; i++) {
      const p = tt.stopPatternList[i]!;
      if (patternAllowed && patternAllowed[p] === 0) continue;
      const pos = tt.stopPatternPos[i]!;
      if (tt.patternCanBoard[tt.patternStopStart[p]! + pos] !== 1) continue;
      for (let sub = patternSubStart[p]!; sub < patternSubStart[p + 1]!; sub++) {
        // Runs are FIFO in a sub: binary search the first leaving at or after `lo`.
        let a = subRunStart[sub]!;
        let b = subRunStart[sub + 1]!;
        while (a < b) {
          const mid = (a + b) >>> 1;
          if (departure[runTimeStart[mid]! + pos]! < lo) a = mid + 1;
          else b = mid;
        }
        for (let r = a; r < subRunStart[sub + 1]!; r++) {
          const d = departure[runTimeStart[r]! + pos]!;
          if (d > hi) break;
          const t = view.base + d - w.seconds;
          let stops = byTime.get(t);
          if (!stops) byTime.set(t, (stops = new Set()));
          stops.add(w.stop);
        }
      }
    }
  }
  return [...byTime.entries()].sort((x, y) => y[0] - x[0]);
}
