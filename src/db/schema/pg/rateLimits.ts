import { bigint, integer, pgTable, varchar } from 'drizzle-orm/pg-core';

/**
 * Rate-limit counters shared by every replica (DESIGN.md §9): one row per `<limiter>:<key>` and
 * fixed window, written by rate-limiter-flexible's PostgreSQL limiter, whose queries expect
 * exactly these columns in this order. No SQLite twin: without DATABASE_URL they stay in memory.
 */
export const rateLimits = pgTable('rate_limits', {
  key: varchar('key', { length: 255 }).primaryKey(),
  /** Requests counted in the current window. */
  points: integer('points').notNull().default(0),
  /** When the window ends, epoch milliseconds; null = never. */
  expire: bigint('expire', { mode: 'number' }),
});
