import type { AvailabilityReport } from './availability.js';
import type { FacilityInput } from './facilityInput.js';
import { parseOpeningHours } from './openingHours.js';
import type { ParkingKind } from './types.js';

/** A lot of a ParkAPI v1/v2 city feed (`{ lots: [...] }`, as ParkAPI's scrapers publish). */
interface ParkApiLot {
  id?: string;
  name?: string;
  lot_type?: string;
  coords?: { lat?: number; lng?: number };
  total?: number;
  free?: number;
  state?: string;
  opening_hours?: string;
}

/** Settings of `parkApiLots`. */
export interface ParkApiLotOptions {
  /** ISO 4217 currency of the (unknown, 0) price; default EUR. */
  currency?: string;
  /** Share of a lot's spaces set aside for reservations through this platform; default 0.1. */
  reservableShare?: number;
  /** IANA zone of the lots. */
  timezone: string;
}

/** Facilities and live reports read from a ParkAPI v1/v2 `lots` feed, and the lots left out with why. */
export interface ParkApiLots {
  facilities: FacilityInput[];
  /** Live free counts and closures, observed at the feed's `last_updated`. */
  reports: AvailabilityReport[];
  skipped: { name: string; why: string }[];
}

const KIND: Readonly<Record<string, ParkingKind>> = {
  'Park-Ride': 'PARK_AND_RIDE',
  Parkhaus: 'GARAGE',
  Tiefgarage: 'GARAGE',
};

/**
 * `opening_hours` as the parking module reads it: `Mo - Su` (spaced, as the Herrenberg feed
 * writes it) as `Mo-Su`; public-holiday rules (`PH …`) dropped, since holidays need a country
 * the feed does not name (on a holiday the weekday's hours apply).
 */
function openingHoursOf(raw: string): string {
  return raw
    .replace(/\s+-\s+/g, '-')
    .split(';')
    .map((rule) => rule.trim())
    .filter((rule) => rule !== '' && !/^PH\b/.test(rule))
    .join('; ');
}

/** The operator's own id of a lot: its ParkAPI id, else its name made ASCII. */
function ownIdOf(lot: ParkApiLot): string {
  if (lot.id && /^[A-Za-z0-9._-]{1,64}$/.test(lot.id)) return lot.id;
  return (lot.name ?? 'lot')
    .normalize('NFKD')
    .replace(/ß/g, 'ss')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 64)
    .toLowerCase();
}

/**
 * Maps a ParkAPI v1/v2 feed (`{ last_updated, lots: [{ id, name, lot_type, coords: { lat, lng },
 * total, free, state, opening_hours }] }`) to facilities: `Park-Ride` → PARK_AND_RIDE,
 * `Parkhaus`/`Tiefgarage` → GARAGE, else SURFACE_LOT; `opening_hours` through `openingHoursOf`,
 * 24/7 without one. Lots without coordinates or a
 * total, or with hours that do not parse, are skipped. `free` and `state: closed` become reports.
 */
export function parkApiLots(feed: unknown, options: ParkApiLotOptions): ParkApiLots {
  const body = feed as { lots?: ParkApiLot[]; last_updated?: string };
  const observedAtMs = body.last_updated ? Date.parse(`${body.last_updated.slice(0, 19)}Z`) : NaN;
  const out: ParkApiLots = { facilities: [], reports: [], skipped: [] };
  const seen = new Set<string>();
  for (const lot of body.lots ?? []) {
    const name = lot.name ?? '(unnamed)';
    const lat = lot.coords?.lat;
    const lon = lot.coords?.lng;
    if (lat === undefined || lon === undefined) {
      out.skipped.push({ name, why: 'no coordinates' });
      continue;
    }
    if (!lot.total || lot.total <= 0) {
      out.skipped.push({ name, why: 'no total' });
      continue;
    }
    const hours = lot.opening_hours === undefined ? undefined : openingHoursOf(lot.opening_hours);
    if (hours !== undefined) {
      try {
        parseOpeningHours(hours);
      } catch {
        out.skipped.push({ name, why: `opening_hours "${lot.opening_hours ?? ''}" do not parse` });
        continue;
      }
    }
    const ownId = ownIdOf(lot);
    if (seen.has(ownId)) {
      out.skipped.push({ name, why: `duplicate id ${ownId}` });
      continue;
    }
    seen.add(ownId);
    out.facilities.push({
      ownId,
      name,
      lat,
      lon,
      kind: KIND[lot.lot_type ?? ''] ?? 'SURFACE_LOT',
      totalSpaces: lot.total,
      reservableSpaces: Math.floor(lot.total * (options.reservableShare ?? 0.1)),
      openingHours: hours ?? '24/7',
      currency: options.currency ?? 'EUR',
      hourlyRate: 0,
      timezone: options.timezone,
    });
    if (Number.isFinite(observedAtMs) && (lot.state === 'closed' || lot.free !== undefined)) {
      const closed = lot.state === 'closed';
      out.reports.push({
        facilityId: ownId,
        availableSpaces: closed ? 0 : lot.free!,
        status: closed ? 'CLOSED' : lot.free === 0 ? 'FULL' : 'OPEN',
        observedAtMs,
      });
    }
  }
  return out;
}
