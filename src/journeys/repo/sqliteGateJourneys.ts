import { and, eq } from 'drizzle-orm';
import { journeys } from '../../db/index.js';
import type { SyncDb } from '../../db/index.js';
import type { GateJourneyPort } from '../gateJourneys.js';
import { findJourney } from './journeyRows.js';

/** Journeys' port for the gate on SQLite: each call runs inside the caller's synchronous transaction. */
export const sqliteGateJourneys: GateJourneyPort<SyncDb> = {
  find: (tx, id) => findJourney(tx, id),
  markStarted: (tx, id) => {
    tx.update(journeys)
      .set({ status: 'STARTED' })
      .where(and(eq(journeys.id, id), eq(journeys.status, 'CONFIRMED')))
      .run();
  },
};
