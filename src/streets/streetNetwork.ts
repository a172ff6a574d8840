import type { StreetGraph, StreetMode } from './graph.js';
import { costsToMany, routeBetween, routesToMany, type StreetRoute } from './search.js';
import { snapPoint, type Snap } from './snap.js';
import { routePoints, routeSteps, type StreetStep } from './steps.js';

/** A point, degrees. */
export interface LatLon {
  lat: number;
  lon: number;
}

/** A route with what a leg shows of it. */
export interface StreetPath {
  /** Whole metres along the streets (rounded up). */
  meters: number;
  /** Whole seconds by car; for walking, the caller divides metres by its speed. */
  seconds: number;
  /** [lat, lon] from the origin along the streets to the destination. */
  points: [number, number][];
  steps: StreetStep[];
}

/** Snaps kept per network and mode (stops are snapped again and again). */
const SNAP_CACHE_SIZE = 200_000;

/**
 * The loaded street graphs (one per imported area), immutable: a request holds on to one. A trip
 * is routed on the graph whose bounding box holds its points; where none does, or a point is too
 * far from any street, the caller falls back to DESIGN.md §4's straight line.
 */
export class StreetNetwork {
  private readonly snaps = new Map<string, Snap | null>();

  constructor(readonly graphs: readonly StreetGraph[]) {}

  /** The graph covering every point given, if any. */
  graphFor(...points: LatLon[]): StreetGraph | undefined {
    return this.graphs.find((g) =>
      points.every(
        (p) =>
          p.lat >= g.meta.bbox.minLat &&
          p.lat <= g.meta.bbox.maxLat &&
          p.lon >= g.meta.bbox.minLon &&
          p.lon <= g.meta.bbox.maxLon,
      ),
    );
  }

  /** `p` placed on a street of `g` that `mode` may use (cached); undefined when none is near. */
  snap(g: StreetGraph, p: LatLon, mode: StreetMode): Snap | undefined {
    const key = `${g.meta.area}|${mode}|${p.lat}|${p.lon}`;
    const hit = this.snaps.get(key);
    if (hit !== undefined) return hit ?? undefined;
    const s = snapPoint(g, p.lat, p.lon, mode);
    if (this.snaps.size >= SNAP_CACHE_SIZE) this.snaps.clear();
    this.snaps.set(key, s ?? null);
    return s;
  }

  /**
   * Walking metres (rounded up) from `from` to each target within `maxMeters`: Infinity when not
   * reachable within it, undefined for a target that no street near it places (§4 applies). The
   * whole answer is undefined when `from` is not on a loaded graph.
   */
  walkMetersToMany(
    from: LatLon,
    targets: readonly LatLon[],
    maxMeters: number,
  ): (number | undefined)[] | undefined {
    const g = this.graphFor(from);
    const start = g && this.snap(g, from, 'WALK');
    if (!g || !start) return undefined;
    const snaps = targets.map((t) =>
      this.graphFor(t) === g ? this.snap(g, t, 'WALK') : undefined,
    );
    const costs = costsToMany(g, start, snaps, 'WALK', maxMeters);
    return snaps.map((s, i) => (s ? Math.ceil(costs[i]!) : undefined));
  }

  /**
   * Drives from `from` to each target (one search): whole metres and seconds, undefined for a
   * target off the roads or not reached; undefined as a whole when `from` is off the graph's roads.
   */
  driveToMany(
    from: LatLon,
    targets: readonly LatLon[],
  ): ({ meters: number; seconds: number } | undefined)[] | undefined {
    const g = this.graphFor(from);
    const start = g && this.snap(g, from, 'CAR');
    if (!g || !start) return undefined;
    const snaps = targets.map((t) => (this.graphFor(t) === g ? this.snap(g, t, 'CAR') : undefined));
    return routesToMany(g, start, snaps, 'CAR', Infinity).map(
      (r) => r && { meters: Math.ceil(r.meters), seconds: Math.ceil(r.cost) },
    );
  }

  /** The street route from `from` to `to` by `mode`; undefined when not covered or not connected. */
  route(mode: StreetMode, from: LatLon, to: LatLon, maxCost = Infinity): StreetPath | undefined {
    const found = this.rawRoute(mode, from, to, maxCost);
    if (!found) return undefined;
    const { g, route } = found;
    return {
      meters: Math.ceil(route.meters),
      seconds: Math.ceil(route.mode === 'CAR' ? route.cost : 0),
      points: routePoints(g, route, from, to),
      steps: routeSteps(g, route),
    };
  }

  /** The route on the graph itself (for tests and benchmarks). */
  rawRoute(
    mode: StreetMode,
    from: LatLon,
    to: LatLon,
    maxCost = Infinity,
  ): { g: StreetGraph; route: StreetRoute } | undefined {
    const g = this.graphFor(from, to);
    const a = g && this.snap(g, from, mode);
    const b = g && this.snap(g, to, mode);
    if (!g || !a || !b) return undefined;
    const route = routeBetween(g, a, b, mode, maxCost);
    return route && { g, route };
  }
}
