import type {
  Itinerary,
  Leg,
  ParkLeg,
  PlanResult,
  TransitLeg,
} from '../../../src/planner/itinerary.js';
import type { PlacePoint, PlanQuery } from '../../../src/planner/query.js';
import { haversine } from '../../helpers/reference.js';
import {
  endOfLocalDay,
  nextClosing,
  openThroughout,
  type OpeningHoursSpec,
} from './openingHours.js';

/**
 * The rules of DESIGN.md §4 and issue 12 that every returned itinerary must keep, checked from
 * the query, the answer and the seeded facts alone: this module uses only the planner's types,
 * never its code, so a filter switched off in the planner cannot switch off its check.
 */

/** The rules, by name, with the number the suite's report uses. */
export const RULES = {
  revisit: '1. visits a stop or station twice, or rides away and back',
  dominated: '2. dominated by another returned itinerary or by the direct walk',
  directWalk: '3. direct walk missing (or dishonest) though within maxWalkMeters and not dominated',
  sameOrigin: '4. origin and destination < 50 m: SAME_ORIGIN_AND_DESTINATION and no transit',
  timeBound: '5. leaves before departAt / arrives after arriveBy',
  legs: '6. legs not consecutive, overlapping, or walks too long / not as DESIGN §4 measures them',
  parking:
    '7. park and ride: lot closed, full or unknown for the window, wrong window, status or closesAt',
  numItineraries: '8. numItineraries not honoured',
} as const;

/** A rule's name. */
export type Rule = keyof typeof RULES;

/** One broken rule of one plan. */
export interface Violation {
  rule: Rule;
  text: string;
}

/** What the suite seeded for one facility, as the checker needs it. */
export interface FacilitySpec {
  /** API id `"<operatorId>:<ownId>"`. */
  id: string;
  hours: OpeningHoursSpec;
  timezone: string;
  reservableSpaces: number;
  /** The operator's latest report; null when it never reported. */
  report: {
    status: 'OPEN' | 'CLOSED' | 'FULL';
    availableSpaces: number;
    observedAtSec: number;
  } | null;
}

/** The facts the checker judges by. */
export interface CheckContext {
  /** The station a stop belongs to: its parent station, else the stop itself. */
  stationOf(stop: number): number;
  /** A readable name of a stop, for messages. */
  stopLabel(stop: number): string;
  /** Coordinates of a stop. */
  stopPoint(stop: number): { lat: number; lon: number };
  /** Walk distance = haversine × this, rounded up (DESIGN.md §4; 1.25). */
  walkCircuity: number;
  /** The zone local days and parking windows are read in. */
  timezone: string;
  facilities: ReadonlyMap<string, FacilitySpec>;
  /** The parking service's "now", Unix seconds. */
  nowSec: number;
  /** Reports older than this are stale (AVAILABILITY_STALE_SECONDS, 900). */
  staleSeconds: number;
}

/** Closer than this, origin and destination are the same place, metres (straight line). */
export const SAME_PLACE_METERS = 50;
/** Coming back within this of a place left one whole ride earlier is riding away and back, metres. */
export const AWAY_AND_BACK_METERS = 100;

const NON_TRANSIT = new Set(['WALK', 'CAR', 'PARK']);
const isRide = (leg: Leg): leg is TransitLeg => !NON_TRANSIT.has(leg.mode);

/** Walk distance of DESIGN.md §4 between two points, whole metres. */
export function walkDistance(ctx: CheckContext, a: PlacePoint, b: PlacePoint): number {
  return Math.ceil(haversine(a.lat, a.lon, b.lat, b.lon) * ctx.walkCircuity);
}

