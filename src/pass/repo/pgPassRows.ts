import { and, desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { pgSchema, type PgRunner } from '../../db/index.js';
import type { GateEvent, StoredPass, StoredPassKey } from '../records.js';

const k = pgSchema.passKeys;
const p = pgSchema.journeyPasses;
const g = pgSchema.gateEvents;

/** The newest key not retired, or undefined. */
export async function signingKeyRow(db: PgRunner): Promise<StoredPassKey | undefined> {
  const [row] = await db
    .select()
    .from(k)
    .where(isNull(k.retiredAt))
    .orderBy(desc(k.createdAt), desc(k.kid))
    .limit(1);
  return row;
}

/** The key with this id, or undefined. */
export async function keyRow(db: PgRunner, kid: string): Promise<StoredPassKey | undefined> {
  const [row] = await db.select().from(k).where(eq(k.kid, kid));
  return row;
}

/** Keys not retired, and retired keys that signed a pass expiring after `after`. */
export async function publishedKeyRows(db: PgRunner, after: Date): Promise<StoredPassKey[]> {
  const stillUsed = sql`exists (select 1 from ${p} where ${p.kid} = ${k.kid} and ${gt(p.expiresAt, after)})`;
  return db
    .select()
    .from(k)
    .where(or(isNull(k.retiredAt), stillUsed))
    .orderBy(desc(k.createdAt));
}

/** Retires every unretired key at `now` and inserts `row`. */
export async function rotateTo(db: PgRunner, row: StoredPassKey, now: Date): Promise<void> {
  await db.update(k).set({ retiredAt: now }).where(isNull(k.retiredAt));
  await db.insert(k).values(row);
}

/** The pass of a journey, or undefined. */
export async function passRow(db: PgRunner, journeyId: string): Promise<StoredPass | undefined> {
  const [row] = await db.select().from(p).where(eq(p.journeyId, journeyId));
  return row;
}

/**
 * Inserts a pass unless the journey has one (a concurrent insert is waited for, then skipped);
 * with `replacing`, replaces the stored pass if its token is still that one.
 */
export async function insertPass(db: PgRunner, row: StoredPass, replacing?: string): Promise<void> {
  const insert = db.insert(p).values(row);
  if (replacing === undefined) await insert.onConflictDoNothing();
  else
    await insert.onConflictDoUpdate({
      target: p.journeyId,
      set: row,
      setWhere: eq(p.token, replacing),
    });
}

/** The event an operator recorded with this idempotency key, or undefined. */
export async function findGateEvent(
  db: PgRunner,
  operatorId: string,
  key: string,
): Promise<GateEvent | undefined> {
  const [row] = await db
    .select()
    .from(g)
    .where(and(eq(g.operatorId, operatorId), eq(g.idempotencyKey, key)));
  return row;
}

/** Inserts an event; the unique (reservation, kind) index refuses a second check-in even if a rule slipped. */
export async function insertGateEvent(db: PgRunner, row: GateEvent): Promise<void> {
  await db.insert(g).values(row);
}
