import type { ReportPlan } from './applyReports.js';
import type { ReportResult } from './availability.js';
import type {
  Facility,
  FacilityRef,
  PageAfter,
  Reservation,
  StoredAvailability,
} from './records.js';
import type { ReserveRequest } from './reservations.js';
import type { EpochMs, TimeWindow } from './types.js';

/** A lat/lon box, degrees. */
export interface LatLonBox {
  minLat: number;
  maxLat: number;
  minLon: number;
  maxLon: number;
}

/**
 * The reads the planner makes while it routes (DESIGN.md §1), synchronously: a plan runs in one
 * go. The SQLite repository answers them from the file; a replicated store answers from memory.
 */
export interface ParkingReads {
  /** The facility with this API id, or undefined. */
  findFacility(id: string): Facility | undefined;
  /** Facilities inside a box. */
  facilitiesInBox(box: LatLonBox): Facility[];
  /** Latest reports of the given facilities, by facility id (facilities that never reported are absent). */
  latestAvailability(facilityIds: readonly string[]): Map<string, StoredAvailability>;
  /** Windows of the HELD (unexpired at `nowMs`), CONFIRMED and CHECKED_IN reservations of a facility that overlap `window`. */
  activeWindows(facilityId: string, window: TimeWindow, nowMs: EpochMs): TimeWindow[];
}

/**
 * Parking's storage (DESIGN.md §9), dialect-free: reads, and units of work that each run a check
 * and the writes it guards together or not at all. A `decide` callback is the domain rule: it runs
 * inside the unit, synchronously, on what the unit read, and throws to refuse.
 */
export interface ParkingRepository {
  findFacility(id: string): Promise<Facility | undefined>;
  countFacilities(): Promise<number>;
  facilitiesInBox(box: LatLonBox): Promise<Facility[]>;
  latestAvailability(facilityIds: readonly string[]): Promise<Map<string, StoredAvailability>>;
  activeWindows(facilityId: string, window: TimeWindow, nowMs: EpochMs): Promise<TimeWindow[]>;
  /** A rider's reservations, newest first, `limit` of them after `after`. */
  riderReservations(riderId: string, limit: number, after?: PageAfter): Promise<Reservation[]>;
  /** A facility's reservations overlapping `window` (all when absent), by start time, `limit` after `after`. */
  facilityReservations(
    facilityId: string,
    limit: number,
    window?: TimeWindow,
    after?: PageAfter,
  ): Promise<Reservation[]>;

  /**
   * One unit: reads facility `id` and its active reservations from `nowMs` on, lets `decide` build
   * the row to store, creates its operator on first use and saves it; resolves with the stored row.
   */
  upsertFacility(
    id: string,
    nowMs: EpochMs,
    decide: (existing: Facility | undefined, active: TimeWindow[]) => Facility,
  ): Promise<Facility>;
  /** One unit: reads the facilities `ids` names and their latest reports, lets `decide` plan the batch and stores the plan. */
  applyReports(
    ids: readonly string[],
    decide: (
      facilities: ReadonlyMap<string, FacilityRef>,
      stored: ReadonlyMap<string, StoredAvailability>,
    ) => ReportPlan,
  ): Promise<ReportResult>;
  /** One unit (grouped with others arriving together): the first result of the idempotency key, or a new reservation after the capacity check. */
  reserve(req: ReserveRequest, ctx: { nowMs: EpochMs; holdSeconds: number }): Promise<Reservation>;
  /** One unit: HELD → CONFIRMED of the rider's own reservation. */
  confirm(riderId: string, id: string, nowMs: EpochMs): Promise<Reservation>;
  /** One unit: HELD or CONFIRMED → CANCELLED of the rider's own reservation. */
  cancel(riderId: string, id: string, nowMs: EpochMs): Promise<Reservation>;
  /** Reservations per stored status as of `nowMs` (a HELD past its hold is EXPIRED, a CONFIRMED past its end COMPLETED), for the metrics. */
  reservationCounts(nowMs: EpochMs): Promise<Map<string, number>>;
  /** One unit: expires run-out holds and completes ended reservations; resolves with how many rows changed. */
  sweep(nowMs: EpochMs): Promise<number>;
}
