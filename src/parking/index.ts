/** Parking (DESIGN.md §5): the one entry point other folders import. */
export type { AvailabilityReport, IgnoredReport, ReportResult } from './availability.js';
export { MAX_REPORTS_PER_BATCH } from './availability.js';
export type { FacilityInput } from './facilityInput.js';
export { parkingForPlanner, type ParkingForPlanner } from './forPlanner.js';
export type {
  JourneyParkingPort,
  JourneyParkingPortAsync,
  JourneyParkingRequest,
} from './journeyParking.js';
export type { GateParkingPort, GateParkingPortAsync, RevokedPass } from './gateParking.js';
export { overstaySeconds, parkedSeconds } from './gateTimes.js';
export { toMajor } from './money.js';
export type { FacilityNear } from './near.js';
export { ParkingService, type Page, type ParkingDeps } from './ParkingService.js';
export type { Facility, PageAfter, Reservation } from './records.js';
export type { ParkingReads, ParkingRepository } from './repository.js';
export { ParkingMirror } from './repo/parkingMirror.js';
export { pgGateParking } from './repo/pgGateParking.js';
export { pgParkingRepository } from './repo/pgParkingRepository.js';
export { sqliteGateParking } from './repo/sqliteGateParking.js';
export { sqliteJourneyParking } from './repo/sqliteJourneyParking.js';
export { sqliteParkingRepository } from './repo/sqliteParkingRepository.js';
export { loadSampleParking, SAMPLE_OPERATOR_ID } from './sample.js';
export { PARKING_STATUSES } from './types.js';
export type { EpochMs, LiveAvailability, TimeWindow, WindowOffer } from './types.js';
export { checkWindow, PAST_GRACE_MS } from './window.js';
export { parkApiLots, type ParkApiLotOptions, type ParkApiLots } from './parkApiLots.js';
