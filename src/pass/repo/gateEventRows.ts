import { and, eq, sql } from 'drizzle-orm';
import { gateEvents, preparedOn } from '../../db/index.js';
import type { SyncDb } from '../../db/index.js';
import type { GateEvent } from '../records.js';

/** The event an operator recorded with this idempotency key, or undefined. */
export function findGateEvent(db: SyncDb, operatorId: string, key: string): GateEvent | undefined {
  return preparedOn(db, gateEventByKey).get({ operatorId, key });
}

const gateEventByKey = (db: SyncDb) =>
  db
    .select()
    .from(gateEvents)
    .where(
      and(
        eq(gateEvents.operatorId, sql.placeholder('operatorId')),
        eq(gateEvents.idempotencyKey, sql.placeholder('key')),
      ),
    )
    .prepare();

/** Inserts an event; the unique (reservation, kind) index refuses a second check-in even if a rule slipped. */
export function insertGateEvent(db: SyncDb, row: GateEvent): void {
  db.insert(gateEvents).values(row).run();
}
