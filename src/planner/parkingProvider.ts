/**
 * How the planner sees parking (DESIGN.md §1): facilities near a point and what they offer for a
 * window. `src/parking/forPlanner.ts` implements it; the planner never imports the parking module.
 */
export interface ParkingProvider {
  /** Facilities within `radiusMeters` (straight line) of a point, nearest first. */
  facilitiesNear(
    lat: number,
    lon: number,
    radiusMeters: number,
  ): { id: string; name: string; lat: number; lon: number }[];
  /** What a facility offers for `[startsAtSec, endsAtSec)`; undefined for an unknown facility. */
  availabilityFor(
    facilityId: string,
    startsAtSec: number,
    endsAtSec: number,
  ): FacilityOffer | undefined;
}

/** A facility's offer for a window. */
export interface FacilityOffer {
  /** Open for the whole window. */
  open: boolean;
  /** Spaces still reservable over the whole window. */
  reservableLeft: number;
  /** The latest drive-up report; null when none. */
  live: { availableSpaces: number | null; status: string; stale: boolean } | null;
  price: { amount: number; currency: string };
}

/** The parking of a PARK leg, as planned. */
export interface PlannedParking {
  facilityId: string;
  name: string;
  lat: number;
  lon: number;
  /** The window the space is needed for, Unix seconds. */
  startsAt: number;
  endsAt: number;
  /** Live free drive-up spaces; null when unknown or stale. */
  availableSpaces: number | null;
  stale: boolean;
  /** A space can be reserved for the window (bookJourney will reserve it). */
  reservable: boolean;
  price: { amount: number; currency: string };
}

/** True when the facility can take the car: open, and reservable space or fresh live space when starting now. */
export function usable(offer: FacilityOffer, startingNow: boolean): boolean {
  if (!offer.open) return false;
  if (offer.reservableLeft > 0) return true;
  const live = offer.live;
  return (
    startingNow &&
    live !== null &&
    !live.stale &&
    live.status !== 'CLOSED' &&
    live.status !== 'FULL' &&
    (live.availableSpaces ?? 0) > 0
  );
}

/** The parking a leg shows, from the offer. */
export function plannedParking(
  facility: { id: string; name: string; lat: number; lon: number },
  offer: FacilityOffer,
  startsAt: number,
  endsAt: number,
): PlannedParking {
  const stale = offer.live === null || offer.live.stale;
  return {
    facilityId: facility.id,
    name: facility.name,
    lat: facility.lat,
    lon: facility.lon,
    startsAt,
    endsAt,
    availableSpaces: stale ? null : (offer.live?.availableSpaces ?? null),
    stale,
    reservable: offer.reservableLeft > 0,
    price: offer.price,
  };
}
