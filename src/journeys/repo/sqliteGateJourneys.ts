import { and, eq, sql } from 'drizzle-orm';
import { journeys, preparedOn } from '../../db/index.js';
import type { SyncDb } from '../../db/index.js';
import type { GateJourneyPort } from '../gateJourneys.js';
import { findJourney } from './journeyRows.js';

const markStarted = (db: SyncDb) =>
  db
    .update(journeys)
    .set({ status: 'STARTED' })
    .where(and(eq(journeys.id, sql.placeholder('id')), eq(journeys.status, 'CONFIRMED')))
    .prepare();

/** Journeys' port for the gate on SQLite: each call runs inside the caller's synchronous transaction. */
export const sqliteGateJourneys: GateJourneyPort<SyncDb> = {
  find: (tx, id) => findJourney(tx, id),
  markStarted: (tx, id) => {
    preparedOn(tx, markStarted).run({ id });
  },
};
