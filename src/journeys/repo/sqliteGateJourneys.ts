import { and, eq, sql } from 'drizzle-orm';
import { journeys, preparedOn } from '../../db/index.js';
import type { SyncDb } from '../../db/index.js';
import type { GateJourneyPort } from '../gateJourneys.js';

const gateJourneyById = (db: SyncDb) =>
  db
    .select({ id: journeys.id, status: journeys.status, cancelledAt: journeys.cancelledAt })
    .from(journeys)
    .where(eq(journeys.id, sql.placeholder('id')))
    .prepare();

const markStarted = (db: SyncDb) =>
  db
    .update(journeys)
    .set({ status: 'STARTED' })
    .where(and(eq(journeys.id, sql.placeholder('id')), eq(journeys.status, 'CONFIRMED')))
    .prepare();

/** Journeys' port for the gate on SQLite: each call runs inside the caller's synchronous transaction. */
export const sqliteGateJourneys: GateJourneyPort<SyncDb> = {
  find: (tx, id) => preparedOn(tx, gateJourneyById).get({ id }),
  markStarted: (tx, id) => {
    preparedOn(tx, markStarted).run({ id });
  },
};
