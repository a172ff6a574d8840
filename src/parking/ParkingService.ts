import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { AppDb } from '../db/client.js';
import { BadInputError, ConflictError } from '../errors.js';
import { haversineMeters } from '../transit/geo.js';
import { applyReports } from './applyReports.js';
import {
  liveAvailability,
  MAX_REPORTS_PER_BATCH,
  type AvailabilityReport,
  type ReportResult,
} from './availability.js';
import { peakOverlap } from './capacity.js';
import { facilityRowOf, operatorOf, type FacilityInput } from './facilityInput.js';
import { GroupCommit } from './groupCommit.js';
import { windowOffer } from './offer.js';
import { latestAvailability } from './repo/availabilityRepo.js';
import {
  countFacilities,
  ensureOperator,
  facilitiesInBox,
  findFacility,
  saveFacility,
  type Facility,
} from './repo/facilityRepo.js';
import {
  activeWindows,
  completeEnded,
  expireHolds,
  facilityReservations,
  riderReservations,
  type PageAfter,
  type Reservation,
} from './repo/reservationRepo.js';
import { asOf, cancelIn, confirmIn, reserveIn, type ReserveRequest } from './reservations.js';
import type { LiveAvailability, TimeWindow, WindowOffer } from './types.js';

/** What the parking service needs. */
export interface ParkingDeps {
  db: AppDb;
  clock: Clock;
  logger: Logger;
  /** A HELD reservation expires after this many seconds (`HOLD_SECONDS`, default 600). */
  holdSeconds: number;
  /** Live availability older than this is shown as unknown, seconds (default 900). */
  availabilityStaleSeconds: number;
  /** Zone of new facilities that name none: the first feed's, else America/New_York. */
  defaultTimezone: () => string;
}

/** A facility with its straight-line distance from a query point, metres. */
export interface FacilityNear {
  facility: Facility;
  distanceMeters: number;
}

/** One page of a list and whether more follow. */
export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
}

const FAR_FUTURE_MS = 8.64e15;

/**
 * Parking facilities, live availability and reservations (DESIGN.md §5). Every write runs in one
 * synchronous IMMEDIATE transaction; time comes from the injected clock.
 */
export class ParkingService {
  private sweeper: NodeJS.Timeout | undefined;
  /** The process's group commit for hot writes (shared with journeys). */
  readonly commits: GroupCommit;

  constructor(private readonly deps: ParkingDeps) {
    this.commits = new GroupCommit(deps.db);
  }

  private now(): number {
    return this.deps.clock.nowMs();
  }

  /** Creates or updates a facility of `callerOperatorId` (undefined = admin, who names the operator). */
  upsertFacility(input: FacilityInput, callerOperatorId: string | undefined): Facility {
    const operatorId = operatorOf(input, callerOperatorId);
    const nowMs = this.now();
    return this.deps.db.transaction(
      (tx) => {
        const id = `${operatorId}:${input.ownId}`;
        const row = facilityRowOf(
          input,
          operatorId,
          findFacility(tx, id),
          new Date(nowMs),
          this.deps.defaultTimezone(),
        );
        const taken = peakOverlap(
          activeWindows(tx, id, { startMs: nowMs, endMs: FAR_FUTURE_MS }, new Date(nowMs)),
          { startMs: nowMs, endMs: FAR_FUTURE_MS },
        );
        if (taken > row.reservableSpaces) {
          throw new ConflictError(
            `reservableSpaces cannot go below ${taken}, the reservations already held at the busiest time`,
          );
        }
        ensureOperator(tx, operatorId, new Date(nowMs));
        return saveFacility(tx, row);
      },
      { behavior: 'immediate' },
    );
  }

  /** The facility with this API id, or undefined. */
  facility(id: string): Facility | undefined {
    return findFacility(this.deps.db, id);
  }

  /** Number of facilities stored. */
  facilityCount(): number {
    return countFacilities(this.deps.db);
  }

  /** Facilities within `radiusMeters` of a point, nearest first. */
  facilitiesNear(lat: number, lon: number, radiusMeters: number): FacilityNear[] {
    const dLat = radiusMeters / 111_320 + 1e-6;
    const dLon = dLat / Math.max(0.01, Math.cos((lat * Math.PI) / 180));
    return facilitiesInBox(this.deps.db, {
      minLat: lat - dLat,
      maxLat: lat + dLat,
      minLon: lon - dLon,
      maxLon: lon + dLon,
    })
      .map((facility) => ({
        facility,
        distanceMeters: Math.round(haversineMeters(lat, lon, facility.lat, facility.lon)),
      }))
      .filter((f) => f.distanceMeters <= radiusMeters)
      .sort(
        (a, b) => a.distanceMeters - b.distanceMeters || a.facility.id.localeCompare(b.facility.id),
      );
  }

