import { and, eq } from 'drizzle-orm';
import { pgSchema, type PgRunner } from '../../db/index.js';
import type { GateJourneyPortAsync } from '../gateJourneys.js';
import { notifyJourney } from './pgJourneyRows.js';

const j = pgSchema.journeys;

/**
 * Journeys' port for the gate on PostgreSQL: each call runs inside the caller's transaction;
 * `find` locks the journey row (`FOR UPDATE`, as cancelJourney does) for the rest of it.
 */
export const pgGateJourneys: GateJourneyPortAsync<PgRunner> = {
  find: async (tx, id) => {
    const [row] = await tx
      .select({ id: j.id, status: j.status, cancelledAt: j.cancelledAt })
      .from(j)
      .where(eq(j.id, id))
      .for('update');
    return row;
  },
  markStarted: async (tx, id) => {
    await tx
      .update(j)
      .set({ status: 'STARTED' })
      .where(and(eq(j.id, id), eq(j.status, 'CONFIRMED')));
    await notifyJourney(tx, id);
  },
};
