import type { Facility, IgnoredReport, Reservation, TimeWindow } from '../../parking/index.js';

/** A facility as resolvers pass it around, with the window and query point of the request. */
export interface ParkingFacilityModel {
  facility: Facility;
  /** The asked `from`/`until`; window fields are null without it. */
  window?: TimeWindow;
  /** Distance from the `near` point, metres. */
  distanceMeters?: number;
}

/** A reservation with its facility (for the zone its times are shown in). */
export interface ParkingReservationModel {
  reservation: Reservation;
  facility: Facility;
}

/** A report that was not applied. */
export type IgnoredParkingReportModel = IgnoredReport;
