import type { Network } from '../transit/index.js';
import { runIndexOf } from '../transit/index.js';
import { serviceDayStart, type DayNumber, type UnixSeconds } from '../transit/index.js';
import type { CompactRide } from './compactItinerary.js';

/** A ride found in the current network: compiled indices, and the start of its service day. */
export interface ResolvedRide {
  trip: number;
  route: number;
  pattern: number;
  run: number;
  serviceDay: DayNumber;
  /** Start of the service day in the feed's zone, Unix seconds. */
  dayStart: UnixSeconds;
  boardPos: number;
  alightPos: number;
}

/** `YYYY-MM-DD` → day number. */
export function dayNumberOf(date: string): DayNumber {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

/** Position of `stopId` in pattern `p`, preferring `hint`; -1 when the pattern does not call there. */
function positionIn(net: Network, p: number, stopId: string, hint: number, from = 0): number {
  const tt = net.tt;
  const start = tt.patternStopStart[p]!;
  const n = tt.patternStopStart[p + 1]! - start;
  const at = (pos: number) => tt.stopIds[tt.patternStops[start + pos]!];
  if (hint >= from && hint < n && at(hint) === stopId) return hint;
  for (let pos = from; pos < n; pos++) if (at(pos) === stopId) return pos;
  return -1;
}

/**
 * The compiled run of a booked ride in `net` (which may be a newer version of the feed than the
 * one it was planned on): the trip by id, then its run on the service day that leaves the boarding
 * stop at the booked time (several runs for frequency-based trips); undefined when the trip or its
 * stops are gone.
 */
export function resolveRide(
  net: Network,
  ride: CompactRide,
  plannedDeparture: UnixSeconds,
): ResolvedRide | undefined {
  const tt = net.tt;
  const trip = tt.tripIndexById.get(ride.t);
  if (trip === undefined) return undefined;
  const route = tt.tripRoute[trip]!;
  const serviceDay = dayNumberOf(ride.sd);
  const dayStart = serviceDayStart(tt.feeds[tt.routeFeed[route]!]!.timezone, serviceDay);
  const idx = runIndexOf(tt);
  let fallback: ResolvedRide | undefined;
  for (let k = idx.tripRunStart[trip]!; k < idx.tripRunStart[trip + 1]!; k++) {
    const run = idx.tripRuns[k]!;
    const pattern = idx.runPattern[run]!;
    const boardPos = positionIn(net, pattern, ride.a, ride.i);
    const alightPos = boardPos < 0 ? -1 : positionIn(net, pattern, ride.b, ride.j, boardPos + 1);
    if (alightPos < 0) continue;
    const found = { trip, route, pattern, run, serviceDay, dayStart, boardPos, alightPos };
    if (dayStart + tt.runDeparture[tt.runTimeStart[run]! + boardPos]! === plannedDeparture)
      return found;
    fallback ??= found;
  }
  // A new version of the feed may have moved the trip's times: a trip with one run is still it.
  return idx.tripRunStart[trip + 1]! - idx.tripRunStart[trip]! === 1 ? fallback : undefined;
}
