import type { KeysetAfter } from '../db/index.js';
import type {
  ParkingAvailabilityRow,
  ParkingFacilityRow,
  ParkingReservationRow,
} from '../db/index.js';

/** A parking facility as stored; money in minor units of `currency`. */
export type Facility = ParkingFacilityRow;

/** What checking an availability report needs of a facility. */
export type FacilityRef = Pick<Facility, 'id' | 'operatorId' | 'totalSpaces' | 'timezone'>;

/** A parking reservation as stored; `priceAmount` in minor units of `currency`. */
export type Reservation = ParkingReservationRow;

/** The latest accepted report of a facility, as stored. */
export type StoredAvailability = ParkingAvailabilityRow;

/** Where a page of a keyset-paginated list continues: after this sort value and id. */
export type PageAfter = KeysetAfter;
