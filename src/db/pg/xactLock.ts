import { sql } from 'drizzle-orm';
import type { PgRunner } from './client.js';

/**
 * Serializes, until this transaction ends, every transaction that takes the same `key` (a
 * transaction-level advisory lock on the key's 64-bit hash, DESIGN.md §9).
 */
export async function lockXactKey(tx: PgRunner, key: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}
