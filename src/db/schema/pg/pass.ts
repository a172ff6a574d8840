import { index, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { GATE_EVENT_KINDS } from '../pass.js';

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: 'date' });

/** Ed25519 keys that sign journey passes (PostgreSQL twin of `schema/pass.ts`). */
export const passKeys = pgTable('pass_keys', {
  kid: text('kid').primaryKey(),
  publicJwk: jsonb('public_jwk').$type<Record<string, string>>().notNull(),
  sealedPrivateKey: text('sealed_private_key').notNull(),
  createdAt: at('created_at').notNull(),
  retiredAt: at('retired_at'),
});

/** The pass issued for each journey, signed once. */
export const journeyPasses = pgTable(
  'journey_passes',
  {
    journeyId: text('journey_id').primaryKey(),
    kid: text('kid')
      .notNull()
      .references(() => passKeys.kid),
    token: text('token').notNull(),
    expiresAt: at('expires_at').notNull(),
    issuedAt: at('issued_at').notNull(),
  },
  (t) => [index('journey_passes_kid_expires_idx').on(t.kid, t.expiresAt)],
);

/** Every check-in and check-out a facility's gate made: one of each per reservation at most. */
export const gateEvents = pgTable(
  'gate_events',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id').notNull(),
    facilityId: text('facility_id').notNull(),
    reservationId: text('reservation_id').notNull(),
    kind: text('kind', { enum: GATE_EVENT_KINDS }).notNull(),
    at: at('at').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    requestHash: text('request_hash').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('gate_events_operator_key_idx').on(t.operatorId, t.idempotencyKey),
    uniqueIndex('gate_events_reservation_kind_idx').on(t.reservationId, t.kind),
  ],
);
