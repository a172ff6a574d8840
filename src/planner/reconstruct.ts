import polyline from '@mapbox/polyline';
import type { DayView } from '../transit/dayView.js';
import { haversineMeters, walkSeconds } from '../transit/geo.js';
import { modeOfRouteType } from '../transit/modes.js';
import type { Network } from '../transit/network.js';
import { FOOT_WALK } from '../transit/timetable.js';
import { serviceDayStart, type UnixSeconds } from '../transit/time.js';
import { NEVER_BOARD } from '../transit/realtimeOverlay.js';
import type { StopWalk } from './access.js';
import { isTransitLeg, type Itinerary, type Leg, type TransitLeg } from './itinerary.js';
import { carAccessLegs } from './carAccess.js';
import type { PlacePoint } from './query.js';
import type { RaptorResult } from './raptor.js';

/** What `reconstruct` needs besides the labels. */
export interface ReconstructInput {
  net: Network;
  view: DayView;
  result: RaptorResult;
  round: number;
  egressStop: number;
  from: PlacePoint;
  to: PlacePoint;
  access: Map<number, StopWalk>;
  egress: Map<number, StopWalk>;
  walkSpeed: number;
}

/** A stop as a place of an itinerary. */
export function stopPlace(net: Network, stop: number): PlacePoint {
  const tt = net.tt;
  return { lat: tt.stopLat[stop]!, lon: tt.stopLon[stop]!, stop, name: tt.stopNames[stop]! };
}

/** Walks the parent pointers of round `round` back from the egress stop into an itinerary. */
export function reconstruct(input: ReconstructInput): Itinerary {
  const { net, view, result, from, to, walkSpeed } = input;
  const n = result.stopCount;
  const legs: Leg[] = [];
  let stop = input.egressStop;
  let round = input.round;

  const egress = input.egress.get(stop)!;
  const lastArrival = view.base + result.vehArr[round * n + stop]!;
  if (egress.meters > 0 || to.stop === undefined) {
    legs.push({
      mode: 'WALK',
      from: stopPlace(net, stop),
      to,
      departure: lastArrival,
      arrival: lastArrival + egress.seconds,
      distanceMeters: egress.meters,
    });
  }
  for (;;) {
    const at = round * n + stop;
    const leg = transitLeg(
      net,
      view,
      result.vehPattern[at]!,
      result.vehRun[at]!,
      result.vehBoardPos[at]!,
      result.vehAlightPos[at]!,
    );
    legs.push(leg);
    const boardStop = leg.from.stop!;
    const prevRound = round - 1;
    const fromStop = result.boardFrom[prevRound * n + boardStop]!;
    if (prevRound === 0 || fromStop < 0) {
      const access = input.access.get(boardStop)!;
      legs.push(...accessLegs(net, from, boardStop, access, leg.departure).reverse());
      break;
    }
    if (fromStop !== boardStop) {
      const arrivedAt = view.base + result.vehArr[prevRound * n + fromStop]!;
      const walk = footWalk(net, fromStop, boardStop, walkSpeed);
      legs.push({
        mode: 'WALK',
        from: stopPlace(net, fromStop),
        to: stopPlace(net, boardStop),
        departure: arrivedAt,
        arrival: arrivedAt + walk.seconds,
        distanceMeters: walk.meters,
      });
    }
    stop = fromStop;
    round = prevRound;
  }
  legs.reverse();
  return itineraryOf(legs, input.access);
}

/** The itinerary of legs in order (the first transit leg boards at an access stop of `access`). */
export function itineraryOf(legs: Leg[], access: Map<number, StopWalk>): Itinerary {
  const transitLegs = legs.filter(isTransitLeg);
  const car = access.get(transitLegs[0]!.from.stop!)?.car;
  return {
    departure: legs[0]!.departure,
    arrival: legs[legs.length - 1]!.arrival,
    transfers: transitLegs.length - 1,
    walkMeters: legs.reduce((sum, l) => sum + (l.mode === 'WALK' ? l.distanceMeters : 0), 0),
    legs,
    driveSeconds: car?.driveSeconds ?? 0,
    signature:
      (car ? `car:${car.facility.id}|` : '') +
      transitLegs
        .map((l) => `${l.run}@${l.serviceDay}:${l.boardPos}-${l.alightPos}@${l.scheduledDeparture}`)
        .join('|'),
  };
}

/** The footpath from stop a to stop b: metres and seconds (0 when there is none). */
export function footWalk(
  net: Network,
  a: number,
  b: number,
  walkSpeed: number,
): { meters: number; seconds: number } {
  const tt = net.tt;
  for (let f = tt.footStart[a]!; f < tt.footStart[a + 1]!; f++) {
    if (tt.footTo[f] !== b) continue;
    if (tt.footKind[f] === FOOT_WALK)
      return { meters: tt.footValue[f]!, seconds: walkSeconds(tt.footValue[f]!, walkSpeed) };
    const meters = Math.ceil(
      haversineMeters(tt.stopLat[a]!, tt.stopLon[a]!, tt.stopLat[b]!, tt.stopLon[b]!) *
        tt.walkCircuity,
    );
    return { meters, seconds: tt.footValue[f]! };
  }
  return { meters: 0, seconds: 0 };
}

