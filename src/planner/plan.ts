import { feedsNotInService } from '../transit/feedValidity.js';
import type { StreetNetwork } from '../streets/index.js';
import { haversineMeters, walkSeconds } from '../transit/geo.js';
import { modeOfRouteType } from '../transit/modes.js';
import type { Network } from '../transit/network.js';
import { liveRun } from '../transit/realtimeOverlay.js';
import { formatInstant, localDayOf, type UnixSeconds } from '../transit/time.js';
import { walkableStops, type StopWalk } from './access.js';
import {
  carOnlyItinerary,
  carParkAccess,
  refreshParking,
  type CarContext,
  type ClosesEarly,
} from './carAccess.js';
import { dominates, nonDominated, visitsTwice } from './filters.js';
import { isTransitLeg, type Itinerary, type PlanResult } from './itinerary.js';
import type { AccessMode, PlanQuery } from './query.js';
import { liveViewAt, type Live } from './liveView.js';
import { rangeSearch, type DepartureRange, type Endpoints } from './rangeSearch.js';
import { reverseRangeSearch } from './reverseRaptor.js';
import { walkMetersBetween } from './walking.js';

export type { Endpoints } from './rangeSearch.js';

/** Origin and destination closer than this are the same place: no transit, metres. */
export const SAME_PLACE_METERS = 50;
/** The first range searched: departures in the next hour (or before the deadline), seconds. */
const FIRST_RANGE_SECONDS = 1800;
/** Later departures are searched up to this far from the requested time, seconds. */
const MAX_RANGE_SECONDS = 8 * 3600;
/** `arriveBy` looks this far back for a departure that arrives in time, seconds. */
const MAX_ARRIVE_BY_SECONDS = 24 * 3600;

/**
 * Plans itineraries per DESIGN.md §4: range RAPTOR (rRAPTOR) from the walkable stops of the
 * origin over the departures of the next hour, widened until `numItineraries` sensible ones are
 * found; `arriveBy` searches the departures before the deadline from the latest back. Walking
 * and park-and-ride access are searched apart (so a drive is offered even when walking is as
 * fast). Itineraries a rider would never choose are dropped: visiting a stop twice, riding away
 * and back, dominated by another or by the direct walk, which is offered when within
 * `maxWalkMeters` and not dominated. With `streets`, walks follow the streets where a graph
 * covers them (DESIGN.md §10).
 */
