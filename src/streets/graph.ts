import type KDBush from 'kdbush';

/** Index of a vertex of a street graph (an OSM node on a routable way). */
export type VertexIndex = number;
/** Index of an arc (one direction of a segment) of a street graph. */
export type ArcIndex = number;

/** The arc may be walked. */
export const ARC_FOOT = 1;
/** Cars may drive the arc in its direction. */
export const ARC_CAR_FORWARD = 2;
/** Cars may drive the arc's twin, i.e. from the arc's head to its tail (for backward searches). */
export const ARC_CAR_BACKWARD = 4;

/** How a street graph is travelled: on foot (metres) or by car (seconds). */
export type StreetMode = 'WALK' | 'CAR';

/** What the graph came from. */
export interface StreetGraphMeta {
  area: string;
  /** File name of the extract. */
  source: string;
  importedAtMs: number;
  /** Bounding box of the vertices, degrees. */
  bbox: { minLat: number; minLon: number; maxLat: number; maxLon: number };
  counts: {
    /** Vertices kept after pruning. */
    vertices: number;
    /** Segments (consecutive node pairs of routable ways) kept after pruning. */
    segments: number;
    /** Vertices dropped with islands. */
    prunedVertices: number;
  };
}

/**
 * A street graph (DESIGN.md §10), immutable: vertices with coordinates and a CSR adjacency of
 * arcs, two per segment (one each way, each with its own flags), so a backward search reads the
 * same arrays. `arcFlags` holds ARC_FOOT / ARC_CAR_FORWARD / ARC_CAR_BACKWARD.
 */
export interface StreetGraph {
  meta: StreetGraphMeta;
  vertexCount: number;
  vertexLat: Float64Array;
  vertexLon: Float64Array;
  /** Arcs leaving vertex v: `[arcStart[v], arcStart[v + 1])`. */
  arcStart: Int32Array;
  arcHead: Int32Array;
  /** Length, metres. */
  arcMeters: Float32Array;
  arcFlags: Uint8Array;
  /** Car speed, km/h. */
  arcSpeedKmh: Uint8Array;
  /** Index into `names`, -1 for an unnamed way. */
  arcName: Int32Array;
  names: string[];
  /** Fastest car speed of any arc, km/h (the A* bound). */
  maxSpeedKmh: number;
  /** Spatial index over the vertices (built when the graph is loaded, not stored). */
  vertexIndex: KDBush;
}

/** True when `mode` may use arc `a` in its direction. */
export function arcUsable(g: StreetGraph, a: ArcIndex, mode: StreetMode): boolean {
  return (g.arcFlags[a]! & (mode === 'WALK' ? ARC_FOOT : ARC_CAR_FORWARD)) !== 0;
}

/** True when `mode` may use arc `a` against its direction (the twin arc's direction). */
export function arcUsableBackward(g: StreetGraph, a: ArcIndex, mode: StreetMode): boolean {
  return (g.arcFlags[a]! & (mode === 'WALK' ? ARC_FOOT : ARC_CAR_BACKWARD)) !== 0;
}

/** Cost of arc `a`: metres on foot, seconds by car. */
export function arcCost(g: StreetGraph, a: ArcIndex, mode: StreetMode): number {
  return mode === 'WALK' ? g.arcMeters[a]! : (g.arcMeters[a]! * 3.6) / g.arcSpeedKmh[a]!;
}

/** The tail vertex of arc `a` (binary search over `arcStart`). */
export function arcTail(g: StreetGraph, a: ArcIndex): VertexIndex {
  let lo = 0;
  let hi = g.vertexCount - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (g.arcStart[mid]! <= a) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Bytes the graph's arrays take in memory (the spatial index included). */
export function graphBytes(g: StreetGraph): number {
  return (
    g.vertexLat.byteLength +
    g.vertexLon.byteLength +
    g.arcStart.byteLength +
    g.arcHead.byteLength +
    g.arcMeters.byteLength +
    g.arcFlags.byteLength +
    g.arcSpeedKmh.byteLength +
    g.arcName.byteLength +
    g.vertexIndex.data.byteLength +
    g.names.reduce((sum, n) => sum + 2 * n.length + 16, 0)
  );
}
