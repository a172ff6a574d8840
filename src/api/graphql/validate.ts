import { BadInputError } from '../../errors.js';

/** Rejects latitudes outside ±90 and longitudes outside ±180 (BAD_USER_INPUT). */
export function checkLatLon(p: { lat: number; lon: number }, name: string): void {
  if (!Number.isFinite(p.lat) || p.lat < -90 || p.lat > 90) {
    throw new BadInputError(`${name}.lat must be between -90 and 90`);
  }
  if (!Number.isFinite(p.lon) || p.lon < -180 || p.lon > 180) {
    throw new BadInputError(`${name}.lon must be between -180 and 180`);
  }
}