export function plan(
  net: Network,
  q: PlanQuery,
  live?: Live,
  car?: CarContext,
  streets?: StreetNetwork,
): PlanResult {
  const tt = net.tt;
  const modes = q.accessModes ?? WALK_ONLY;
  const day = localDayOf(q.time, net.primaryTimezone);
  const inService = tt.feeds.some((f) => day >= f.startDay - 1 && day <= f.endDay + 1);
  const directMeters = walkMetersBetween(streets, tt.walkCircuity, q.from, q.to, q.maxWalkMeters);
  const direct =
    modes.has('WALK') && directMeters <= q.maxWalkMeters ? directWalk(q, directMeters) : undefined;
  if (haversineMeters(q.from.lat, q.from.lon, q.to.lat, q.to.lon) < SAME_PLACE_METERS) {
    return {
      itineraries: direct ? [direct] : [],
      messages: [
        {
          code: 'SAME_ORIGIN_AND_DESTINATION',
          text: `Origin and destination are less than ${SAME_PLACE_METERS} m apart: no transit is needed.`,
        },
      ],
    };
  }
  const transit = inService && q.transitModes?.size !== 0;
  const egress = new Map(
    walkableStops(net, q.to, q.maxWalkMeters, q.walkSpeed, streets).map((w) => [w.stop, w]),
  );
  const patternAllowed = q.transitModes ? allowedPatterns(net, q.transitModes) : undefined;
  const walkEnds: Endpoints = {
    access: modes.has('WALK')
      ? new Map(
          walkableStops(net, q.from, q.maxWalkMeters, q.walkSpeed, streets).map((w) => [w.stop, w]),
        )
      : new Map<number, StopWalk>(),
    egress,
    patternAllowed,
  };
  const carPark = modes.has('CAR_PARK') && car ? carParkAccess(net, q, car, streets) : undefined;
  const carEnds: Endpoints | undefined = carPark && {
    access: carPark.access,
    egress,
    patternAllowed,
  };

  const walking = transit ? search(net, q, walkEnds, [], direct, live) : [];
  let driving = carEnds && transit ? search(net, q, carEnds, walking, direct, live, car) : [];
  // No drive to a lot when walking to the stop is as good (arrives no later, no more changes).
  driving = driving.filter(
    (d) => !walking.some((w) => w.arrival <= d.arrival && w.transfers <= d.transfers),
  );
  const carOnly =
    modes.has('CAR') && car && !q.arriveBy && !q.departBefore
      ? carOnlyItinerary(net, q, car, streets)
      : undefined;

  const all = [...walking, ...driving];
  if (live) markLive(all, live);
  if (direct) all.push(direct);
  if (carOnly) all.push(carOnly);
  const order = latestFirst(q) ? byDepartureDesc : byArrival;
  const sensible = nonDominated(all).sort(order);
  // The best park-and-ride itinerary is offered when one was asked for, even when walking options
  // fill the list; the direct walk, when not dominated, comes on top of the number asked.
  const driveFirst = sensible.filter((it) => driving.includes(it)).slice(0, 1);
  const others = sensible.filter((it) => it !== direct && !driveFirst.includes(it));
  const chosen = [
    ...driveFirst,
    ...others.slice(0, Math.max(0, q.numItineraries - driveFirst.length)),
  ];
  if (direct && !chosen.some((it) => dominates(it, direct))) chosen.push(direct);
  chosen.sort(q.arriveBy ? byDepartureDesc : byArrival);
  const result: PlanResult = { itineraries: chosen, messages: [] };
  const departures = chosen.filter((it) => it !== direct).map((it) => it.departure);
  if (departures.length > 0) {
    result.nextPageTime = Math.max(...departures) + 1;
    result.previousPageTime = Math.min(...departures);
  } else if (!q.arriveBy) {
    result.nextPageTime = q.time + (q.departBefore ? 0 : FIRST_RANGE_SECONDS);
    result.previousPageTime = q.departBefore ? q.time - FIRST_RANGE_SECONDS : q.time;
  }
  if (carPark && driving.length === 0 && carPark.access.size === 0 && !carOnly) {
    result.messages.push(noParkingMessage(net, carPark.closesEarly));
  }
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
    } else if (carPark && walkEnds.access.size === 0) {
      // Said above.
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
  // After the reason for an empty answer, if any: the feeds that do not run that day.
  const idle = feedsNotInService(tt, day);
  if (idle.length > 0) {
    result.messages.push({
      code: 'FEED_NOT_IN_SERVICE',
      text: `Not in service on this date, so not used: ${idle.join(', ')}.`,
    });
  }
  return result;
}

const WALK_ONLY: ReadonlySet<AccessMode> = new Set(['WALK']);

const byArrival = (a: Itinerary, b: Itinerary) =>
  a.arrival - b.arrival ||
  a.transfers - b.transfers ||
  a.driveSeconds - b.driveSeconds ||
  b.departure - a.departure ||
  a.walkMeters - b.walkMeters;
const byDepartureDesc = (a: Itinerary, b: Itinerary) =>
  b.departure - a.departure ||
  a.arrival - b.arrival ||
  a.transfers - b.transfers ||
  a.driveSeconds - b.driveSeconds ||
  a.walkMeters - b.walkMeters;

/** True when the query wants the latest departures (arriveBy, or the page before a time). */
function latestFirst(q: PlanQuery): boolean {
  return q.arriveBy || q.departBefore === true;
}

function noParkingMessage(net: Network, closesEarly: ClosesEarly[]): PlanResult['messages'][0] {
  const at = (t: UnixSeconds) => formatInstant(t, net.primaryTimezone).slice(11, 16);
  const early = closesEarly
    .slice(0, 5)
    .map((c) => `${c.name} closes at ${at(c.closesAt)}`)
    .join('; ');
  return {
    code: 'NO_PARKING_AVAILABLE',
    text:
      closesEarly.length > 0
        ? `No park-and-ride facility is open for the whole parking window: ${early}.`
        : 'No park-and-ride facility is open with space for this trip.',
  };
}

/**
 * The sensible transit itineraries of one kind of access: range searches over growing windows of
 * departures (after `q.time`, or before it for `arriveBy` and the previous page) until
 * `numItineraries` survive the filters together with `others` (and the direct walk).
 */
