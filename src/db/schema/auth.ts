import { sql } from 'drizzle-orm';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** API keys for admins, transit agencies and parking operators; only a hash of the key is stored. */
export const apiKeys = sqliteTable('api_keys', {
  id: text('id').primaryKey(),
  /** SHA-256 of the secret part, hex. */
  secretHash: text('secret_hash').notNull(),
  role: text('role', { enum: ['admin', 'agency', 'operator'] }).notNull(),
  /** Feed ids an agency key may load (JSON array). */
  feedIds: text('feed_ids', { mode: 'json' })
    .$type<string[]>()
    .notNull()
    .default(sql`'[]'`),
  /** The operator an operator key belongs to. */
  operatorId: text('operator_id'),
  label: text('label'),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
});

export type ApiKeyRow = typeof apiKeys.$inferSelect;