/** The legs from the origin to boarding at `stop` just in time for `boardDeparture`: drive and park, or walk. */
export function accessLegs(
  net: Network,
  from: PlacePoint,
  stop: number,
  access: StopWalk,
  boardDeparture: UnixSeconds,
): Leg[] {
  if (access.car) return carAccessLegs(net, from, stop, access, boardDeparture);
  if (access.meters === 0 && from.stop !== undefined) return [];
  return [
    {
      mode: 'WALK',
      from,
      to: stopPlace(net, stop),
      departure: boardDeparture - access.seconds,
      arrival: boardDeparture,
      distanceMeters: access.meters,
    },
  ];
}

/** A transit leg of view run `run` on pattern `pattern` from `boardPos` to `alightPos`. */
export function transitLeg(
  net: Network,
  view: DayView,
  pattern: number,
  run: number,
  boardPos: number,
  alightPos: number,
): TransitLeg {
  const tt = net.tt;
  const base = tt.patternStopStart[pattern]!;
  const times = view.runTimeStart[run]!;
  const baseRun = view.runBase[run]!;
  const trip = tt.runTrip[baseRun]!;
  const route = tt.tripRoute[trip]!;
  const departure = view.base + view.departure[times + boardPos]!;
  const arrival = view.base + view.arrival[times + alightPos]!;
  const serviceDay = view.runServiceDay[run]!;
  // Timetable times from the compiled run (the view may carry live times).
  const dayStart = serviceDayStart(tt.feeds[tt.routeFeed[route]!]!.timezone, serviceDay);
  const scheduledDeparture = dayStart + tt.runDeparture[tt.runTimeStart[baseRun]! + boardPos]!;
  const scheduledArrival = dayStart + tt.runArrival[tt.runTimeStart[baseRun]! + alightPos]!;
  const intermediateStops = [];
  let meters = 0;
  for (let pos = boardPos + 1; pos <= alightPos; pos++) {
    const a = tt.patternStops[base + pos - 1]!;
    const b = tt.patternStops[base + pos]!;
    meters += haversineMeters(tt.stopLat[a]!, tt.stopLon[a]!, tt.stopLat[b]!, tt.stopLon[b]!);
    // A stop skipped by realtime (NEVER_BOARD) is passed without a call.
    if (pos < alightPos && view.departure[times + pos]! !== NEVER_BOARD) {
      intermediateStops.push({
        stop: b,
        arrival: view.base + view.arrival[times + pos]!,
        departure: view.base + view.departure[times + pos]!,
      });
    }
  }
  const fromStop = tt.patternStops[base + boardPos]!;
  const toStop = tt.patternStops[base + alightPos]!;
  return {
    mode: modeOfRouteType(tt.routeType[route]!),
    from: {
      lat: tt.stopLat[fromStop]!,
      lon: tt.stopLon[fromStop]!,
      stop: fromStop,
      name: tt.stopNames[fromStop]!,
    },
    to: {
      lat: tt.stopLat[toStop]!,
      lon: tt.stopLon[toStop]!,
      stop: toStop,
      name: tt.stopNames[toStop]!,
    },
    departure,
    arrival,
    scheduledDeparture,
    scheduledArrival,
    realtime: scheduledDeparture !== departure || scheduledArrival !== arrival,
    distanceMeters: Math.round(meters),
    trip,
    route,
    pattern,
    run: baseRun,
    serviceDay,
    boardPos,
    alightPos,
    intermediateStops,
  };
}

/** Encoded polyline of a leg: along the trip's shape where the feed has one, else straight segments. */
export function legGeometry(net: Network, leg: Leg): string {
  const tt = net.tt;
  if (!isTransitLeg(leg))
    return polyline.encode([
      [leg.from.lat, leg.from.lon],
      [leg.to.lat, leg.to.lon],
    ]);
  const shapeIdx = tt.tripShape[leg.trip]!;
  const base = tt.patternStopStart[leg.pattern]!;
  const stopPoints: [number, number][] = [];
  for (let pos = leg.boardPos; pos <= leg.alightPos; pos++) {
    const s = tt.patternStops[base + pos]!;
    stopPoints.push([tt.stopLat[s]!, tt.stopLon[s]!]);
  }
  if (shapeIdx < 0) return polyline.encode(stopPoints);
  const shape = tt.shapes[shapeIdx]!;
  const count = shape.length / 2;
  const nearest = (lat: number, lon: number, fromIdx: number): number => {
    let best = fromIdx;
    let bestD = Infinity;
    for (let i = fromIdx; i < count; i++) {
      const d = (shape[2 * i]! - lat) ** 2 + (shape[2 * i + 1]! - lon) ** 2;
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
    return best;
  };
  const first = stopPoints[0]!;
  const last = stopPoints[stopPoints.length - 1]!;
  const i0 = nearest(first[0], first[1], 0);
  const i1 = nearest(last[0], last[1], i0);
  const points: [number, number][] = [first];
  for (let i = i0; i <= i1; i++) points.push([shape[2 * i]!, shape[2 * i + 1]!]);
  points.push(last);
  return polyline.encode(points);
}
