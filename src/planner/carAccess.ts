import type { StreetNetwork } from '../streets/index.js';
import { haversineMeters, walkSeconds } from '../transit/geo.js';
import type { Network } from '../transit/network.js';
import { localDayOf, serviceDayStart, type UnixSeconds } from '../transit/time.js';
import { readyAt, walkableStops, type StopWalk } from './access.js';
import type { CarLeg, Itinerary, Leg, ParkLeg, WalkLeg } from './itinerary.js';
import { plannedParking, usable, type ParkingProvider } from './parkingProvider.js';
import type { PlacePoint, PlanQuery } from './query.js';
import type { DriveResult, StreetRouter } from './streetRouter.js';
import { walkMetersBetween } from './walking.js';

/** What CAR and CAR_PARK planning needs besides the query. */
export interface CarContext {
  router: StreetRouter;
  parking: ParkingProvider;
  /** Time to park and walk out of a facility, seconds (`PARK_SECONDS`, default 300). */
  parkSeconds: number;
  /** Facilities farther than this from the origin (straight line) are not driven to, metres; default 30,000. */
  maxDriveMeters: number;
  /** At most this many facilities are tried, nearest first; default 50. */
  maxFacilities: number;
  /** The current time: a trip leaving within 15 minutes of it may use live drive-up spaces. */
  nowSec: UnixSeconds;
}

const STARTING_NOW_SECONDS = 15 * 60;
/** How far past the window a lot's next closing is looked for (a week); beyond it, "open". */
const CLOSING_LOOKAHEAD_SECONDS = 7 * 24 * 3600;
/** A facility closer to the destination than this share of the whole distance is "driving almost all the way". */
const MIN_TRANSIT_SHARE = 0.25;

/** The parking window at a lot: when parking starts, ends, and when the lot next closes. */
export interface LotWindow {
  /** Arrival at the lot, or its opening when that is later (the rider waits for it). */
  startsAt: UnixSeconds;
  endsAt: UnixSeconds;
  /** When the lot next closes after `startsAt`; null when it stays open for a week and more. */
  closesAt: UnixSeconds | null;
}

/** A lot passed over because it closes before `parkingUntil`. */
export interface ClosesEarly {
  name: string;
  closesAt: UnixSeconds;
}

function endOfLocalDay(net: Network, t: UnixSeconds): UnixSeconds {
  const tz = net.primaryTimezone;
  return serviceDayStart(tz, localDayOf(t, tz) + 1);
}

/**
 * The parking window at facility `facilityId` reached at `atLot` (DESIGN.md §4): the rider may
 * wait for the lot to open (until the end of the local day); with `parkingUntil` the lot must stay
 * open until then (else `closesEarly`), without it the window ends when the lot next closes or at
 * the end of the local day, whichever is first. Undefined when the lot does not open in time.
 */
export function lotWindow(
  net: Network,
  q: PlanQuery,
  parking: ParkingProvider,
  facilityId: string,
  atLot: UnixSeconds,
): LotWindow | { closesEarly: UnixSeconds } | undefined {
  const dayEnd = endOfLocalDay(net, atLot);
  // Looked up a week ahead, so a lot open past midnight shows when it really closes.
  const horizon = Math.max(dayEnd, q.parkingUntil ?? 0) + CLOSING_LOOKAHEAD_SECONDS;
  const open = parking.openInterval(facilityId, atLot, horizon);
  if (!open || open.opensAt >= dayEnd) return undefined;
  const startsAt = Math.max(atLot, open.opensAt);
  const closesAt = open.closesAt ?? null;
  if (q.parkingUntil !== undefined) {
    if (q.parkingUntil <= startsAt) return undefined;
    if (closesAt !== null && closesAt < q.parkingUntil) return { closesEarly: closesAt };
    return { startsAt, endsAt: q.parkingUntil, closesAt: closesAt ?? null };
  }
  const endsAt = Math.min(closesAt ?? dayEnd, endOfLocalDay(net, startsAt));
  if (endsAt <= startsAt) return undefined;
  return { startsAt, endsAt, closesAt };
}

/** Drives from `from` to each facility: one search when the router offers it. */
function drivesTo(
  router: StreetRouter,
  from: PlacePoint,
  facilities: readonly { lat: number; lon: number }[],
): (DriveResult | undefined)[] {
  if (router.driveToMany) return router.driveToMany(from, facilities);
  return facilities.map((f) => router.drive(from, f));
}