/** Every rule broken by one plan's answer (rule 8's share is counted by the suite). */
export function checkPlan(ctx: CheckContext, q: PlanQuery, result: PlanResult): Violation[] {
  const out: Violation[] = [];
  const add = (rule: Rule, text: string) => out.push({ rule, text });
  const its = result.itineraries;
  // The direct walk comes on top of the itineraries asked for: rule 3 wants it whenever it is sensible.
  const counted = its.filter((it) => !isDirectWalk(it)).length;
  if (counted > q.numItineraries)
    add(
      'numItineraries',
      `${counted} itineraries besides the direct walk, ${q.numItineraries} asked`,
    );
  its.forEach((it, i) => {
    const at = (text: string) => `#${i}: ${text}`;
    for (const t of revisits(ctx, q, it)) add('revisit', at(t));
    for (const t of legProblems(ctx, q, it)) add('legs', at(t));
    for (const t of parkingProblems(ctx, q, it)) add('parking', at(t));
    if (!q.arriveBy && it.departure < q.time)
      add('timeBound', at(`leaves ${it.departure - q.time} s before departAt`));
    if (q.arriveBy && it.arrival > q.time)
      add('timeBound', at(`arrives ${it.arrival - q.time} s after arriveBy`));
  });
  for (const t of dominance(ctx, q, its)) add('dominated', t);
  for (const t of directWalkProblems(ctx, q, its)) add('directWalk', t);
  for (const t of sameOriginProblems(q, result)) add('sameOrigin', t);
  return out;
}

/** A place the rider passes: a stop (with its station) or a bare point. */
interface Visit {
  lat: number;
  lon: number;
  station: number | undefined;
  label: string;
  /** How many rides were complete when the rider was here. */
  ridesDone: number;
  /** The number of the ride the rider was on here (intermediate stops), else -1. */
  onRide: number;
  endpoint: 'origin' | 'destination' | 'stop';
}

function visitsOf(ctx: CheckContext, q: PlanQuery, it: Itinerary): Visit[] {
  const visits: Visit[] = [];
  const push = (p: PlacePoint, ridesDone: number, onRide: number, endpoint: Visit['endpoint']) => {
    const station = p.stop === undefined ? undefined : ctx.stationOf(p.stop);
    const last = visits[visits.length - 1];
    const same =
      last &&
      (station !== undefined && last.station !== undefined
        ? station === last.station
        : haversine(p.lat, p.lon, last.lat, last.lon) < 1);
    if (same) {
      if (endpoint === 'destination') last.endpoint = endpoint;
      return;
    }
    const label =
      p.stop === undefined ? `(${p.lat.toFixed(5)}, ${p.lon.toFixed(5)})` : ctx.stopLabel(p.stop);
    visits.push({ lat: p.lat, lon: p.lon, station, label, ridesDone, onRide, endpoint });
  };
  let rides = 0;
  push(q.from, 0, -1, 'origin');
  for (const leg of it.legs) {
    push(leg.from, rides, -1, 'stop');
    if (isRide(leg)) {
      for (const s of leg.intermediateStops) {
        push({ ...ctx.stopPoint(s.stop), stop: s.stop }, rides, rides, 'stop');
      }
      rides++;
    }
    push(leg.to, rides, -1, 'stop');
  }
  push(q.to, rides, -1, 'destination');
  return visits;
}

/** Rule 1: a station seen twice (not one after the other), or a return near a place left a whole ride ago. */
function revisits(ctx: CheckContext, q: PlanQuery, it: Itinerary): string[] {
  const found: string[] = [];
  const visits = visitsOf(ctx, q, it);
  for (let j = 0; j < visits.length; j++) {
    const b = visits[j]!;
    for (let i = 0; i < j; i++) {
      const a = visits[i]!;
      if (a.station !== undefined && a.station === b.station) {
        found.push(`visits ${b.label} twice`);
        break;
      }
      if (a.endpoint === 'origin' && b.endpoint === 'destination') continue;
      // A whole ride lies between them: done after `a`, not the one the rider is on at `b`.
      const rideBetween = b.ridesDone - a.ridesDone - (a.onRide >= 0 ? 1 : 0) >= 1;
      if (!rideBetween) continue;
      const meters = haversine(a.lat, a.lon, b.lat, b.lon);
      if (meters < AWAY_AND_BACK_METERS) {
        found.push(`rides away from ${a.label} and back to ${b.label} (${Math.round(meters)} m)`);
        break;
      }
    }
  }
  return found;
}

