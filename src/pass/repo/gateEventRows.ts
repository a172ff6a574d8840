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
  preparedOn(db, insertEvent).run(row);
}

const insertEvent = (db: SyncDb) =>
  db
    .insert(gateEvents)
    .values({
      id: sql.placeholder('id'),
      operatorId: sql.placeholder('operatorId'),
      facilityId: sql.placeholder('facilityId'),
      reservationId: sql.placeholder('reservationId'),
      kind: sql.placeholder('kind'),
      at: sql.placeholder('at'),
      idempotencyKey: sql.placeholder('idempotencyKey'),
      requestHash: sql.placeholder('requestHash'),
      createdAt: sql.placeholder('createdAt'),
    })
    .prepare();
