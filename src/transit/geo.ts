/** Mean Earth radius used for all distances, metres. */
export const EARTH_RADIUS_METERS = 6_371_000;

/** Great-circle distance between two WGS84 points, metres (not rounded). */
export function haversineMeters(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLon = (lon2 - lon1) * toRad;
  const a =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Walk distance of DESIGN.md §4: haversine × circuity, rounded up to whole metres. */
export function walkMeters(
  lat1: number,
  lon1: number,
  lat2: number,
  lon2: number,
  circuity: number,
): number {
  return Math.ceil(haversineMeters(lat1, lon1, lat2, lon2) * circuity);
}

/** Walk duration of DESIGN.md §4: ceil(distance / speed), seconds. */
export function walkSeconds(meters: number, walkSpeedMps: number): number {
  return Math.ceil(meters / walkSpeedMps);
}
