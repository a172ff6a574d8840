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

/**
 * What re-booking writes (issue 13): the journey's new itinerary and what becomes of its parking
 * (keep the booked space, reserve another instead, or release it).
 */
export interface JourneyRebooking {
  itinerary: string;
  itineraryHash: string;
  departureAt: Date;
  arrivalAt: Date;
  parking:
    | { kind: 'keep' }
    | { kind: 'swap'; facilityId: string; window: TimeWindow; attempt: string }
    | { kind: 'release' };
}
