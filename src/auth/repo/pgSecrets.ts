import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { pgSchema, type PgDb } from '../../db/index.js';

const s = pgSchema.serverSecrets;

/**
 * The server secret every replica shares (rider tokens, itinerary ids): read from the database,
 * created by whichever replica asks first (the insert is a no-op for the others).
 */
export async function sharedSecret(db: PgDb, name = 'server', now = new Date()): Promise<string> {
  await db
    .insert(s)
    .values({ name, value: randomBytes(32).toString('base64url'), createdAt: now })
    .onConflictDoNothing();
  const [row] = await db.select().from(s).where(eq(s.name, name));
  return row!.value;
}
