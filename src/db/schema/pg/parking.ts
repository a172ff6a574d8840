import {
  bigserial,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { PARKING_KINDS, PARKING_STATUSES, RESERVATION_STATUSES } from '../../../parking/types.js';

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: 'date' });

/** Parking operators (PostgreSQL twin of `schema/parking.ts`). */
export const operators = pgTable('operators', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: at('created_at').notNull(),
});

/** Parking facilities; `id` is `"<operatorId>:<ownId>"`; money in minor units of `currency`. */
export const parkingFacilities = pgTable(
  'parking_facilities',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id')
      .notNull()
      .references(() => operators.id),
    ownId: text('own_id').notNull(),
    name: text('name').notNull(),
    lat: doublePrecision('lat').notNull(),
    lon: doublePrecision('lon').notNull(),
    kind: text('kind', { enum: PARKING_KINDS }).notNull(),
    totalSpaces: integer('total_spaces').notNull(),
    reservableSpaces: integer('reservable_spaces').notNull(),
    openingHours: text('opening_hours').notNull().default('24/7'),
    currency: text('currency').notNull(),
    hourlyRate: integer('hourly_rate').notNull(),
    dailyMax: integer('daily_max'),
    accessibleSpaces: integer('accessible_spaces').notNull().default(0),
    evChargingSpaces: integer('ev_charging_spaces').notNull().default(0),
    timezone: text('timezone').notNull(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    index('parking_facilities_operator_idx').on(t.operatorId),
    index('parking_facilities_lat_lon_idx').on(t.lat, t.lon),
  ],
);

/** The latest accepted availability report of each facility. */
export const parkingAvailability = pgTable('parking_availability', {
  facilityId: text('facility_id')
    .primaryKey()
    .references(() => parkingFacilities.id),
  availableSpaces: integer('available_spaces').notNull(),
  status: text('status', { enum: PARKING_STATUSES }).notNull(),
  observedAt: at('observed_at').notNull(),
  receivedAt: at('received_at').notNull(),
});

/** Every accepted availability report (append-only). */
export const availabilityReports = pgTable(
  'availability_reports',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    facilityId: text('facility_id')
      .notNull()
      .references(() => parkingFacilities.id),
    availableSpaces: integer('available_spaces').notNull(),
    status: text('status', { enum: PARKING_STATUSES }).notNull(),
    observedAt: at('observed_at').notNull(),
    receivedAt: at('received_at').notNull(),
  },
  (t) => [index('availability_reports_facility_observed_idx').on(t.facilityId, t.observedAt)],
);

/** Reservations of one space for `[startsAt, endsAt)`; price in minor units of `currency`. */
export const parkingReservations = pgTable(
  'parking_reservations',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    facilityId: text('facility_id')
      .notNull()
      .references(() => parkingFacilities.id),
    riderId: text('rider_id').notNull(),
    startsAt: at('starts_at').notNull(),
    endsAt: at('ends_at').notNull(),
    status: text('status', { enum: RESERVATION_STATUSES }).notNull(),
    holdExpiresAt: at('hold_expires_at'),
    priceAmount: integer('price_amount').notNull(),
    currency: text('currency').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    requestHash: text('request_hash').notNull(),
    journeyId: text('journey_id'),
    /** When the car passed the gate in (CHECKED_IN, DESIGN.md §11); null before. */
    checkedInAt: at('checked_in_at'),
    /** When the car passed the gate out; null before. */
    checkedOutAt: at('checked_out_at'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('parking_reservations_code_idx').on(t.code),
    uniqueIndex('parking_reservations_rider_key_idx').on(t.riderId, t.idempotencyKey),
    index('parking_reservations_capacity_idx').on(t.facilityId, t.status, t.startsAt, t.endsAt),
    index('parking_reservations_rider_created_idx').on(t.riderId, t.createdAt),
    index('parking_reservations_status_hold_idx').on(t.status, t.holdExpiresAt),
    index('parking_reservations_status_ends_idx').on(t.status, t.endsAt),
  ],
);
