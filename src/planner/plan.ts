import { walkMeters, walkSeconds } from '../transit/geo.js';
import { modeOfRouteType } from '../transit/modes.js';
import type { Network } from '../transit/network.js';
import { localDayOf, type UnixSeconds } from '../transit/time.js';
import { walkableStops, type StopWalk } from './access.js';
import { isTransitLeg, type Itinerary, type PlanResult } from './itinerary.js';
import type { AccessMode, PlanQuery } from './query.js';
import { carOnlyItinerary, carParkAccess, refreshParking, type CarContext } from './carAccess.js';
import { raptor, UNREACHED } from './raptor.js';
import { liveViewAt, type Live } from './liveView.js';
import { liveRun } from '../transit/realtimeOverlay.js';
import { reconstruct } from './reconstruct.js';

/** Searches for later departures when more itineraries are wanted. */
const MAX_SEARCHES = 8;
/** Binary-search resolution for `arriveBy`, seconds. */
const ARRIVE_BY_WINDOW = 24 * 3600;

/** Access and egress of a query, computed once. */
interface Endpoints {
  access: Map<number, StopWalk>;
  egress: Map<number, StopWalk>;
  patternAllowed?: Uint8Array;
}

/**
 * Plans itineraries per DESIGN.md §4: RAPTOR from the walkable stops of the origin, one search
 * per departure, Pareto-optimal in arrival and transfers, later departures while more are
 * wanted; `arriveBy` finds the latest departure that arrives in time. A direct walk is offered
 * when within `maxWalkMeters`.
 */
export function plan(net: Network, q: PlanQuery, live?: Live, car?: CarContext): PlanResult {
  const tt = net.tt;
  const modes = q.accessModes ?? WALK_ONLY;
  const day = localDayOf(q.time, net.primaryTimezone);
  const inService = tt.feeds.some((f) => day >= f.startDay - 1 && day <= f.endDay + 1);
  const directMeters = walkMeters(q.from.lat, q.from.lon, q.to.lat, q.to.lon, tt.walkCircuity);
  const direct =
    modes.has('WALK') && directMeters <= q.maxWalkMeters ? directWalk(q, directMeters) : undefined;
  const egress = new Map(
    walkableStops(net, q.to, q.maxWalkMeters, q.walkSpeed).map((w) => [w.stop, w]),
  );
  const patternAllowed = q.transitModes ? allowedPatterns(net, q.transitModes) : undefined;

  const walkEnds: Endpoints = {
    access: modes.has('WALK')
      ? new Map(walkableStops(net, q.from, q.maxWalkMeters, q.walkSpeed).map((w) => [w.stop, w]))
      : new Map<number, StopWalk>(),
    egress,
    patternAllowed,
  };
  const carEnds: Endpoints | undefined =
    modes.has('CAR_PARK') && car
      ? { access: carParkAccess(net, q, car), egress, patternAllowed }
      : undefined;

  const walking = transitItineraries(net, q, walkEnds, inService, live);
  let driving = carEnds ? transitItineraries(net, q, carEnds, inService, live) : [];
  if (car) driving = driving.filter((it) => refreshParking(net, q, it, car));
  // No drive to a lot when walking to the stop is as good (arrives no later, no more changes).
  driving = driving.filter(
    (d) => !walking.some((w) => w.arrival <= d.arrival && w.transfers <= d.transfers),
  );
  const carOnly =
    modes.has('CAR') && car && !q.arriveBy ? carOnlyItinerary(net, q, car) : undefined;

  const all = [...walking, ...driving];
  if (live) markLive(all, live);
  if (direct) all.push(direct);
  if (carOnly) all.push(carOnly);
  const order = q.arriveBy
    ? (a: Itinerary, b: Itinerary) =>
        b.departure - a.departure || a.transfers - b.transfers || a.driveSeconds - b.driveSeconds
    : (a: Itinerary, b: Itinerary) =>
        a.arrival - b.arrival ||
        a.transfers - b.transfers ||
        a.driveSeconds - b.driveSeconds ||
        b.departure - a.departure;
  all.sort(order);
  const chosen = nonDominated(all).slice(0, q.numItineraries);
  // Asked for park-and-ride: keep the best one even when walking options fill the list.
  const bestDriving = driving.sort(order)[0];
  if (bestDriving && !chosen.includes(bestDriving) && chosen.length > 0) {
    chosen[chosen.length - 1] = bestDriving;
    chosen.sort(order);
  }
  const result: PlanResult = { itineraries: chosen, messages: [] };
  if (result.itineraries.length === 0) {
    if (q.outOfTime?.()) {
      result.messages.push({
        code: 'TIME_BUDGET_EXCEEDED',
        text: 'Planning took longer than the time budget; try a narrower request.',
      });
    } else if (!inService) {
      result.messages.push({
        code: 'NO_SERVICE_ON_DATE',
        text: 'The date is outside the validity of every loaded feed.',
      });
    } else if (carEnds && carEnds.access.size === 0 && walkEnds.access.size === 0) {
      result.messages.push({
        code: 'NO_PARKING_AVAILABLE',
        text: 'No park-and-ride facility is open with space for this trip.',
      });
    } else if (walkEnds.access.size + (carEnds?.access.size ?? 0) === 0 || egress.size === 0) {
      const which = egress.size === 0 ? 'destination' : 'origin';
      result.messages.push({
        code: 'OUTSIDE_SERVICE_AREA',
        text: `No stop is within ${q.maxWalkMeters} m of walking of the ${which}.`,
      });
    } else {
      result.messages.push({
        code: 'NO_TRANSIT_CONNECTION',
        text: 'No transit connection was found for this time.',
      });
    }
  }
  return result;
}

