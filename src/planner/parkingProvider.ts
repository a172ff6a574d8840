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
  /**
   * The open interval of a facility that contains `atSec`, or else the first that starts before
   * `horizonSec`; `closesAt` undefined when open past the horizon; undefined when closed until then.
   */
  openInterval(
    facilityId: string,
    atSec: number,
    horizonSec: number,
  ): { opensAt: number; closesAt: number | undefined } | undefined;
}

/** Live status of a facility as a PARK leg shows it (`UNKNOWN` when never reported or stale). */
export type LotStatus = 'OPEN' | 'CLOSED' | 'FULL' | 'UNKNOWN';

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
  /** The latest fresh live status; UNKNOWN when never reported or stale. */
  status: LotStatus;
  /** When the facility next closes after the window starts; null when it stays open for a week and more. */
  closesAt: number | null;
}

/**
 * True when the facility can take the car (DESIGN.md §4): open for the window, not reported CLOSED
 * by a fresh report, and reservable space, or fresh live space when starting now (FULL excludes
 * drive-up only).
 */
export function usable(offer: FacilityOffer, startingNow: boolean): boolean {
  if (!offer.open) return false;
  const live = offer.live;
  if (live !== null && !live.stale && live.status === 'CLOSED') return false;
  if (offer.reservableLeft > 0) return true;
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
  closesAt: number | null,
): PlannedParking {
  const stale = offer.live === null || offer.live.stale;
  const status = stale ? 'UNKNOWN' : (offer.live?.status ?? 'UNKNOWN');
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
    status: status === 'OPEN' || status === 'CLOSED' || status === 'FULL' ? status : 'UNKNOWN',
    closesAt,
  };
}