/** Rule 6: one leg after the other in time and place, walks within the limit and measured as DESIGN.md §4 says. */
function legProblems(ctx: CheckContext, q: PlanQuery, it: Itinerary): string[] {
  const found: string[] = [];
  const legs = it.legs;
  const first = legs[0];
  const last = legs[legs.length - 1];
  if (!first || !last) return ['has no legs'];
  if (it.departure !== first.departure) found.push('departure ≠ first leg’s departure');
  if (it.arrival !== last.arrival) found.push('arrival ≠ last leg’s arrival');
  if (!samePlace(first.from, q.from)) found.push('first leg does not start at the origin');
  if (!samePlace(last.to, q.to)) found.push('last leg does not end at the destination');
  const rides = legs.filter(isRide).length;
  if (it.transfers !== Math.max(0, rides - 1))
    found.push(`transfers ${it.transfers} for ${rides} rides`);
  const walked = legs.reduce((sum, l) => sum + (l.mode === 'WALK' ? l.distanceMeters : 0), 0);
  if (it.walkMeters !== walked)
    found.push(`walkMeters ${it.walkMeters} ≠ ${walked} m of walk legs`);
  legs.forEach((leg, i) => {
    const where = `leg ${i} (${leg.mode})`;
    if (leg.arrival < leg.departure) found.push(`${where} arrives before it leaves`);
    const next = legs[i + 1];
    if (next && next.departure < leg.arrival)
      found.push(`${where} overlaps leg ${i + 1} by ${leg.arrival - next.departure} s`);
    if (next && !samePlace(next.from, leg.to))
      found.push(`${where} ends where leg ${i + 1} does not start`);
    if (leg.mode !== 'WALK') return;
    if (leg.distanceMeters > q.maxWalkMeters)
      found.push(`${where} walks ${leg.distanceMeters} m > maxWalkMeters ${q.maxWalkMeters}`);
    const meters = walkDistance(ctx, leg.from, leg.to);
    if (leg.distanceMeters !== meters)
      found.push(`${where} says ${leg.distanceMeters} m, the walk is ${meters} m`);
    const between = i > 0 && next !== undefined && isRide(legs[i - 1]!) && isRide(next);
    const seconds = Math.ceil(meters / q.walkSpeed);
    if (!between && leg.arrival - leg.departure !== seconds)
      found.push(`${where} takes ${leg.arrival - leg.departure} s, not ${seconds} s`);
  });
  return found;
}

function samePlace(a: PlacePoint, b: PlacePoint): boolean {
  return haversine(a.lat, a.lon, b.lat, b.lon) < 1;
}

/** Rule 7: each PARK leg's lot is open, not closed or full for it, over the window DESIGN.md §4 defines, and says so. */
function parkingProblems(ctx: CheckContext, q: PlanQuery, it: Itinerary): string[] {
  const found: string[] = [];
  for (const leg of it.legs) {
    if (leg.mode !== 'PARK') continue;
    const p = leg.parking;
    const f = ctx.facilities.get(p.facilityId);
    if (!f) {
      found.push(`parks at unknown facility ${p.facilityId}`);
      continue;
    }
    const lot = `${f.id} (${f.hours.osm})`;
    const atLot = leg.departure;
    const closes = nextClosing(f.hours, f.timezone, atLot);
    if (closes === undefined) found.push(`${lot} is closed at ${clock(ctx, atLot)}, the arrival`);
    const end = q.parkingUntil ?? Math.min(closes ?? atLot, endOfLocalDay(f.timezone, atLot));
    if (p.startsAt !== atLot)
      found.push(
        `${lot}: window starts ${clock(ctx, p.startsAt)}, not at the arrival ${clock(ctx, atLot)}`,
      );
    if (p.endsAt !== end)
      found.push(`${lot}: window ends ${clock(ctx, p.endsAt)}, expected ${clock(ctx, end)}`);
    if (end <= atLot)
      found.push(`${lot}: arrives ${clock(ctx, atLot)}, after parkingUntil ${clock(ctx, end)}`);
    else if (closes !== undefined && !openThroughout(f.hours, f.timezone, atLot, end))
      found.push(
        `${lot} closes ${clock(ctx, closes)}, inside the window ${clock(ctx, atLot)}–${clock(ctx, end)}`,
      );
    const r = f.report;
    const fresh = r !== null && ctx.nowSec - r.observedAtSec <= ctx.staleSeconds;
    if (fresh && r.status === 'CLOSED') found.push(`${lot} is reported CLOSED (fresh)`);
    const driveUp = fresh && r.status === 'OPEN' && r.availableSpaces > 0;
    if (f.reservableSpaces === 0 && !driveUp) {
      const why = fresh ? `reported ${r.status} with ${r.availableSpaces} free` : 'no fresh report';
      found.push(`${lot}: no reservable space and ${why}`);
    }
    found.push(...parkingFields(ctx, leg, fresh ? r.status : 'UNKNOWN', closes));
  }
  return found;
}

