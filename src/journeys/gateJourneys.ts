import type { Journey } from './records.js';

/** What a gate reads of a journey: whether it was cancelled, and when. */
export type GateJourney = Pick<Journey, 'id' | 'status' | 'cancelledAt'>;

/**
 * What a lot's gate needs of journeys (DESIGN.md §11), inside the gate's own unit of work `Tx`:
 * the journey a pass names, and moving it to STARTED at check-in. `sqliteGateJourneys` is the
 * SQLite one.
 */
export interface GateJourneyPort<Tx> {
  /** What the gate's rule reads of the journey with this id (not its itinerary), or undefined. */
  find(tx: Tx, id: string): GateJourney | undefined;
  /** CONFIRMED → STARTED (a cancelled or started journey is left as it is). */
  markStarted(tx: Tx, id: string): void;
}

/** The same port where the unit of work is asynchronous (PostgreSQL): each call resolves inside the caller's transaction. */
export type GateJourneyPortAsync<Tx> = {
  [K in keyof GateJourneyPort<Tx>]: (
    ...args: Parameters<GateJourneyPort<Tx>[K]>
  ) => Promise<ReturnType<GateJourneyPort<Tx>[K]>>;
};
