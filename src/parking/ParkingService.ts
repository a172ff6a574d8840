import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import { BadInputError, ConflictError } from '../errors.js';
import { planReports, reportedFacilityIds } from './applyReports.js';
import {
  liveAvailability,
  MAX_REPORTS_PER_BATCH,
  type AvailabilityReport,
  type ReportResult,
} from './availability.js';
import { peakOverlap } from './capacity.js';
import { facilityRowOf, operatorOf, type FacilityInput } from './facilityInput.js';
import { boxAround, nearestFirst, type FacilityNear } from './near.js';
import { windowOffer } from './offer.js';
import type { Facility, PageAfter, Reservation, StoredAvailability } from './records.js';
import type { ParkingReads, ParkingRepository } from './repository.js';
import { asOf, type ReserveRequest } from './reservations.js';
import type { LiveAvailability, TimeWindow, WindowOffer } from './types.js';

/** What the parking service needs. */
export interface ParkingDeps {
  repository: ParkingRepository;
  /** The synchronous reads the planner makes (`parkingForPlanner`). */
  reads: ParkingReads;
  clock: Clock;
  logger: Logger;
  /** A HELD reservation expires after this many seconds (`HOLD_SECONDS`, default 600). */
  holdSeconds: number;
  /** Live availability older than this is shown as unknown, seconds (default 900). */
  availabilityStaleSeconds: number;
  /** Zone of new facilities that name none: the first feed's, else America/New_York. */
  defaultTimezone: () => string;
}

/** One page of a list and whether more follow. */
export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
}

/** Parking as the planner reads it while it routes: synchronous, on `ParkingReads`. */
export interface SyncParkingView {
  /** Facilities within `radiusMeters` of a point, nearest first. */
  facilitiesNear(lat: number, lon: number, radiusMeters: number): FacilityNear[];
  /** Live drive-up availability of several facilities (null for those that never reported). */
  liveMany(facilityIds: readonly string[]): Map<string, LiveAvailability | null>;
  /** The facility with this API id, or undefined. */
  facility(id: string): Facility | undefined;
  /** Open throughout, spaces left and price of a facility for a window. */
  offer(facility: Facility, window: TimeWindow): WindowOffer;
}

const FAR_FUTURE_MS = 8.64e15;

/**
 * Parking facilities, live availability and reservations (DESIGN.md §5), on the parking
 * repository: every write is one of its units of work; time comes from the injected clock.
 */
export class ParkingService {
  private sweeper: NodeJS.Timeout | undefined;
  /** The planner's synchronous view. */
  readonly view: SyncParkingView;

  constructor(private readonly deps: ParkingDeps) {
    const { reads } = deps;
    this.view = {
      facilitiesNear: (lat, lon, radiusMeters) =>
        nearestFirst(
          reads.facilitiesInBox(boxAround(lat, lon, radiusMeters)),
          lat,
          lon,
          radiusMeters,
        ),
      liveMany: (ids) => this.liveOf(ids, reads.latestAvailability(ids)),
      facility: (id) => reads.findFacility(id),
      offer: (facility, window) =>
        windowOffer(facility, window, reads.activeWindows(facility.id, window, this.now())),
    };
  }

  private now(): number {
    return this.deps.clock.nowMs();
  }

  /** Creates or updates a facility of `callerOperatorId` (undefined = admin, who names the operator). */
  upsertFacility(input: FacilityInput, callerOperatorId: string | undefined): Promise<Facility> {
    const operatorId = operatorOf(input, callerOperatorId);
    const nowMs = this.now();
    const id = `${operatorId}:${input.ownId}`;
    return this.deps.repository.upsertFacility(id, nowMs, (existing, active) => {
      const row = facilityRowOf(
        input,
        operatorId,
        existing,
        new Date(nowMs),
        this.deps.defaultTimezone(),
      );
      const taken = peakOverlap(active, { startMs: nowMs, endMs: FAR_FUTURE_MS });
      if (taken > row.reservableSpaces) {
        throw new ConflictError(
          `reservableSpaces cannot go below ${taken}, the reservations already held at the busiest time`,
        );
      }
      return row;
    });
  }

  /** The facility with this API id, or undefined. */
  facility(id: string): Promise<Facility | undefined> {
    return this.deps.repository.findFacility(id);
  }