/** The new LegParking fields: `status` as the fresh report says (else UNKNOWN), `closesAt` the next closing (null for never). */
function parkingFields(
  ctx: CheckContext,
  leg: ParkLeg,
  status: string,
  closes: number | undefined,
): string[] {
  const found: string[] = [];
  const p = leg.parking as unknown as Record<string, unknown>;
  if (!('status' in p)) found.push('LegParking has no `status` field (issue 12)');
  else if (p.status !== status)
    found.push(`LegParking.status ${String(p.status)}, expected ${status}`);
  const expected = closes === undefined || closes === Infinity ? null : closes;
  if (!('closesAt' in p)) found.push('LegParking has no `closesAt` field (issue 12)');
  else if ((p.closesAt ?? null) !== expected)
    found.push(
      `LegParking.closesAt ${String(p.closesAt)}, expected ${expected === null ? 'null' : clock(ctx, expected)}`,
    );
  return found;
}

/** The comparable figures of an itinerary. */
interface Figures {
  departure: number;
  arrival: number;
  walkMeters: number;
  transfers: number;
  driveSeconds: number;
}

function figuresOf(it: Itinerary): Figures {
  const rides = it.legs.filter(isRide).length;
  const drive = it.legs.reduce((s, l) => s + (l.mode === 'CAR' ? l.arrival - l.departure : 0), 0);
  return {
    departure: it.legs[0]?.departure ?? it.departure,
    arrival: it.legs[it.legs.length - 1]?.arrival ?? it.arrival,
    walkMeters: it.legs.reduce((s, l) => s + (l.mode === 'WALK' ? l.distanceMeters : 0), 0),
    transfers: Math.max(0, rides - 1),
    driveSeconds: drive,
  };
}

/**
 * `a` dominates `b`: leaves no earlier, arrives no later, walks no more, changes no more (and
 * drives no more, so a drive is never preferred to not driving), strictly better in one.
 */
export function dominates(a: Figures, b: Figures): boolean {
  const noWorse =
    a.departure >= b.departure &&
    a.arrival <= b.arrival &&
    a.walkMeters <= b.walkMeters &&
    a.transfers <= b.transfers &&
    a.driveSeconds <= b.driveSeconds;
  const better =
    a.departure > b.departure ||
    a.arrival < b.arrival ||
    a.walkMeters < b.walkMeters ||
    a.transfers < b.transfers ||
    a.driveSeconds < b.driveSeconds;
  return noWorse && better;
}

/** The direct walk of a query when WALK is allowed and it is within maxWalkMeters (DESIGN.md §4). */
export function expectedDirectWalk(ctx: CheckContext, q: PlanQuery): Figures | undefined {
  if (q.accessModes && !q.accessModes.has('WALK')) return undefined;
  const meters = walkDistance(ctx, q.from, q.to);
  if (meters > q.maxWalkMeters) return undefined;
  const seconds = Math.ceil(meters / q.walkSpeed);
  const departure = q.arriveBy ? q.time - seconds : q.time;
  return {
    departure,
    arrival: departure + seconds,
    walkMeters: meters,
    transfers: 0,
    driveSeconds: 0,
  };
}

const isDirectWalk = (it: Itinerary) => it.legs.length === 1 && it.legs[0]!.mode === 'WALK';

