import { toMajor } from './money.js';
import { openIntervalFrom } from './openingHours.js';
import type { ParkingService } from './ParkingService.js';
import type { Facility } from './records.js';
import type { LiveAvailability } from './types.js';
import type { ParkingKind, ParkingStatus } from './types.js';

/** A facility as the planner sees it: plain data, no storage types. */
export interface FacilitySummary {
  /** API id, `"<operatorId>:<ownId>"`. */
  id: string;
  name: string;
  lat: number;
  lon: number;
  kind: ParkingKind;
  totalSpaces: number;
  reservableSpaces: number;
  /** Straight-line distance from the query point, whole metres. */
  distanceMeters: number;
}

/** What a facility offers for a window, for routing decisions. */
export interface PlannerAvailability {
  /** Open for the whole window. */
  open: boolean;
  /** Spaces still reservable over the whole window. */
  reservableLeft: number;
  /** Latest drive-up report; null when the facility never reported. Stale reports have no count. */
  live: { availableSpaces: number | null; status: ParkingStatus; stale: boolean } | null;
  /** Price of the window in major units (12.5) of `currency`. */
  price: { amount: number; currency: string };
}

/** The small interface through which the planner sees parking (DESIGN.md §1). */
export interface ParkingForPlanner {
  /** Facilities within `radiusMeters` of a point, nearest first. */
  facilitiesNear(lat: number, lon: number, radiusMeters: number): FacilitySummary[];
  /** Availability of a facility for `[startsAtSec, endsAtSec)` (Unix seconds); undefined for an unknown facility. */
  availabilityFor(
    facilityId: string,
    startsAtSec: number,
    endsAtSec: number,
  ): PlannerAvailability | undefined;
  /**
   * The open interval of a facility that contains `atSec`, or else the first that starts before
   * `horizonSec` (Unix seconds); `closesAt` undefined when open past the horizon. Undefined when
   * the facility is unknown or stays closed until the horizon.
   */
  openInterval(
    facilityId: string,
    atSec: number,
    horizonSec: number,
  ): { opensAt: number; closesAt: number | undefined } | undefined;
}

/**
 * Adapts the parking service's synchronous view (`ParkingReads`) to the planner's interface. A
 * plan asks `facilitiesNear` once and
 * then `availabilityFor` for each of those facilities: the facilities and their live reports are
 * read in one go and reused for those calls (plans run synchronously, so nothing changes between).
 */
export function parkingForPlanner(parking: ParkingService): ParkingForPlanner {
  const view = parking.view;
  let recent = new Map<string, { facility: Facility; live: LiveAvailability | null }>();
  // Reused only briefly: the calls of one plan, never a later request's.
  let recentUntil = 0;
  const facilityOf = (id: string): Facility | undefined =>
    (performance.now() < recentUntil ? recent.get(id)?.facility : undefined) ?? view.facility(id);
  return {
    openInterval: (facilityId, atSec, horizonSec) => {
      const facility = facilityOf(facilityId);
      if (!facility) return undefined;
      const open = openIntervalFrom(
        facility.openingHours,
        facility.timezone,
        atSec * 1000,
        horizonSec * 1000,
      );
      if (!open) return undefined;
      return {
        opensAt: Math.ceil(open.opensAtMs / 1000),
        closesAt: open.closesAtMs === undefined ? undefined : Math.floor(open.closesAtMs / 1000),
      };
    },
    facilitiesNear: (lat, lon, radiusMeters) => {
      const near = view.facilitiesNear(lat, lon, radiusMeters);
      const live = view.liveMany(near.map((n) => n.facility.id));
      recent = new Map(
        near.map(({ facility }) => [
          facility.id,
          { facility, live: live.get(facility.id) ?? null },
        ]),
      );
      recentUntil = performance.now() + 1000;
      return near.map(({ facility: f, distanceMeters }) => ({
        id: f.id,
        name: f.name,
        lat: f.lat,
        lon: f.lon,
        kind: f.kind,
        totalSpaces: f.totalSpaces,
        reservableSpaces: f.reservableSpaces,
        distanceMeters,
      }));
    },
    availabilityFor: (facilityId, startsAtSec, endsAtSec) => {
      const cached = performance.now() < recentUntil ? recent.get(facilityId) : undefined;
      const facility = cached?.facility ?? view.facility(facilityId);
      if (!facility || endsAtSec <= startsAtSec) return undefined;
      const offer = view.offer(facility, {
        startMs: startsAtSec * 1000,
        endMs: endsAtSec * 1000,
      });
      const live = cached ? cached.live : (view.liveMany([facilityId]).get(facilityId) ?? null);
      return {
        open: offer.open,
        reservableLeft: offer.reservableLeft,
        live: live && {
          availableSpaces: live.availableSpaces,
          status: live.status,
          stale: live.stale,
        },
        price: { amount: toMajor(offer.priceMinor, offer.currency), currency: offer.currency },
      };
    },
  };
}
