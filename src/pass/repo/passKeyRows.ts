import { desc, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { journeyPasses, passKeys } from '../../db/index.js';
import type { SyncDb } from '../../db/index.js';
import type { StoredPass, StoredPassKey } from '../records.js';

/** The newest key not retired, or undefined. */
export function signingKeyRow(db: SyncDb): StoredPassKey | undefined {
  return db
    .select()
    .from(passKeys)
    .where(isNull(passKeys.retiredAt))
    .orderBy(desc(passKeys.createdAt), desc(passKeys.kid))
    .get();
}

/** The key with this id, or undefined. */
export function keyRow(db: SyncDb, kid: string): StoredPassKey | undefined {
  return db.select().from(passKeys).where(eq(passKeys.kid, kid)).get();
}

/** Keys not retired, and retired keys that signed a pass expiring after `after`. */
export function publishedKeyRows(db: SyncDb, after: Date): StoredPassKey[] {
  const stillUsed = sql`exists (select 1 from ${journeyPasses} where ${journeyPasses.kid} = ${passKeys.kid} and ${gt(journeyPasses.expiresAt, after)})`;
  return db
    .select()
    .from(passKeys)
    .where(or(isNull(passKeys.retiredAt), stillUsed))
    .orderBy(desc(passKeys.createdAt))
    .all();
}

/** Retires every unretired key at `now` and inserts `row`. */
export function rotateTo(db: SyncDb, row: StoredPassKey, now: Date): void {
  db.update(passKeys).set({ retiredAt: now }).where(isNull(passKeys.retiredAt)).run();
  db.insert(passKeys).values(row).run();
}

/** The pass of a journey, or undefined. */
export function passRow(db: SyncDb, journeyId: string): StoredPass | undefined {
  return db.select().from(journeyPasses).where(eq(journeyPasses.journeyId, journeyId)).get();
}

/**
 * Inserts a pass unless the journey has one; with `replacing`, replaces the stored pass if its
 * token is still that one (a pass that no longer says what the journey holds).
 */
export function insertPass(db: SyncDb, row: StoredPass, replacing?: string): void {
  const insert = db.insert(journeyPasses).values(row);
  if (replacing === undefined) insert.onConflictDoNothing().run();
  else
    insert
      .onConflictDoUpdate({
        target: journeyPasses.journeyId,
        set: row,
        setWhere: eq(journeyPasses.token, replacing),
      })
      .run();
}
