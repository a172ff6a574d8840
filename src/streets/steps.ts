import type { StreetGraph } from './graph.js';
import type { StreetRoute } from './search.js';

/** A turn as OpenTripPlanner's walk steps name it. */
export type RelativeDirection =
  | 'DEPART'
  | 'CONTINUE'
  | 'SLIGHTLY_LEFT'
  | 'LEFT'
  | 'HARD_LEFT'
  | 'SLIGHTLY_RIGHT'
  | 'RIGHT'
  | 'HARD_RIGHT'
  | 'UTURN_LEFT';

/** One instruction of a street route: follow a street for a distance after a turn. */
export interface StreetStep {
  /** The street's `name` (or `ref`); null for an unnamed way. */
  streetName: string | null;
  /** Metres along this street, not rounded. */
  distanceMeters: number;
  relativeDirection: RelativeDirection;
  /** Where the step starts. */
  lat: number;
  lon: number;
}

/** The route's points: the origin, where it meets the street, the vertices, where it leaves, the destination. */
export function routePoints(
  g: StreetGraph,
  route: StreetRoute,
  from: { lat: number; lon: number },
  to: { lat: number; lon: number },
): [number, number][] {
  const pts: [number, number][] = [[from.lat, from.lon]];
  const add = (lat: number, lon: number) => {
    const last = pts[pts.length - 1]!;
    if (last[0] !== lat || last[1] !== lon) pts.push([lat, lon]);
  };
  add(route.from.lat, route.from.lon);
  for (const v of route.vertices) add(g.vertexLat[v]!, g.vertexLon[v]!);
  add(route.to.lat, route.to.lon);
  add(to.lat, to.lon);
  return pts;
}

/** Compass bearing from one point to another, degrees (0 = north, clockwise). */
function bearing(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const toRad = Math.PI / 180;
  const y = Math.sin((lon2 - lon1) * toRad) * Math.cos(lat2 * toRad);
  const x =
    Math.cos(lat1 * toRad) * Math.sin(lat2 * toRad) -
    Math.sin(lat1 * toRad) * Math.cos(lat2 * toRad) * Math.cos((lon2 - lon1) * toRad);
  return (Math.atan2(y, x) / toRad + 360) % 360;
}

/** The turn from heading `before` to heading `after`, degrees, with OpenTripPlanner's thresholds. */
export function relativeDirection(before: number, after: number): RelativeDirection {
  const turn = ((((after - before) % 360) + 540) % 360) - 180; // −180..180, positive = right
  const a = Math.abs(turn);
  if (a < 17) return 'CONTINUE';
  if (a < 40) return turn > 0 ? 'SLIGHTLY_RIGHT' : 'SLIGHTLY_LEFT';
  if (a < 115) return turn > 0 ? 'RIGHT' : 'LEFT';
  if (a < 165) return turn > 0 ? 'HARD_RIGHT' : 'HARD_LEFT';
  return 'UTURN_LEFT';
}

/**
 * Walk (or drive) steps of a route: a new step wherever the street name changes, with the turn
 * onto it; the first is DEPART. The partial segments at the ends count toward their street.
 */
export function routeSteps(g: StreetGraph, route: StreetRoute): StreetStep[] {
  const nameOf = (arc: number) => {
    const n = g.arcName[arc]!;
    return n >= 0 ? g.names[n]! : null;
  };
  // Pieces: [name, metres, start lat, start lon, end lat, end lon].
  const pieces: {
    name: string | null;
    meters: number;
    lat1: number;
    lon1: number;
    lat2: number;
    lon2: number;
  }[] = [];
  const firstVertex = route.vertices[0];
  const lastVertex = route.vertices[route.vertices.length - 1];
  if (firstVertex === undefined || lastVertex === undefined) {
    pieces.push({
      name: nameOf(route.from.arc),
      meters: route.meters - route.from.offMeters - route.to.offMeters,
      lat1: route.from.lat,
      lon1: route.from.lon,
      lat2: route.to.lat,
      lon2: route.to.lon,
    });
  } else {
    const lenF = g.arcMeters[route.from.arc]!;
    const startPart =
      firstVertex === route.from.head ? (1 - route.from.t) * lenF : route.from.t * lenF;
    pieces.push({
      name: nameOf(route.from.arc),
      meters: startPart,
      lat1: route.from.lat,
      lon1: route.from.lon,
      lat2: g.vertexLat[firstVertex]!,
      lon2: g.vertexLon[firstVertex]!,
    });
    route.arcs.forEach((a, i) => {
      const u = route.vertices[i]!;
      const v = route.vertices[i + 1]!;
      pieces.push({
        name: nameOf(a),
        meters: g.arcMeters[a]!,
        lat1: g.vertexLat[u]!,
        lon1: g.vertexLon[u]!,
        lat2: g.vertexLat[v]!,
        lon2: g.vertexLon[v]!,
      });
    });
    const lenT = g.arcMeters[route.to.arc]!;
    const endPart = lastVertex === route.to.tail ? route.to.t * lenT : (1 - route.to.t) * lenT;
    pieces.push({
      name: nameOf(route.to.arc),
      meters: endPart,
      lat1: g.vertexLat[lastVertex]!,
      lon1: g.vertexLon[lastVertex]!,
      lat2: route.to.lat,
      lon2: route.to.lon,
    });
  }
  const steps: StreetStep[] = [];
  let heading: number | undefined;
  for (const p of pieces) {
    if (p.meters <= 0) continue;
    const dir = bearing(p.lat1, p.lon1, p.lat2, p.lon2);
    const last = steps[steps.length - 1];
    if (last && last.streetName === p.name) {
      last.distanceMeters += p.meters;
    } else {
      steps.push({
        streetName: p.name,
        distanceMeters: p.meters,
        relativeDirection: heading === undefined ? 'DEPART' : relativeDirection(heading, dir),
        lat: p.lat1,
        lon: p.lon1,
      });
    }
    heading = dir;
  }
  return steps;
}
