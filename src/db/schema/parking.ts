import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { PARKING_KINDS, PARKING_STATUSES, RESERVATION_STATUSES } from '../../parking/types.js';

/** Parking operators; created implicitly on their first facility upsert (the key names the operator). */
export const operators = sqliteTable('operators', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
});

/** Parking facilities; `id` is `"<operatorId>:<ownId>"`; money in minor units of `currency`. */
export const parkingFacilities = sqliteTable(
  'parking_facilities',
  {
    id: text('id').primaryKey(),
    operatorId: text('operator_id')
      .notNull()
      .references(() => operators.id),
    /** The operator's own id of the facility (the part after the colon). */
    ownId: text('own_id').notNull(),
    name: text('name').notNull(),
    lat: real('lat').notNull(),
    lon: real('lon').notNull(),
    kind: text('kind', { enum: PARKING_KINDS }).notNull(),
    totalSpaces: integer('total_spaces').notNull(),
    reservableSpaces: integer('reservable_spaces').notNull(),
    /** OpenStreetMap `opening_hours` syntax. */
    openingHours: text('opening_hours').notNull().default('24/7'),
    /** ISO 4217 code. */
    currency: text('currency').notNull(),
    /** Price per started hour, minor units. */
    hourlyRate: integer('hourly_rate').notNull(),
    /** Cap per 24 h period, minor units; null = no cap. */
    dailyMax: integer('daily_max'),
    accessibleSpaces: integer('accessible_spaces').notNull().default(0),
    evChargingSpaces: integer('ev_charging_spaces').notNull().default(0),
    /** IANA zone the opening hours are read in. */
    timezone: text('timezone').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('parking_facilities_operator_idx').on(t.operatorId),
    index('parking_facilities_lat_lon_idx').on(t.lat, t.lon),
  ],
);

/** The latest accepted availability report of each facility. */
export const parkingAvailability = sqliteTable('parking_availability', {
  facilityId: text('facility_id')
    .primaryKey()
    .references(() => parkingFacilities.id),
  availableSpaces: integer('available_spaces').notNull(),
  status: text('status', { enum: PARKING_STATUSES }).notNull(),
  observedAt: integer('observed_at', { mode: 'timestamp_ms' }).notNull(),
  receivedAt: integer('received_at', { mode: 'timestamp_ms' }).notNull(),
});

/** Every accepted availability report, for history and analysis (append-only). */
export const availabilityReports = sqliteTable(
  'availability_reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    facilityId: text('facility_id')
      .notNull()
      .references(() => parkingFacilities.id),
    availableSpaces: integer('available_spaces').notNull(),
    status: text('status', { enum: PARKING_STATUSES }).notNull(),
    observedAt: integer('observed_at', { mode: 'timestamp_ms' }).notNull(),
    receivedAt: integer('received_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('availability_reports_facility_observed_idx').on(t.facilityId, t.observedAt)],
);

/** Reservations of one space for `[startsAt, endsAt)`; price in minor units of `currency`. */
export const parkingReservations = sqliteTable(
  'parking_reservations',
  {
    id: text('id').primaryKey(),
    /** Short human code shown to the rider and the operator. */
    code: text('code').notNull(),
    facilityId: text('facility_id')
      .notNull()
      .references(() => parkingFacilities.id),
    riderId: text('rider_id').notNull(),
    startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
    endsAt: integer('ends_at', { mode: 'timestamp_ms' }).notNull(),
    status: text('status', { enum: RESERVATION_STATUSES }).notNull(),
    holdExpiresAt: integer('hold_expires_at', { mode: 'timestamp_ms' }),
    priceAmount: integer('price_amount').notNull(),
    currency: text('currency').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    /** Fingerprint of the request that created it, to tell a retry from a reused key. */
    requestHash: text('request_hash').notNull(),
    /** The booked journey this reservation belongs to (journeys issue). */
    journeyId: text('journey_id'),
    /** When the car passed the gate in (CHECKED_IN, DESIGN.md §11); null before. */
    checkedInAt: integer('checked_in_at', { mode: 'timestamp_ms' }),
    /** When the car passed the gate out (COMPLETED by check-out); null before. */
    checkedOutAt: integer('checked_out_at', { mode: 'timestamp_ms' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
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

/** A stored operator. */
export type OperatorRow = typeof operators.$inferSelect;
/** A stored facility. */
export type ParkingFacilityRow = typeof parkingFacilities.$inferSelect;
/** A facility's latest stored availability report. */
export type ParkingAvailabilityRow = typeof parkingAvailability.$inferSelect;
/** A stored reservation. */
export type ParkingReservationRow = typeof parkingReservations.$inferSelect;
