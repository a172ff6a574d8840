import { index, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { STORED_JOURNEY_STATUSES } from '../../../journeys/status.js';
import { parkingReservations } from './parking.js';

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: 'date' });

/** Booked journeys (PostgreSQL twin of `schema/journeys.ts`). */
export const journeys = pgTable(
  'journeys',
  {
    id: text('id').primaryKey(),
    riderId: text('rider_id').notNull(),
    status: text('status', { enum: STORED_JOURNEY_STATUSES }).notNull(),
    /** The booked itinerary in its compact form (journeys/compactItinerary.ts), JSON text. */
    itinerary: text('itinerary').notNull(),
    itineraryHash: text('itinerary_hash').notNull(),
    departureAt: at('departure_at').notNull(),
    arrivalAt: at('arrival_at').notNull(),
    reservationId: text('reservation_id').references(() => parkingReservations.id),
    idempotencyKey: text('idempotency_key').notNull(),
    createdAt: at('created_at').notNull(),
    cancelledAt: at('cancelled_at'),
  },
  (t) => [
    uniqueIndex('journeys_rider_key_idx').on(t.riderId, t.idempotencyKey),
    index('journeys_rider_departure_idx').on(t.riderId, t.departureAt),
  ],
);
