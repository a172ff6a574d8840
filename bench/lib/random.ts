/** A seeded source of uniform numbers in [0, 1), so that every run asks the same questions. */
export type Random = () => number;

/** mulberry32: a tiny, fast 32-bit PRNG; the same `seed` always gives the same sequence. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform integer in [min, max] (both inclusive). */
export function randomInt(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** A uniform element of a non-empty list. */
export function pick<T>(random: Random, items: ArrayLike<T>): T {
  if (items.length === 0) throw new Error('pick from an empty list');
  return items[Math.floor(random() * items.length)]!;
}

const METERS_PER_DEGREE_LAT = 111_320;

/** A uniform point in the disk of `radiusMeters` around (lat, lon) (flat-earth approximation, fine below a few km). */
export function pointNear(
  random: Random,
  lat: number,
  lon: number,
  radiusMeters: number,
): { lat: number; lon: number } {
  const distance = radiusMeters * Math.sqrt(random());
  const bearing = 2 * Math.PI * random();
  const dLat = (distance * Math.cos(bearing)) / METERS_PER_DEGREE_LAT;
  const dLon =
    (distance * Math.sin(bearing)) / (METERS_PER_DEGREE_LAT * Math.cos((lat * Math.PI) / 180));
  return { lat: lat + dLat, lon: lon + dLon };
}