  /** Live drive-up availability of a facility, or null when it never reported. */
  live(facilityId: string): LiveAvailability | null {
    const stored = latestAvailability(this.deps.db, [facilityId]).get(facilityId);
    return liveAvailability(stored, this.now(), this.deps.availabilityStaleSeconds);
  }

  /** Live drive-up availability of several facilities in one query (facilities that never reported are absent). */
  liveMany(facilityIds: readonly string[]): Map<string, LiveAvailability | null> {
    const stored = latestAvailability(this.deps.db, facilityIds);
    const now = this.now();
    return new Map(
      facilityIds.map((id) => [
        id,
        liveAvailability(stored.get(id), now, this.deps.availabilityStaleSeconds),
      ]),
    );
  }

  /** Open throughout, spaces left and price of a facility for a window. */
  offer(facility: Facility, window: TimeWindow): WindowOffer {
    return windowOffer(this.deps.db, facility, window, this.now());
  }

  /**
   * Applies a batch of reports of `callerOperatorId`'s facilities (undefined = admin): all or
   * nothing for bad input; reports not newer than the stored one are ignored and listed.
   */
  async reportAvailability(
    reports: readonly AvailabilityReport[],
    callerOperatorId: string | undefined,
  ): Promise<ReportResult> {
    if (reports.length > MAX_REPORTS_PER_BATCH)
      throw new BadInputError(`at most ${MAX_REPORTS_PER_BATCH} reports per batch`);
    const ctx = { operatorId: callerOperatorId, nowMs: this.now() };
    // Through the group commit: all or nothing in its own savepoint, sharing the fsync.
    return this.commits.run((tx) => applyReports(tx, reports, ctx));
  }

  /**
   * Reserves one space for a rider, or returns the first result of the same idempotency key.
   * Resolves once committed; requests arriving together share one transaction (group commit).
   */
  reserve(req: ReserveRequest): Promise<Reservation> {
    return this.commits.run((tx) =>
      reserveIn(tx, req, { nowMs: this.now(), holdSeconds: this.deps.holdSeconds }),
    );
  }

  /** Confirms a rider's HELD reservation. */
  confirm(riderId: string, id: string): Reservation {
    const nowMs = this.now();
    return this.deps.db.transaction((tx) => confirmIn(tx, riderId, id, nowMs), {
      behavior: 'immediate',
    });
  }

  /** Cancels a rider's reservation, freeing its space. */
  cancel(riderId: string, id: string): Reservation {
    const nowMs = this.now();
    return this.deps.db.transaction((tx) => cancelIn(tx, riderId, id, nowMs), {
      behavior: 'immediate',
    });
  }

  /** A rider's reservations, newest first. */
  riderReservations(riderId: string, first: number, after?: PageAfter): Page<Reservation> {
    return this.page(riderReservations(this.deps.db, riderId, first + 1, after), first);
  }

  /** A facility's reservations overlapping `window` (all when absent), by start time. */
  facilityReservations(
    facilityId: string,
    first: number,
    window?: TimeWindow,
    after?: PageAfter,
  ): Page<Reservation> {
    return this.page(
      facilityReservations(this.deps.db, facilityId, first + 1, window, after),
      first,
    );
  }

  private page(rows: Reservation[], first: number): Page<Reservation> {
    const nowMs = this.now();
    return {
      items: rows.slice(0, first).map((r) => asOf(r, nowMs)),
      hasNextPage: rows.length > first,
    };
  }

  /** Expires run-out holds and completes ended reservations; returns how many rows changed. */
  sweep(): number {
    const now = new Date(this.now());
    return this.deps.db.transaction((tx) => expireHolds(tx, now) + completeEnded(tx, now), {
      behavior: 'immediate',
    });
  }

  /** Starts the background sweeper every `intervalMs` (default 30 s); it never keeps the process alive. */
  start(intervalMs = 30_000): void {
    if (this.sweeper) return;
    this.sweeper = setInterval(() => {
      try {
        const changed = this.sweep();
        if (changed > 0) this.deps.logger.debug({ changed }, 'parking sweep');
      } catch (error) {
        this.deps.logger.error({ err: error }, 'parking sweep failed');
      }
    }, intervalMs);
    this.sweeper.unref();
  }

  /** Stops the sweeper. */
  stop(): void {
    clearInterval(this.sweeper);
    this.sweeper = undefined;
  }
}
