import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { STORED_JOURNEY_STATUSES } from '../../journeys/status.js';
import { parkingReservations } from './parking.js';

/** Booked journeys (DESIGN.md §6): the itinerary as booked, its parking reservation, its rider. */
export const journeys = sqliteTable(
  'journeys',
  {
    id: text('id').primaryKey(),
    riderId: text('rider_id').notNull(),
    /** CONFIRMED, STARTED (checked in at the lot) or CANCELLED; FINISHED follows from the clock (journeys/status.ts). */
    status: text('status', { enum: STORED_JOURNEY_STATUSES }).notNull(),
    /** The booked itinerary in its compact, network-independent form (journeys/compactItinerary.ts), JSON. */
    itinerary: text('itinerary').notNull(),
    /** SHA-256 of `itinerary`, to tell a retry from an idempotency key reused for another itinerary. */
    itineraryHash: text('itinerary_hash').notNull(),
    /** Planned departure and arrival. */
    departureAt: integer('departure_at', { mode: 'timestamp_ms' }).notNull(),
    arrivalAt: integer('arrival_at', { mode: 'timestamp_ms' }).notNull(),
    /** The parking reservation of the PARK leg; null without one. */
    reservationId: text('reservation_id').references(() => parkingReservations.id),
    idempotencyKey: text('idempotency_key').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    cancelledAt: integer('cancelled_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('journeys_rider_key_idx').on(t.riderId, t.idempotencyKey),
    index('journeys_rider_departure_idx').on(t.riderId, t.departureAt),
  ],
);

/** A stored journey. */
export type JourneyRow = typeof journeys.$inferSelect;
