import { and, eq } from 'drizzle-orm';
import { gateEvents } from '../../db/index.js';
import type { SyncDb } from '../../db/index.js';
import type { GateEvent } from '../records.js';

/** The event an operator recorded with this idempotency key, or undefined. */
export function findGateEvent(db: SyncDb, operatorId: string, key: string): GateEvent | undefined {
  return db
    .select()
    .from(gateEvents)
    .where(and(eq(gateEvents.operatorId, operatorId), eq(gateEvents.idempotencyKey, key)))
    .get();
}

/** Inserts an event; the unique (reservation, kind) index refuses a second check-in even if a rule slipped. */
export function insertGateEvent(db: SyncDb, row: GateEvent): void {
  db.insert(gateEvents).values(row).run();
}