function search(
  net: Network,
  q: PlanQuery,
  ends: Endpoints,
  others: readonly Itinerary[],
  direct: Itinerary | undefined,
  live?: Live,
  car?: CarContext,
): Itinerary[] {
  if (ends.access.size === 0 || ends.egress.size === 0) return [];
  const found = new Map<string, Itinerary>();
  const sensible = () => {
    const mine = [...found.values()].filter((it) => !visitsTwice(net, it));
    const pool = nonDominated([...mine, ...others, ...(direct ? [direct] : [])]);
    return mine.filter((it) => pool.includes(it));
  };
  const backward = latestFirst(q);
  const limit = q.arriveBy ? MAX_ARRIVE_BY_SECONDS : MAX_RANGE_SECONDS;
  // About ten minutes of departures per itinerary asked for, at least half an hour, to begin with.
  let span = Math.max(FIRST_RANGE_SECONDS, q.numItineraries * 600);
  for (let covered = 0; covered < limit;) {
    if (covered > 0 && q.outOfTime?.()) break;
    const width = Math.min(span, limit - covered);
    const range: DepartureRange = backward
      ? { from: q.time - covered - width, to: q.time - covered - 1 }
      : { from: q.time + covered, to: q.time + covered + width };
    // arriveBy: backwards from the deadline (mirrored range RAPTOR), the latest departures first.
    const its = q.arriveBy
      ? reverseRangeSearch(net, q, ends, liveViewAt(net, q.time, live), {
          from: q.time - covered - width,
          to: q.time - covered,
          departureLimit: q.time - MAX_ARRIVE_BY_SECONDS,
        })
      : rangeSearch(net, q, ends, range, live);
    for (const it of its) {
      if (found.has(it.signature)) continue;
      if (q.departBefore && it.departure > range.to) continue;
      if (car && !refreshParking(net, q, it, car)) continue;
      found.set(it.signature, it);
    }
    covered += width;
    span *= 2;
    if (sensible().length >= q.numItineraries) break;
  }
  if (q.arriveBy) {
    const latest = () =>
      Math.max(...sensible().map((it) => it.departure), q.time - MAX_ARRIVE_BY_SECONDS) + 1;
    searchPastLoops(net, q, ends, found, latest, live, car);
  } else if (!q.departBefore && [...found.values()].some((it) => visitsTwice(net, it))) {
    // The first must arrive at the earliest possible time, by a way the filters keep.
    searchPastLoops(net, q, ends, found, () => q.time, live, car);
  }
  return sensible();
}

/**
 * A range search's labels can come from an itinerary that the filters then drop (it visits a
 * stop twice) and prune one leaving no earlier that they keep. Plain searches from `startAt()`
 * (the asked time, or just after the latest sensible departure for `arriveBy`) look for it; when
 * one finds only such loops, it is searched again without the patterns those loops ride first
 * (OpenTripPlanner's banned trips), a few times.
 */
function searchPastLoops(
  net: Network,
  q: PlanQuery,
  ends: Endpoints,
  found: Map<string, Itinerary>,
  startAt: () => UnixSeconds,
  live?: Live,
  car?: CarContext,
): void {
  let allowed = ends.patternAllowed;
  for (let i = 0; i < 6; i++) {
    const at = startAt();
    const range = { from: at, to: at, arriveBy: q.arriveBy ? q.time : undefined };
    const its = rangeSearch(net, q, { ...ends, patternAllowed: allowed }, range, live).filter(
      (it) => !found.has(it.signature) && (!car || refreshParking(net, q, it, car)),
    );
    const loops = its.filter((it) => visitsTwice(net, it));
    if (its.length === 0) return;
    for (const it of its) if (!loops.includes(it)) found.set(it.signature, it);
    if (loops.length < its.length) {
      // Found one; for arriveBy, look again after it.
      if (!q.arriveBy) return;
      allowed = ends.patternAllowed;
      continue;
    }
    const banned = allowed ? allowed.slice() : new Uint8Array(net.tt.patternCount).fill(1);
    for (const it of loops) banned[it.legs.find(isTransitLeg)!.pattern] = 0;
    allowed = banned;
  }
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

/** One RAPTOR search leaving at `time`: the Pareto set over (arrival, transfers). */
export function searchDepartAt(
  net: Network,
  q: PlanQuery,
  ends: Endpoints,
  time: UnixSeconds,
  live?: Live,
): Itinerary[] {
  return rangeSearch(net, q, ends, { from: time, to: time }, live).sort(
    (a, b) => a.transfers - b.transfers,
  );
}
