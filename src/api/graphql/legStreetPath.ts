import type { Leg } from '../../planner/itinerary.js';
import type { StreetNetwork, StreetPath } from '../../streets/index.js';

/** Paths already found, per leg object (geometry and steps ask for the same one). */
const paths = new WeakMap<object, StreetPath | null>();

/**
 * The street route of a WALK or CAR leg on the loaded graphs (DESIGN.md §10); undefined for other
 * legs and where no graph covers the leg (its geometry is then the straight line).
 */
export function legStreetPath(streets: StreetNetwork, leg: Leg): StreetPath | undefined {
  if (leg.mode !== 'WALK' && leg.mode !== 'CAR') return undefined;
  if (streets.graphs.length === 0 || leg.distanceMeters === 0) return undefined;
  const hit = paths.get(leg);
  if (hit !== undefined) return hit ?? undefined;
  const path = streets.route(leg.mode, leg.from, leg.to) ?? null;
  paths.set(leg, path);
  return path ?? undefined;
}
