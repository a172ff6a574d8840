import type { IgnoredReport } from '../../parking/availability.js';
import type { Facility } from '../../parking/repo/facilityRepo.js';
import type { Reservation } from '../../parking/repo/reservationRepo.js';
import type { TimeWindow } from '../../parking/types.js';

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
