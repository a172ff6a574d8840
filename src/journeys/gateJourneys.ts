import type { Journey } from './records.js';

/**
 * What a lot's gate needs of journeys (DESIGN.md §11), inside the gate's own unit of work `Tx`:
 * the journey a pass names, and moving it to STARTED at check-in. `sqliteGateJourneys` is the
 * SQLite one.
 */
export interface GateJourneyPort<Tx> {
  /** The journey with this id, or undefined. */
  find(tx: Tx, id: string): Journey | undefined;
  /** CONFIRMED → STARTED (a cancelled or started journey is left as it is). */
  markStarted(tx: Tx, id: string): void;
}

/** The same port where the unit of work is asynchronous (PostgreSQL): each call resolves inside the caller's transaction. */
export type GateJourneyPortAsync<Tx> = {
  [K in keyof GateJourneyPort<Tx>]: (
    ...args: Parameters<GateJourneyPort<Tx>[K]>
  ) => Promise<ReturnType<GateJourneyPort<Tx>[K]>>;
};