const WALK_ONLY: ReadonlySet<AccessMode> = new Set(['WALK']);

/**
 * Drops itineraries that another beats on every count: leaves no earlier, arrives no later, with
 * no more changes and no more driving (e.g. the same ride caught after a longer wait). Keeps order.
 */
function nonDominated(sorted: Itinerary[]): Itinerary[] {
  const dominates = (a: Itinerary, b: Itinerary) =>
    a.departure >= b.departure &&
    a.arrival <= b.arrival &&
    a.transfers <= b.transfers &&
    a.driveSeconds <= b.driveSeconds &&
    (a.departure > b.departure ||
      a.arrival < b.arrival ||
      a.transfers < b.transfers ||
      a.driveSeconds < b.driveSeconds);
  return sorted.filter((b) => !sorted.some((a) => a !== b && dominates(a, b)));
}

/** The transit itineraries from one kind of access. */
function transitItineraries(
  net: Network,
  q: PlanQuery,
  ends: Endpoints,
  inService: boolean,
  live?: Live,
): Itinerary[] {
  const found = new Map<string, Itinerary>();
  if (inService && ends.access.size > 0 && ends.egress.size > 0) {
    if (q.arriveBy) planArriveBy(net, q, ends, found, live);
    else planDepartAt(net, q, ends, found, live);
  }
  return [...found.values()];
}

/** Forward searches from `q.time`, then from just after each found departure. */
function planDepartAt(
  net: Network,
  q: PlanQuery,
  ends: Endpoints,
  found: Map<string, Itinerary>,
  live?: Live,
): void {
  let from = q.time;
  // Count only itineraries no other beats: a later search may find a later departure on the same ride.
  for (
    let i = 0;
    i < MAX_SEARCHES && nonDominated([...found.values()]).length < q.numItineraries;
    i++
  ) {
    if (i > 0 && q.outOfTime?.()) break;
    const batch = searchDepartAt(net, q, ends, from, undefined, live);
    if (batch.length === 0) break;
    for (const it of batch) if (!found.has(it.signature)) found.set(it.signature, it);
    from = Math.min(...batch.map((it) => it.departure)) + 1;
  }
}

/** Latest departures that arrive by `q.time`: binary search on the departure time. */
function planArriveBy(
  net: Network,
  q: PlanQuery,
  ends: Endpoints,
  found: Map<string, Itinerary>,
  live?: Live,
): void {
  let deadline = q.time;
  for (let i = 0; i < q.numItineraries && found.size < q.numItineraries; i++) {
    if (i > 0 && q.outOfTime?.()) break;
    const best = latestDeparture(net, q, ends, deadline, live);
    if (!best) break;
    for (const it of best)
      if (it.arrival <= deadline && !found.has(it.signature)) found.set(it.signature, it);
    const earliestArrival = Math.min(...best.map((it) => it.arrival));
    deadline = earliestArrival - 1;
  }
}

