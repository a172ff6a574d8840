import { IANAZone } from 'luxon';
import { BadInputError, ForbiddenError } from '../errors.js';
import { isCurrency, toMinor } from './money.js';
import { ALWAYS_OPEN, parseOpeningHours } from './openingHours.js';
import type { Facility } from './records.js';
import type { ParkingKind } from './types.js';

/** What an operator sends to create or update a facility; money in major units (12.5). */
export interface FacilityInput {
  /** The operator's own id: letters, digits, `.`, `_`, `-`, at most 64. */
  ownId: string;
  /** The owning operator; required for admins, must be the caller's own for operator keys. */
  operatorId?: string | null;
  name: string;
  lat: number;
  lon: number;
  kind: ParkingKind;
  totalSpaces: number;
  reservableSpaces: number;
  /** OpenStreetMap `opening_hours`; default `24/7`. */
  openingHours?: string | null;
  currency: string;
  hourlyRate: number;
  /** Cap per 24 h; null = no cap. */
  dailyMax?: number | null;
  /** Default 0. */
  accessibleSpaces?: number | null;
  /** Default 0. */
  evChargingSpaces?: number | null;
  /** IANA zone; default the existing one, else the first feed's, else America/New_York. */
  timezone?: string | null;
}

const OWN_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The operator a facility upsert is for: the key's own, or the input's for admins (FORBIDDEN / BAD_USER_INPUT otherwise). */
export function operatorOf(input: FacilityInput, callerOperatorId: string | undefined): string {
  if (callerOperatorId !== undefined) {
    if (input.operatorId && input.operatorId !== callerOperatorId) {
      throw new ForbiddenError('an operator key may only manage its own facilities');
    }
    return callerOperatorId;
  }
  if (!input.operatorId || !OWN_ID.test(input.operatorId)) {
    throw new BadInputError(
      'operatorId (letters, digits, ".", "_", "-") is required for an admin key',
    );
  }
  return input.operatorId;
}

function count(value: number, name: string, max?: { value: number; name: string }): number {
  if (!Number.isInteger(value) || value < 0)
    throw new BadInputError(`${name} must be a whole number, zero or more`);
  if (max && value > max.value)
    throw new BadInputError(`${name} (${value}) cannot exceed ${max.name} (${max.value})`);
  return value;
}

/** Validates an upsert and builds the row to store (BAD_USER_INPUT naming the first bad field). */
export function facilityRowOf(
  input: FacilityInput,
  operatorId: string,
  existing: Facility | undefined,
  now: Date,
  defaultTimezone: string,
): Facility {
  if (!OWN_ID.test(input.ownId))
    throw new BadInputError('id must be 1–64 letters, digits, ".", "_" or "-"');
  const name = input.name.trim();
  if (name.length === 0 || name.length > 200)
    throw new BadInputError('name must be 1–200 characters');
  if (!Number.isFinite(input.lat) || Math.abs(input.lat) > 90)
    throw new BadInputError('location.lat must be between -90 and 90');
  if (!Number.isFinite(input.lon) || Math.abs(input.lon) > 180)
    throw new BadInputError('location.lon must be between -180 and 180');
  const total = { value: count(input.totalSpaces, 'totalSpaces'), name: 'totalSpaces' };
  const currency = input.currency.toUpperCase();
  if (!isCurrency(currency))
    throw new BadInputError(`price.currency "${input.currency}" is not an ISO 4217 code`);
  const openingHours = input.openingHours?.trim() || ALWAYS_OPEN;
  parseOpeningHours(openingHours);
  const timezone = input.timezone ?? existing?.timezone ?? defaultTimezone;
  if (!IANAZone.isValidZone(timezone))
    throw new BadInputError(`timezone "${timezone}" is not an IANA zone`);
  return {
    id: `${operatorId}:${input.ownId}`,
    operatorId,
    ownId: input.ownId,
    name,
    lat: input.lat,
    lon: input.lon,
    kind: input.kind,
    totalSpaces: total.value,
    reservableSpaces: count(input.reservableSpaces, 'reservableSpaces', total),
    openingHours,
    currency,
    hourlyRate: toMinor(input.hourlyRate, currency, 'price.hourlyRate'),
    dailyMax: input.dailyMax == null ? null : toMinor(input.dailyMax, currency, 'price.dailyMax'),
    accessibleSpaces: count(input.accessibleSpaces ?? 0, 'accessibleSpaces', total),
    evChargingSpaces: count(input.evChargingSpaces ?? 0, 'evChargingSpaces', total),
    timezone,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
}
