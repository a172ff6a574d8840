import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: 'date' });

/** API keys (PostgreSQL twin of `schema/auth.ts`); only a hash of the key is stored. */
export const apiKeys = pgTable('api_keys', {
  id: text('id').primaryKey(),
  /** SHA-256 of the secret part, hex. */
  secretHash: text('secret_hash').notNull(),
  role: text('role', { enum: ['admin', 'agency', 'operator'] }).notNull(),
  /** Feed ids an agency key may load. */
  feedIds: jsonb('feed_ids').$type<string[]>().notNull().default([]),
  /** The operator an operator key belongs to. */
  operatorId: text('operator_id'),
  label: text('label'),
  createdAt: at('created_at').notNull(),
  revokedAt: at('revoked_at'),
});

/**
 * Secrets every replica must share (DESIGN.md §9): the rider-token and itinerary-signing root
 * secret, created once by whichever replica starts first.
 */
export const serverSecrets = pgTable('server_secrets', {
  name: text('name').primaryKey(),
  /** The secret bytes, base64url. */
  value: text('value').notNull(),
  createdAt: at('created_at').notNull(),
});