/**
 * The direct walk as it compares with `b`: the rider may start walking whenever they like, so it
 * leaves when `b` leaves (departAt), or as late as still arrives in time (arriveBy).
 */
function walkAlongside(walk: Figures, q: PlanQuery, b: Figures): Figures {
  const seconds = walk.arrival - walk.departure;
  const departure = q.arriveBy
    ? Math.min(b.departure, q.time - seconds)
    : Math.max(b.departure, q.time);
  return { ...walk, departure, arrival: departure + seconds };
}

/** Rule 2: no returned itinerary is dominated by another one or by the direct walk. */
function dominance(ctx: CheckContext, q: PlanQuery, its: Itinerary[]): string[] {
  const found: string[] = [];
  const figs = its.map(figuresOf);
  const walk = expectedDirectWalk(ctx, q);
  figs.forEach((b, j) => {
    const by = figs.findIndex((a, i) => i !== j && dominates(a, b));
    const alongside = walk && walkAlongside(walk, q, b);
    if (by >= 0)
      found.push(`#${j} ${describe(ctx, b)} is dominated by #${by} ${describe(ctx, figs[by]!)}`);
    else if (alongside && !isDirectWalk(its[j]!) && dominates(alongside, b))
      found.push(
        `#${j} ${describe(ctx, b)} is dominated by the direct walk ${describe(ctx, alongside)}`,
      );
  });
  return found;
}

/** Rule 3: the direct walk is there, honestly measured, unless a returned itinerary dominates it. */
function directWalkProblems(ctx: CheckContext, q: PlanQuery, its: Itinerary[]): string[] {
  const walk = expectedDirectWalk(ctx, q);
  const returned = its.filter(isDirectWalk);
  if (!walk) {
    return returned.length > 0 && (!q.accessModes || q.accessModes.has('WALK'))
      ? [
          `a ${returned[0]!.walkMeters} m direct walk is returned beyond maxWalkMeters ${q.maxWalkMeters}`,
        ]
      : [];
  }
  const found: string[] = [];
  const shown = returned[0];
  if (shown && (shown.walkMeters !== walk.walkMeters || shown.arrival !== walk.arrival))
    found.push(
      `direct walk shown as ${describe(ctx, figuresOf(shown))}, expected ${describe(ctx, walk)}`,
    );
  const beaten = its.some((it) => !isDirectWalk(it) && dominates(figuresOf(it), walk));
  if (!shown && !beaten)
    found.push(`the ${walk.walkMeters} m direct walk ${describe(ctx, walk)} is missing`);
  return found;
}

/** Rule 4: under 50 m apart, say SAME_ORIGIN_AND_DESTINATION and ride nothing; never say it otherwise. */
function sameOriginProblems(q: PlanQuery, result: PlanResult): string[] {
  const meters = haversine(q.from.lat, q.from.lon, q.to.lat, q.to.lon);
  const said = result.messages.some((m) => m.code === 'SAME_ORIGIN_AND_DESTINATION');
  const riding = result.itineraries.filter((it) => it.legs.some(isRide)).length;
  if (meters >= SAME_PLACE_METERS)
    return said ? [`SAME_ORIGIN_AND_DESTINATION for places ${Math.round(meters)} m apart`] : [];
  const found: string[] = [];
  if (!said) found.push(`${meters.toFixed(1)} m apart without SAME_ORIGIN_AND_DESTINATION`);
  if (riding > 0)
    found.push(`${meters.toFixed(1)} m apart, yet ${riding} itineraries ride transit`);
  return found;
}

function clock(ctx: CheckContext, t: number): string {
  if (!Number.isFinite(t)) return String(t);
  return new Date(t * 1000).toLocaleTimeString('en-GB', { timeZone: ctx.timezone, hour12: false });
}

function describe(ctx: CheckContext, f: Figures): string {
  const drive = f.driveSeconds > 0 ? `, drive ${f.driveSeconds} s` : '';
  return `[${clock(ctx, f.departure)}→${clock(ctx, f.arrival)}, walk ${f.walkMeters} m, ${f.transfers} changes${drive}]`;
}