function startingNow(q: PlanQuery, car: CarContext): boolean {
  return Math.abs(q.time - car.nowSec) <= STARTING_NOW_SECONDS;
}

/** CAR_PARK access to transit: the stops reached through a lot, and the lots that close too early. */
export interface CarParkAccess {
  access: Map<number, StopWalk>;
  closesEarly: ClosesEarly[];
}

/**
 * CAR_PARK access: drive to each usable facility near the origin, park (waiting for it to open
 * when it opens later), walk to the stops around it. Skips lots within walking distance of the
 * origin (walking to the stop is as good) and lots close to the destination (driving almost all
 * the way). Best facility per stop.
 */
export function carParkAccess(
  net: Network,
  q: PlanQuery,
  car: CarContext,
  streets?: StreetNetwork,
): CarParkAccess {
  const access = new Map<number, StopWalk>();
  const closesEarly: ClosesEarly[] = [];
  const whole = haversineMeters(q.from.lat, q.from.lon, q.to.lat, q.to.lon);
  const facilities = car.parking
    .facilitiesNear(q.from.lat, q.from.lon, car.maxDriveMeters)
    .slice(0, car.maxFacilities);
  const drives = drivesTo(car.router, q.from, facilities);
  for (const [i, f] of facilities.entries()) {
    const walk = walkMetersBetween(streets, net.tt.walkCircuity, q.from, f, q.maxWalkMeters);
    if (walk <= q.maxWalkMeters) continue;
    if (haversineMeters(f.lat, f.lon, q.to.lat, q.to.lon) < MIN_TRANSIT_SHARE * whole) continue;
    const drive = drives[i];
    if (!drive) continue;
    const window = lotWindow(net, q, car.parking, f.id, q.time + drive.seconds);
    if (!window) continue;
    if ('closesEarly' in window) {
      closesEarly.push({ name: f.name, closesAt: window.closesEarly });
      continue;
    }
    const offer = car.parking.availabilityFor(f.id, window.startsAt, window.endsAt);
    if (!offer || !usable(offer, startingNow(q, car))) continue;
    const stale = offer.live === null || offer.live.stale;
    // Stale availability ranks lower: a minute's penalty against otherwise equal lots.
    const parkSeconds = car.parkSeconds + (stale && offer.reservableLeft === 0 ? 60 : 0);
    const waits = window.startsAt > q.time + drive.seconds;
    const lot = { lat: f.lat, lon: f.lon };
    for (const w of walkableStops(net, lot, q.maxWalkMeters, q.walkSpeed, streets)) {
      const seconds = drive.seconds + parkSeconds + w.seconds;
      const earliestReady = waits ? window.startsAt + parkSeconds + w.seconds : undefined;
      const best = access.get(w.stop);
      if (best && readyAt(best, q.time) <= Math.max(q.time + seconds, earliestReady ?? 0)) continue;
      access.set(w.stop, {
        stop: w.stop,
        meters: w.meters,
        seconds,
        earliestReady,
        car: {
          facility: f,
          opensAt: waits ? window.startsAt : undefined,
          driveSeconds: drive.seconds,
          driveMeters: drive.meters,
          parkSeconds,
          walkSeconds: w.seconds,
        },
      });
    }
  }
  return { access, closesEarly };
}