function latestDeparture(
  net: Network,
  q: PlanQuery,
  ends: Endpoints,
  deadline: UnixSeconds,
  live?: Live,
): Itinerary[] | undefined {
  let lo = deadline - ARRIVE_BY_WINDOW;
  let hi = deadline;
  let best: Itinerary[] | undefined;
  const arrivesInTime = (t: UnixSeconds): Itinerary[] | undefined => {
    const its = searchDepartAt(net, q, ends, t, deadline + 1, live).filter(
      (it) => it.arrival <= deadline,
    );
    return its.length > 0 ? its : undefined;
  };
  const first = arrivesInTime(lo);
  if (!first) return undefined;
  best = first;
  lo = Math.min(...first.map((it) => it.departure));
  while (lo < hi && !q.outOfTime?.()) {
    const mid = Math.floor((lo + hi + 1) / 2);
    const its = arrivesInTime(mid);
    if (its) {
      best = its;
      lo = Math.max(mid, Math.min(...its.map((it) => it.departure)));
    } else {
      hi = mid - 1;
    }
  }
  return best;
}

/** One RAPTOR search leaving at `time`: the Pareto set over (arrival, transfers). */
export function searchDepartAt(
  net: Network,
  q: PlanQuery,
  ends: Endpoints,
  time: UnixSeconds,
  arrivalLimit?: UnixSeconds,
  live?: Live,
): Itinerary[] {
  const view = liveViewAt(net, time, live);
  const t = time - view.base;
  const result = raptor({
    tt: net.tt,
    view,
    access: [...ends.access.values()].map((w) => ({ stop: w.stop, time: t + w.seconds })),
    egress: new Map([...ends.egress.values()].map((w) => [w.stop, w.seconds])),
    maxRounds: q.maxTransfers + 1,
    transferSlack: q.transferSlack,
    walkSpeed: q.walkSpeed,
    patternAllowed: ends.patternAllowed,
    arrivalLimit: arrivalLimit === undefined ? undefined : arrivalLimit - view.base,
  });
  const out: Itinerary[] = [];
  for (let k = 1; k <= result.rounds; k++) {
    if (result.targetArr[k] === UNREACHED) continue;
    out.push(
      reconstruct({
        net,
        view,
        result,
        round: k,
        egressStop: result.targetStop[k]!,
        from: q.from,
        to: q.to,
        access: ends.access,
        egress: ends.egress,
        walkSpeed: q.walkSpeed,
      }),
    );
  }
  return out;
}

function directWalk(q: PlanQuery, meters: number): Itinerary {
  const seconds = walkSeconds(meters, q.walkSpeed);
  const departure = q.arriveBy ? q.time - seconds : q.time;
  return {
    departure,
    arrival: departure + seconds,
    transfers: 0,
    walkMeters: meters,
    legs: [
      {
        mode: 'WALK',
        from: q.from,
        to: q.to,
        departure,
        arrival: departure + seconds,
        distanceMeters: meters,
      },
    ],
    driveSeconds: 0,
    signature: 'walk',
  };
}

function allowedPatterns(net: Network, modes: ReadonlySet<string>): Uint8Array {
  const tt = net.tt;
  const allowed = new Uint8Array(tt.patternCount);
  for (let p = 0; p < tt.patternCount; p++) {
    allowed[p] = modes.has(modeOfRouteType(tt.routeType[tt.patternRoute[p]!]!)) ? 1 : 0;
  }
  return allowed;
}

/** Flags transit legs whose run has live data (even when it runs on time). */
function markLive(itineraries: Itinerary[], live: Live): void {
  for (const it of itineraries) {
    for (const leg of it.legs) {
      if (isTransitLeg(leg) && liveRun(live.overlay, leg.run, leg.serviceDay, live.nowSec))
        leg.realtime = true;
    }
  }
}
