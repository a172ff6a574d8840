import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Ed25519 keys that sign journey passes (DESIGN.md §11), in the database so that every replica
 * signs and verifies alike. The private key is sealed (AES-256-GCM) with a key derived from the
 * server's secret; the newest unretired key signs.
 */
export const passKeys = sqliteTable('pass_keys', {
  /** Key id, the JWS header's `kid`. */
  kid: text('kid').primaryKey(),
  /** The public key as a JWK (JSON). */
  publicJwk: text('public_jwk', { mode: 'json' }).$type<Record<string, string>>().notNull(),
  /** The private key's PKCS#8 DER, sealed: base64url of iv ‖ tag ‖ ciphertext. */
  sealedPrivateKey: text('sealed_private_key').notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  /** When a newer key took over signing (`maas pass rotate-key`); null while it signs. */
  retiredAt: integer('retired_at', { mode: 'timestamp_ms' }),
});

/** The pass issued for each journey, signed once and shown again as it is. */
export const journeyPasses = sqliteTable(
  'journey_passes',
  {
    /** The journey, which is also the pass id (`jti`). */
    journeyId: text('journey_id').primaryKey(),
    kid: text('kid')
      .notNull()
      .references(() => passKeys.kid),
    token: text('token').notNull(),
    /** The token's `exp`. */
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    issuedAt: integer('issued_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('journey_passes_kid_expires_idx').on(t.kid, t.expiresAt)],
);

/** Gate kinds of event, spelled as the GraphQL enum `GateEventKind`. */
export const GATE_EVENT_KINDS = ['CHECK_IN', 'CHECK_OUT'] as const;

/** Every check-in and check-out a facility's gate made: one of each per reservation at most. */
export const gateEvents = sqliteTable(
  'gate_events',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id').notNull(),
    facilityId: text('facility_id').notNull(),
    reservationId: text('reservation_id').notNull(),
    kind: text('kind', { enum: GATE_EVENT_KINDS }).notNull(),
    /** When the car passed the gate, as the gate reported it. */
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    /** The gate's key for this event: a retry with it returns the first result. */
    idempotencyKey: text('idempotency_key').notNull(),
    /** Fingerprint of the request, to tell a retry from a reused key. */
    requestHash: text('request_hash').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('gate_events_operator_key_idx').on(t.operatorId, t.idempotencyKey),
    uniqueIndex('gate_events_reservation_kind_idx').on(t.reservationId, t.kind),
  ],
);

/** A stored signing key. */
export type PassKeyRow = typeof passKeys.$inferSelect;
/** A stored pass. */
export type JourneyPassRow = typeof journeyPasses.$inferSelect;
/** A stored gate event. */
export type GateEventRow = typeof gateEvents.$inferSelect;
