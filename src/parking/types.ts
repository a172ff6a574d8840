/** Facility kinds, spelled as the GraphQL enum `ParkingKind`. */
export const PARKING_KINDS = ['PARK_AND_RIDE', 'GARAGE', 'SURFACE_LOT'] as const;
/** Live statuses an operator reports, spelled as the GraphQL enum `ParkingStatus`. */
export const PARKING_STATUSES = ['OPEN', 'CLOSED', 'FULL', 'UNKNOWN'] as const;
/** Reservation lifecycle (DESIGN.md §5), spelled as the GraphQL enum `ParkingReservationStatus`. */
export const RESERVATION_STATUSES = [
  'HELD',
  'CONFIRMED',
  'CHECKED_IN',
  'CANCELLED',
  'EXPIRED',
  'COMPLETED',
] as const;

/** What a facility is. */
export type ParkingKind = (typeof PARKING_KINDS)[number];
/** Live drive-up status of a facility. */
export type ParkingStatus = (typeof PARKING_STATUSES)[number];
/** State of a reservation. */
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

/** Milliseconds since the Unix epoch. */
export type EpochMs = number;
/** An amount of money in the minor unit of its currency (cents for USD). */
export type MinorUnits = number;

/** A half-open time window `[startMs, endMs)`. */
export interface TimeWindow {
  startMs: EpochMs;
  endMs: EpochMs;
}

/** Live drive-up availability as shown to riders; a stale report shows as UNKNOWN with no count. */
export interface LiveAvailability {
  /** Free drive-up spaces; null when stale. */
  availableSpaces: number | null;
  status: ParkingStatus;
  observedAtMs: EpochMs;
  /** True when older than `availabilityStaleSeconds` (DESIGN.md §5). */
  stale: boolean;
}

/** What a facility offers for one window: open throughout, spaces left to reserve, price. */
export interface WindowOffer {
  /** Open for the whole window according to its opening hours. */
  open: boolean;
  /** Reservable spaces not taken by HELD, CONFIRMED or CHECKED_IN reservations at the busiest instant. */
  reservableLeft: number;
  /** Price of the window, minor units of the facility's currency. */
  priceMinor: MinorUnits;
  currency: string;
}
