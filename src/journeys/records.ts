import type { KeysetAfter } from '../db/index.js';
import type { JourneyRow } from '../db/index.js';
import type { Reservation, TimeWindow } from '../parking/index.js';

/** A stored journey. */
export type Journey = JourneyRow;

/** Where a page of a rider's journeys continues: after this departure (ms) and id. */
export type JourneyPageAfter = KeysetAfter;

/** A journey with its parking reservation (status as of the read). */
export interface StoredJourney {
  journey: Journey;
  reservation: Reservation | undefined;
}

/** What booking stores: the journey (its `reservationId` is filled in) and, for a PARK leg, the space to reserve with it. */
export interface JourneyBooking {
  journey: Journey;
  parking: { facilityId: string; window: TimeWindow } | undefined;
}
