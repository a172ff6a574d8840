import { haversineMeters } from '../transit/index.js';
import type { Facility } from './records.js';
import type { LatLonBox } from './repository.js';

/** A facility with its straight-line distance from a query point, metres. */
export interface FacilityNear {
  facility: Facility;
  distanceMeters: number;
}

/** The lat/lon box that holds every point within `radiusMeters` of a point. */
export function boxAround(lat: number, lon: number, radiusMeters: number): LatLonBox {
  const dLat = radiusMeters / 111_320 + 1e-6;
  const dLon = dLat / Math.max(0.01, Math.cos((lat * Math.PI) / 180));
  return { minLat: lat - dLat, maxLat: lat + dLat, minLon: lon - dLon, maxLon: lon + dLon };
}

/** The facilities of `inBox` within `radiusMeters` (whole metres, straight line) of a point, nearest first. */
export function nearestFirst(
  inBox: readonly Facility[],
  lat: number,
  lon: number,
  radiusMeters: number,
): FacilityNear[] {
  return inBox
    .map((facility) => ({
      facility,
      distanceMeters: Math.round(haversineMeters(lat, lon, facility.lat, facility.lon)),
    }))
    .filter((f) => f.distanceMeters <= radiusMeters)
    .sort(
      (a, b) => a.distanceMeters - b.distanceMeters || a.facility.id.localeCompare(b.facility.id),
    );
}
