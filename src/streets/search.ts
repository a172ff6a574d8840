import {
  arcCost,
  arcUsable,
  arcUsableBackward,
  type ArcIndex,
  type StreetGraph,
  type StreetMode,
  type VertexIndex,
} from './graph.js';
import { MinHeap } from './heap.js';
import type { Snap } from './snap.js';

/** Cars cover the few metres between a point and the road at this speed, km/h. */
export const CAR_OFF_ROAD_KMH = 15;

/** A route found on the street graph. */
export interface StreetRoute {
  mode: StreetMode;
  /** Metres along the streets, the off-street ends included (not rounded). */
  meters: number;
  /** Metres on foot; seconds by car (not rounded). */
  cost: number;
  /** Arcs travelled in order (empty when both points are on one segment). */
  arcs: ArcIndex[];
  /** Vertices passed in order: the first arc's tail, then each arc's head (empty with `arcs`). */
  vertices: VertexIndex[];
  from: Snap;
  to: Snap;
}

/** Scratch arrays of one graph, reused by every search (searches are synchronous). */
class Scratch {
  readonly cost: Float64Array;
  readonly parent: Int32Array;
  readonly parentVertex: Int32Array;
  readonly stamp: Uint32Array;
  readonly settled: Uint32Array;
  readonly heap = new MinHeap();
  generation = 0;
  constructor(n: number) {
    this.cost = new Float64Array(n);
    this.parent = new Int32Array(n);
    this.parentVertex = new Int32Array(n);
    this.stamp = new Uint32Array(n);
    this.settled = new Uint32Array(n);
  }
  begin(): void {
    this.heap.clear();
    this.generation++;
  }
  reached(v: VertexIndex): boolean {
    return this.stamp[v] === this.generation;
  }
  costOf(v: VertexIndex): number {
    return this.reached(v) ? this.cost[v]! : Infinity;
  }
  /** Lowers v's cost; true when it improved. */
  relax(v: VertexIndex, c: number, viaArc: ArcIndex, fromVertex: VertexIndex): boolean {
    if (this.reached(v) && this.cost[v]! <= c) return false;
    this.stamp[v] = this.generation;
    this.cost[v] = c;
    this.parent[v] = viaArc;
    this.parentVertex[v] = fromVertex;
    return true;
  }
}
const scratchOf = new WeakMap<StreetGraph, Scratch>();
function scratch(g: StreetGraph): Scratch {
  let s = scratchOf.get(g);
  if (!s) {
    s = new Scratch(g.vertexCount);
    scratchOf.set(g, s);
  }
  return s;
}

/** Cost of `meters` of arc `a` (part of its length). */
function partCost(g: StreetGraph, a: ArcIndex, meters: number, mode: StreetMode): number {
  return mode === 'WALK' ? meters : (meters * 3.6) / g.arcSpeedKmh[a]!;
}

/** Cost of the off-street ends. */
function offCost(meters: number, mode: StreetMode): number {
  return mode === 'WALK' ? meters : (meters * 3.6) / CAR_OFF_ROAD_KMH;
}

/** Vertices where a search from `s` starts, with their costs. */
function seedsOf(g: StreetGraph, s: Snap, mode: StreetMode): [VertexIndex, number][] {
  const len = g.arcMeters[s.arc]!;
  const seeds: [VertexIndex, number][] = [];
  // A point at a vertex leaves from it whichever way its segment runs.
  if (s.t === 0) seeds.push([s.tail, 0]);
  if (s.t === 1) seeds.push([s.head, 0]);
  if (arcUsable(g, s.arc, mode)) seeds.push([s.head, partCost(g, s.arc, (1 - s.t) * len, mode)]);
  if (arcUsableBackward(g, s.arc, mode)) seeds.push([s.tail, partCost(g, s.arc, s.t * len, mode)]);
  return seeds;
}

/** Ways to end at `s`: from a vertex, plus the cost of the last part of its segment. */
function endsOf(g: StreetGraph, s: Snap, mode: StreetMode): [VertexIndex, number][] {
  const len = g.arcMeters[s.arc]!;
  const ends: [VertexIndex, number][] = [];
  if (s.t === 0) ends.push([s.tail, 0]);
  if (s.t === 1) ends.push([s.head, 0]);
  if (arcUsable(g, s.arc, mode)) ends.push([s.tail, partCost(g, s.arc, s.t * len, mode)]);
  if (arcUsableBackward(g, s.arc, mode))
    ends.push([s.head, partCost(g, s.arc, (1 - s.t) * len, mode)]);
  return ends;
}

