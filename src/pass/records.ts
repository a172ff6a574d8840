import type { GateEventRow, JourneyPassRow, PassKeyRow } from '../db/index.js';
import type { GateJourney } from '../journeys/index.js';
import type { Facility, Reservation } from '../parking/index.js';

/** A stored signing key (private half sealed). */
export type StoredPassKey = PassKeyRow;
/** A journey's pass as issued. */
export type StoredPass = JourneyPassRow;
/** A check-in or check-out at a facility's gate. */
export type GateEvent = GateEventRow;
/** CHECK_IN or CHECK_OUT. */
export type GateEventKind = GateEvent['kind'];

/** Which reservation a gate event is about: the code a pass carries, or the reservation id. */
export type ReservationRef = { code: string } | { id: string };

/** What a gate unit looks up: the operator's event with this key, and the reservation. */
export interface GateLookup {
  operatorId: string;
  idempotencyKey: string;
  reservation: ReservationRef;
}

/** What a gate unit read, under the facility's lock, for the rule to decide on. */
export interface GateState {
  /** The event this operator already recorded with the same idempotency key. */
  earlier: GateEvent | undefined;
  /** The reservation as stored. */
  reservation: Reservation | undefined;
  facility: Facility | undefined;
  /** The journey the reservation belongs to. */
  journey: GateJourney | undefined;
}

/** What a gate unit answers: the event, the reservation after it, and whether it was a retry. */
export interface GateOutcome {
  event: GateEvent;
  reservation: Reservation;
  /** True when the idempotency key had recorded this event already (nothing was written). */
  replayed: boolean;
}