  /** Number of facilities stored. */
  facilityCount(): Promise<number> {
    return this.deps.repository.countFacilities();
  }

  /** Facilities within `radiusMeters` of a point, nearest first. */
  async facilitiesNear(lat: number, lon: number, radiusMeters: number): Promise<FacilityNear[]> {
    const inBox = await this.deps.repository.facilitiesInBox(boxAround(lat, lon, radiusMeters));
    return nearestFirst(inBox, lat, lon, radiusMeters);
  }

  /** Live drive-up availability of a facility, or null when it never reported. */
  async live(facilityId: string): Promise<LiveAvailability | null> {
    return (await this.liveMany([facilityId])).get(facilityId) ?? null;
  }

  /** Live drive-up availability of several facilities in one query (null for those that never reported). */
  async liveMany(facilityIds: readonly string[]): Promise<Map<string, LiveAvailability | null>> {
    return this.liveOf(facilityIds, await this.deps.repository.latestAvailability(facilityIds));
  }

  private liveOf(
    facilityIds: readonly string[],
    stored: ReadonlyMap<string, StoredAvailability>,
  ): Map<string, LiveAvailability | null> {
    const now = this.now();
    return new Map(
      facilityIds.map((id) => [
        id,
        liveAvailability(stored.get(id), now, this.deps.availabilityStaleSeconds),
      ]),
    );
  }

  /** Open throughout, spaces left and price of a facility for a window. */
  async offer(facility: Facility, window: TimeWindow): Promise<WindowOffer> {
    const active = await this.deps.repository.activeWindows(facility.id, window, this.now());
    return windowOffer(facility, window, active);
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
    const ids = reportedFacilityIds(reports, callerOperatorId);
    return this.deps.repository.applyReports(ids, (facilities, stored) =>
      planReports(reports, ids, facilities, stored, ctx),
    );
  }

  /**
   * Reserves one space for a rider, or returns the first result of the same idempotency key.
   * Resolves once committed; requests arriving together share one transaction (group commit).
   */
  reserve(req: ReserveRequest): Promise<Reservation> {
    return this.deps.repository.reserve(req, {
      nowMs: this.now(),
      holdSeconds: this.deps.holdSeconds,
    });
  }

  /** Confirms a rider's HELD reservation. */
  confirm(riderId: string, id: string): Promise<Reservation> {
    return this.deps.repository.confirm(riderId, id, this.now());
  }

  /** Cancels a rider's reservation, freeing its space. */
  cancel(riderId: string, id: string): Promise<Reservation> {
    return this.deps.repository.cancel(riderId, id, this.now());
  }

  /** A rider's reservations, newest first. */
  async riderReservations(
    riderId: string,
    first: number,
    after?: PageAfter,
  ): Promise<Page<Reservation>> {
    return this.page(
      await this.deps.repository.riderReservations(riderId, first + 1, after),
      first,
    );
  }

  /** A facility's reservations overlapping `window` (all when absent), by start time. */
  async facilityReservations(
    facilityId: string,
    first: number,
    window?: TimeWindow,
    after?: PageAfter,
  ): Promise<Page<Reservation>> {
    return this.page(
      await this.deps.repository.facilityReservations(facilityId, first + 1, window, after),
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

  /** Reservations per status now (HELD past its hold as EXPIRED, CONFIRMED past its end as COMPLETED), for the metrics. */
  reservationCounts(): Promise<Map<string, number>> {
    return this.deps.repository.reservationCounts(this.now());
  }

  /** Expires run-out holds and completes ended reservations; resolves with how many rows changed. */
  sweep(): Promise<number> {
    return this.deps.repository.sweep(this.now());
  }

  /** Starts the background sweeper every `intervalMs` (default 30 s); it never keeps the process alive. */
  start(intervalMs = 30_000): void {
    if (this.sweeper) return;
    this.sweeper = setInterval(() => {
      this.sweep().then(
        (changed) => {
          if (changed > 0) this.deps.logger.debug({ changed }, 'parking sweep');
        },
        (error: unknown) => {
          this.deps.logger.error({ err: error }, 'parking sweep failed');
        },
      );
    }, intervalMs);
    this.sweeper.unref();
  }

  /** Stops the sweeper. */
  stop(): void {
    clearInterval(this.sweeper);
    this.sweeper = undefined;
  }
}
