import { BadInputError } from '../errors.js';
import type { MinorUnits } from './types.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

let currencies: Set<string> | undefined;

/** True for an ISO 4217 code this runtime knows (e.g. `USD`). */
export function isCurrency(code: string): boolean {
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  return currencies.has(code);
}

const digitsCache = new Map<string, number>();

/** Number of decimals of the minor unit of `currency` (2 for USD, 0 for JPY). */
export function minorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    const format = new Intl.NumberFormat('en', { style: 'currency', currency });
    digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** A major-unit amount (12.5 USD) in minor units (1250); BAD_USER_INPUT when negative or finer than the minor unit. */
export function toMinor(amount: number, currency: string, name: string): MinorUnits {
  if (!Number.isFinite(amount) || amount < 0)
    throw new BadInputError(`${name} must be zero or more`);
  const scaled = amount * 10 ** minorDigits(currency);
  const minor = Math.round(scaled);
  if (Math.abs(scaled - minor) > 1e-6)
    throw new BadInputError(`${name} has more decimals than ${currency} allows`);
  return minor;
}

/** Minor units (1250) as a major-unit amount (12.5). */
export function toMajor(minor: MinorUnits, currency: string): number {
  return minor / 10 ** minorDigits(currency);
}

/**
 * Price of a stay of `durationMs`: `hourlyRate` per started hour, each full 24 h period and the
 * remainder each capped at `dailyMax` (null = no cap). All amounts in minor units.
 */
export function priceForDuration(
  hourlyRate: MinorUnits,
  dailyMax: MinorUnits | null,
  durationMs: number,
): MinorUnits {
  const cap = (amount: MinorUnits) => (dailyMax === null ? amount : Math.min(amount, dailyMax));
  const fullDays = Math.floor(durationMs / DAY_MS);
  const restMs = durationMs - fullDays * DAY_MS;
  return fullDays * cap(24 * hourlyRate) + cap(Math.ceil(restMs / HOUR_MS) * hourlyRate);
}