/** Cost from `a` to `b` along one segment when both lie on it and the mode may go that way. */
function sameSegment(g: StreetGraph, a: Snap, b: Snap, mode: StreetMode): number {
  let tb: number;
  if (b.arc === a.arc) tb = b.t;
  else if (b.tail === a.head && b.head === a.tail) tb = 1 - b.t;
  else return Infinity;
  const meters = Math.abs(tb - a.t) * g.arcMeters[a.arc]!;
  const forward = tb >= a.t;
  const ok = forward ? arcUsable(g, a.arc, mode) : arcUsableBackward(g, a.arc, mode);
  return ok ? partCost(g, a.arc, meters, mode) : Infinity;
}

/**
 * Shortest route from `from` to `to` (A* with the straight line at the graph's top speed as the
 * bound, which never overestimates: arc lengths are rounded up, the bound rounded down): metres on foot, seconds by
 * car. Undefined when `to` cannot be reached, or not within `maxCost`.
 */
export function routeBetween(
  g: StreetGraph,
  from: Snap,
  to: Snap,
  mode: StreetMode,
  maxCost = Infinity,
): StreetRoute | undefined {
  const sc = scratch(g);
  sc.begin();
  const off = offCost(from.offMeters, mode) + offCost(to.offMeters, mode);
  let best = sameSegment(g, from, to, mode);
  let bestEnd = -1;
  const endCost = new Map<VertexIndex, number>();
  for (const [v, c] of endsOf(g, to, mode)) endCost.set(v, Math.min(c, endCost.get(v) ?? Infinity));
  // Lower bound of cost per metre of straight line (slightly below, against rounding).
  const perMeter = (mode === 'WALK' ? 1 : 3.6 / g.maxSpeedKmh) * 0.999;
  // Equirectangular metres (within 0.1 % of the great circle over a city; the 1 % margin keeps
  // the bound below the true distance) are much cheaper than haversine in the inner loop.
  const kLat = (Math.PI / 180) * 6_371_000 * perMeter * 0.99;
  // The smallest cosine over the graph, so the bound holds at every latitude of it.
  const poleward = Math.max(
    Math.abs(g.meta.bbox.minLat),
    Math.abs(g.meta.bbox.maxLat),
    Math.abs(to.lat),
  );
  const kLon = kLat * Math.cos((poleward * Math.PI) / 180);
  const h = (v: VertexIndex) => {
    const dy = (g.vertexLat[v]! - to.lat) * kLat;
    const dx = (g.vertexLon[v]! - to.lon) * kLon;
    return Math.sqrt(dx * dx + dy * dy);
  };
  for (const [v, c] of seedsOf(g, from, mode))
    if (sc.relax(v, c, -1, -1)) sc.heap.push(v, c + h(v));
  const limit = maxCost - off;
  while (sc.heap.size > 0) {
    if (sc.heap.minKey >= Math.min(best, limit)) break;
    const v = sc.heap.pop();
    if (sc.settled[v] === sc.generation) continue;
    sc.settled[v] = sc.generation;
    const cv = sc.cost[v]!;
    const tail = endCost.get(v);
    if (tail !== undefined && cv + tail < best) {
      best = cv + tail;
      bestEnd = v;
    }
    for (let a = g.arcStart[v]!; a < g.arcStart[v + 1]!; a++) {
      if (!arcUsable(g, a, mode)) continue;
      const w = g.arcHead[a]!;
      const cw = cv + arcCost(g, a, mode);
      if (sc.relax(w, cw, a, v)) sc.heap.push(w, cw + h(w));
    }
  }
  if (best === Infinity || best > limit) return undefined;
  const arcs: ArcIndex[] = [];
  let start = bestEnd;
  if (bestEnd >= 0) {
    while (sc.parent[start]! >= 0) {
      arcs.push(sc.parent[start]!);
      start = sc.parentVertex[start]!;
    }
    arcs.reverse();
  }
  const meters =
    bestEnd >= 0 ? routeMeters(g, from, to, start, bestEnd, arcs) : sameSegmentMeters(g, from, to);
  const vertices = bestEnd >= 0 ? [start, ...arcs.map((a) => g.arcHead[a]!)] : [];
  return { mode, meters, cost: best + off, arcs, vertices, from, to };
}