/** The CAR, PARK and WALK legs of a CAR_PARK access that reaches `boardStop` just in time for `boardDeparture`. */
export function carAccessLegs(
  net: Network,
  from: PlacePoint,
  boardStop: number,
  access: StopWalk,
  boardDeparture: UnixSeconds,
): Leg[] {
  const c = access.car!;
  const tt = net.tt;
  // Leave just in time: after any wait for the lot to open (the search boarded no earlier).
  const start = boardDeparture - access.seconds;
  const lot: PlacePoint = { lat: c.facility.lat, lon: c.facility.lon, name: c.facility.name };
  const atLot = start + c.driveSeconds;
  const parked = atLot + c.parkSeconds;
  const legs: Leg[] = [
    {
      mode: 'CAR',
      from,
      to: lot,
      departure: start,
      arrival: atLot,
      distanceMeters: c.driveMeters,
    } satisfies CarLeg,
    {
      mode: 'PARK',
      from: lot,
      to: lot,
      departure: atLot,
      arrival: parked,
      distanceMeters: 0,
      // Filled with the facility's offer for the final window by `refreshParking`.
      parking: {
        facilityId: c.facility.id,
        name: c.facility.name,
        lat: lot.lat,
        lon: lot.lon,
        startsAt: atLot,
        endsAt: atLot,
        availableSpaces: null,
        stale: true,
        reservable: false,
        price: { amount: 0, currency: 'USD' },
        status: 'UNKNOWN',
        closesAt: null,
      },
    } satisfies ParkLeg,
  ];
  if (access.meters > 0) {
    legs.push({
      mode: 'WALK',
      from: lot,
      to: {
        lat: tt.stopLat[boardStop]!,
        lon: tt.stopLon[boardStop]!,
        stop: boardStop,
        name: tt.stopNames[boardStop]!,
      },
      departure: parked,
      arrival: parked + c.walkSeconds,
      distanceMeters: access.meters,
    } satisfies WalkLeg);
  }
  return legs;
}

/** Sets each PARK leg's parking to the facility's offer for its final window; false when one no longer fits. */
export function refreshParking(
  net: Network,
  q: PlanQuery,
  it: Itinerary,
  car: CarContext,
): boolean {
  for (const leg of it.legs) {
    if (leg.mode !== 'PARK') continue;
    const p = leg.parking;
    const window = lotWindow(net, q, car.parking, p.facilityId, leg.departure);
    if (!window || 'closesEarly' in window || window.startsAt > leg.departure) return false;
    const offer = car.parking.availabilityFor(p.facilityId, window.startsAt, window.endsAt);
    if (!offer || !usable(offer, startingNow(q, car))) return false;
    leg.parking = plannedParking(
      { id: p.facilityId, name: p.name, lat: p.lat, lon: p.lon },
      offer,
      window.startsAt,
      window.endsAt,
      window.closesAt,
    );
  }
  return true;
}

/** CAR: drive to the usable facility near the destination that arrives first, park, walk the rest. */
export function carOnlyItinerary(
  net: Network,
  q: PlanQuery,
  car: CarContext,
  streets?: StreetNetwork,
): Itinerary | undefined {
  const tt = net.tt;
  let best: Itinerary | undefined;
  // Along streets a walk is never shorter than the straight line.
  const radius = q.maxWalkMeters / (streets?.graphFor(q.to) ? 1 : tt.walkCircuity);
  const facilities = car.parking
    .facilitiesNear(q.to.lat, q.to.lon, radius)
    .slice(0, car.maxFacilities);
  const drives = drivesTo(car.router, q.from, facilities);
  for (const [i, f] of facilities.entries()) {
    const walk = walkMetersBetween(streets, tt.walkCircuity, f, q.to, q.maxWalkMeters);
    if (walk > q.maxWalkMeters) continue;
    const drive = drives[i];
    if (!drive) continue;
    const window = lotWindow(net, q, car.parking, f.id, q.time + drive.seconds);
    if (!window || 'closesEarly' in window) continue;
    const offer = car.parking.availabilityFor(f.id, window.startsAt, window.endsAt);
    if (!offer || !usable(offer, startingNow(q, car))) continue;
    // Leave later rather than wait at a lot that opens later.
    const atLot = window.startsAt;
    const leave = atLot - drive.seconds;
    const parked = atLot + car.parkSeconds;
    const arrival = parked + walkSeconds(walk, q.walkSpeed);
    if (best && best.arrival <= arrival) continue;
    const lot: PlacePoint = { lat: f.lat, lon: f.lon, name: f.name };
    best = {
      departure: leave,
      arrival,
      transfers: 0,
      walkMeters: walk,
      driveSeconds: drive.seconds,
      signature: `car-only:${f.id}`,
      legs: [
        {
          mode: 'CAR',
          from: q.from,
          to: lot,
          departure: leave,
          arrival: atLot,
          distanceMeters: drive.meters,
        },
        {
          mode: 'PARK',
          from: lot,
          to: lot,
          departure: atLot,
          arrival: parked,
          distanceMeters: 0,
          parking: plannedParking(f, offer, window.startsAt, window.endsAt, window.closesAt),
        },
        { mode: 'WALK', from: lot, to: q.to, departure: parked, arrival, distanceMeters: walk },
      ],
    };
  }
  return best;
}
