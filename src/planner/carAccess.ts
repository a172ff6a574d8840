import { haversineMeters, walkMeters, walkSeconds } from '../transit/geo.js';
import type { Network } from '../transit/network.js';
import { localDayOf, serviceDayStart, type UnixSeconds } from '../transit/time.js';
import { walkableStops, type StopWalk } from './access.js';
import type { CarLeg, Itinerary, Leg, ParkLeg, WalkLeg } from './itinerary.js';
import { plannedParking, usable, type ParkingProvider } from './parkingProvider.js';
import type { PlacePoint, PlanQuery } from './query.js';
import type { StreetRouter } from './streetRouter.js';

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
/** A facility closer to the destination than this share of the whole distance is "driving almost all the way". */
const MIN_TRANSIT_SHARE = 0.25;

/** End of the parking window: `parkingUntil`, else the end of the local day of the arrival at the lot. */
export function parkingWindowEnd(
  net: Network,
  q: PlanQuery,
  arrivalAtLot: UnixSeconds,
): UnixSeconds {
  if (q.parkingUntil !== undefined) return q.parkingUntil;
  const tz = net.primaryTimezone;
  return serviceDayStart(tz, localDayOf(arrivalAtLot, tz) + 1);
}

function startingNow(q: PlanQuery, car: CarContext): boolean {
  return Math.abs(q.time - car.nowSec) <= STARTING_NOW_SECONDS;
}

/**
 * CAR_PARK access: drive to each usable facility near the origin, park, walk to the stops
 * around it. Skips lots within walking distance of the origin (walking to the stop is as good)
 * and lots close to the destination (driving almost all the way). Best facility per stop.
 */
export function carParkAccess(net: Network, q: PlanQuery, car: CarContext): Map<number, StopWalk> {
  const access = new Map<number, StopWalk>();
  const whole = haversineMeters(q.from.lat, q.from.lon, q.to.lat, q.to.lon);
  const facilities = car.parking
    .facilitiesNear(q.from.lat, q.from.lon, car.maxDriveMeters)
    .slice(0, car.maxFacilities);
  for (const f of facilities) {
    if (walkMeters(q.from.lat, q.from.lon, f.lat, f.lon, net.tt.walkCircuity) <= q.maxWalkMeters)
      continue;
    if (haversineMeters(f.lat, f.lon, q.to.lat, q.to.lon) < MIN_TRANSIT_SHARE * whole) continue;
    const drive = car.router.drive(q.from, f);
    if (!drive) continue;
    const atLot = q.time + drive.seconds;
    const offer = car.parking.availabilityFor(f.id, atLot, parkingWindowEnd(net, q, atLot));
    if (!offer || !usable(offer, startingNow(q, car))) continue;
    const stale = offer.live === null || offer.live.stale;
    // Stale availability ranks lower: a minute's penalty against otherwise equal lots.
    const penalty = stale && offer.reservableLeft === 0 ? 60 : 0;
    for (const w of walkableStops(net, { lat: f.lat, lon: f.lon }, q.maxWalkMeters, q.walkSpeed)) {
      const seconds = drive.seconds + car.parkSeconds + w.seconds + penalty;
      const best = access.get(w.stop);
      if (best && best.seconds <= seconds) continue;
      access.set(w.stop, {
        stop: w.stop,
        meters: w.meters,
        seconds,
        car: {
          facility: f,
          driveSeconds: drive.seconds,
          driveMeters: drive.meters,
          parkSeconds: car.parkSeconds + penalty,
          walkSeconds: w.seconds,
        },
      });
    }
  }
  return access;
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
    const endsAt = parkingWindowEnd(net, q, leg.departure);
    const offer = car.parking.availabilityFor(p.facilityId, leg.departure, endsAt);
    if (!offer || !usable(offer, startingNow(q, car))) return false;
    leg.parking = plannedParking(
      { id: p.facilityId, name: p.name, lat: p.lat, lon: p.lon },
      offer,
      leg.departure,
      endsAt,
    );
  }
  return true;
}

/** CAR: drive to the usable facility near the destination that arrives first, park, walk the rest. */
export function carOnlyItinerary(
  net: Network,
  q: PlanQuery,
  car: CarContext,
): Itinerary | undefined {
  const tt = net.tt;
  let best: Itinerary | undefined;
  const radius = q.maxWalkMeters / tt.walkCircuity;
  for (const f of car.parking
    .facilitiesNear(q.to.lat, q.to.lon, radius)
    .slice(0, car.maxFacilities)) {
    const walk = walkMeters(f.lat, f.lon, q.to.lat, q.to.lon, tt.walkCircuity);
    if (walk > q.maxWalkMeters) continue;
    const drive = car.router.drive(q.from, f);
    if (!drive) continue;
    const atLot = q.time + drive.seconds;
    const endsAt = parkingWindowEnd(net, q, atLot);
    const offer = car.parking.availabilityFor(f.id, atLot, endsAt);
    if (!offer || !usable(offer, startingNow(q, car))) continue;
    const parked = atLot + car.parkSeconds;
    const arrival = parked + walkSeconds(walk, q.walkSpeed);
    if (best && best.arrival <= arrival) continue;
    const lot: PlacePoint = { lat: f.lat, lon: f.lon, name: f.name };
    best = {
      departure: q.time,
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
          departure: q.time,
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
          parking: plannedParking(f, offer, atLot, endsAt),
        },
        { mode: 'WALK', from: lot, to: q.to, departure: parked, arrival, distanceMeters: walk },
      ],
    };
  }
  return best;
}