/** Metres between two points of one segment, the off-street ends included. */
function sameSegmentMeters(g: StreetGraph, from: Snap, to: Snap): number {
  const tb = to.arc === from.arc ? to.t : 1 - to.t;
  return Math.abs(tb - from.t) * g.arcMeters[from.arc]! + from.offMeters + to.offMeters;
}

/** Metres of a route from `start` to `end` over `arcs`, with the partial segments and off-street ends. */
function routeMeters(
  g: StreetGraph,
  from: Snap,
  to: Snap,
  start: VertexIndex,
  end: VertexIndex,
  arcs: ArcIndex[],
): number {
  let meters = from.offMeters + to.offMeters;
  const lenF = g.arcMeters[from.arc]!;
  meters += start === from.head ? (1 - from.t) * lenF : from.t * lenF;
  for (const a of arcs) meters += g.arcMeters[a]!;
  const lenT = g.arcMeters[to.arc]!;
  meters += end === to.tail ? to.t * lenT : (1 - to.t) * lenT;
  return meters;
}

/** Settles every vertex within `limit` of `from` (plain Dijkstra); the scratch holds the tree. */
function settleFrom(g: StreetGraph, from: Snap, mode: StreetMode, limit: number): Scratch {
  const sc = scratch(g);
  sc.begin();
  for (const [v, c] of seedsOf(g, from, mode)) if (sc.relax(v, c, -1, -1)) sc.heap.push(v, c);
  while (sc.heap.size > 0) {
    if (sc.heap.minKey > limit) break;
    const v = sc.heap.pop();
    if (sc.settled[v] === sc.generation) continue;
    sc.settled[v] = sc.generation;
    const cv = sc.cost[v]!;
    for (let a = g.arcStart[v]!; a < g.arcStart[v + 1]!; a++) {
      if (!arcUsable(g, a, mode)) continue;
      const w = g.arcHead[a]!;
      const cw = cv + arcCost(g, a, mode);
      if (cw <= limit && sc.relax(w, cw, a, v)) sc.heap.push(w, cw);
    }
  }
  return sc;
}

/**
 * Routes from `from` to each of `targets` (one-to-many Dijkstra up to `maxCost`, metres on foot,
 * seconds by car), with their street metres; undefined for a target not reached within it or not
 * placed on the graph. Walking is symmetric, so the same search serves egress (many-to-one).
 */
export function routesToMany(
  g: StreetGraph,
  from: Snap,
  targets: readonly (Snap | undefined)[],
  mode: StreetMode,
  maxCost: number,
): ({ cost: number; meters: number } | undefined)[] {
  const fromOff = offCost(from.offMeters, mode);
  const sc = settleFrom(g, from, mode, maxCost - fromOff);
  return targets.map((t) => {
    if (!t) return undefined;
    let c = sameSegment(g, from, t, mode);
    let end = -1;
    for (const [v, tail] of endsOf(g, t, mode)) {
      if (sc.costOf(v) + tail < c) {
        c = sc.costOf(v) + tail;
        end = v;
      }
    }
    c += fromOff + offCost(t.offMeters, mode);
    if (c === Infinity || c > maxCost) return undefined;
    if (end < 0) return { cost: c, meters: sameSegmentMeters(g, from, t) };
    let meters = from.offMeters + t.offMeters;
    let v = end;
    while (sc.parent[v]! >= 0) {
      meters += g.arcMeters[sc.parent[v]!]!;
      v = sc.parentVertex[v]!;
    }
    // The partial segments: at the start from the point to the seed vertex, at the end the tail.
    const lenF = g.arcMeters[from.arc]!;
    meters += v === from.head ? (1 - from.t) * lenF : from.t * lenF;
    meters += (end === t.tail ? t.t : 1 - t.t) * g.arcMeters[t.arc]!;
    return { cost: c, meters };
  });
}

/** Costs only of `routesToMany`: Infinity where it has no route. */
export function costsToMany(
  g: StreetGraph,
  from: Snap,
  targets: readonly (Snap | undefined)[],
  mode: StreetMode,
  maxCost: number,
): Float64Array {
  return Float64Array.from(
    routesToMany(g, from, targets, mode, maxCost),
    (r) => r?.cost ?? Infinity,
  );
}
