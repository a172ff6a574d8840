import KDBush from 'kdbush';
import { haversineMeters } from '../transit/index.js';
import {
  ARC_CAR_BACKWARD,
  ARC_CAR_FORWARD,
  ARC_FOOT,
  type StreetGraph,
  type StreetGraphMeta,
} from './graph.js';
import { wayAccess, type OsmTags } from './wayAccess.js';

/** Settings of `StreetGraphBuilder`. */
export interface BuildOptions {
  /**
   * Walking or driving components with fewer vertices than this are pruned for that mode, as
   * OpenTripPlanner prunes islands; default 50 (vertices are OSM nodes, about ten intersections).
   */
  minIslandVertices?: number;
}

/** A growable Float64 list. */
class F64List {
  data = new Float64Array(4096);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

interface WayDraft {
  refs: number[];
  foot: boolean;
  carForward: boolean;
  carBackward: boolean;
  speedKmh: number;
  name: string | undefined;
}

/**
 * Collects OSM nodes and ways (in any order) and builds a `StreetGraph`: routable ways by their
 * tags (`wayAccess`), one pair of arcs per segment, islands pruned, vertices renumbered densely.
 */
export class StreetGraphBuilder {
  private readonly nodeId = new F64List();
  private readonly nodeLat = new F64List();
  private readonly nodeLon = new F64List();
  private readonly ways: WayDraft[] = [];
  /** Ways seen with a `highway` tag, routable or not. */
  highwayWays = 0;

  /** Adds an OSM node. */
  addNode(id: number, lat: number, lon: number): void {
    this.nodeId.push(id);
    this.nodeLat.push(lat);
    this.nodeLon.push(lon);
  }

  /** Adds an OSM way; ways that nobody may use are dropped at once. */
  addWay(refs: readonly number[], tags: OsmTags): void {
    if (tags.highway !== undefined) this.highwayWays++;
    const access = wayAccess(tags);
    if (!access || refs.length < 2) return;
    this.ways.push({
      refs: refs.slice(),
      foot: access.foot,
      carForward: access.carForward,
      carBackward: access.carBackward,
      speedKmh: Math.max(1, Math.min(255, Math.round(access.carSpeedKmh))),
      name: tags.name ?? tags.ref,
    });
  }

  /** Number of routable ways collected. */
  get wayCount(): number {
    return this.ways.length;
  }

  /** Builds the graph; `meta` is completed with counts and bounding box. */
  build(
    meta: Pick<StreetGraphMeta, 'area' | 'source' | 'importedAtMs'>,
    options: BuildOptions = {},
  ): StreetGraph {
    const minIsland = options.minIslandVertices ?? 50;
    // Vertices: the nodes referenced by routable ways.
    const vertexOf = new Map<number, number>();
    for (const w of this.ways)
      for (const r of w.refs) if (!vertexOf.has(r)) vertexOf.set(r, vertexOf.size);
    const rawCount = vertexOf.size;
    const lat = new Float64Array(rawCount).fill(NaN);
    const lon = new Float64Array(rawCount).fill(NaN);
    for (let i = 0; i < this.nodeId.length; i++) {
      const v = vertexOf.get(this.nodeId.data[i]!);
      if (v === undefined) continue;
      lat[v] = this.nodeLat.data[i]!;
      lon[v] = this.nodeLon.data[i]!;
    }

    // Segments (a → b) with the flags of the forward arc and the way they belong to.
    const segA: number[] = [];
    const segB: number[] = [];
    const segFlags: number[] = [];
    const segWay: number[] = [];
    this.ways.forEach((w, wi) => {
      for (let k = 1; k < w.refs.length; k++) {
        const a = vertexOf.get(w.refs[k - 1]!)!;
        const b = vertexOf.get(w.refs[k]!)!;
        if (a === b || Number.isNaN(lat[a]!) || Number.isNaN(lat[b]!)) continue;
        segA.push(a);
        segB.push(b);
        segFlags.push(
          (w.foot ? ARC_FOOT : 0) |
            (w.carForward ? ARC_CAR_FORWARD : 0) |
            (w.carBackward ? ARC_CAR_BACKWARD : 0),
        );
        segWay.push(wi);
      }
    });

    // Islands: undirected components per mode, too small ones lose that mode.
    const footComp = components(rawCount, segA, segB, segFlags, ARC_FOOT);
    const carComp = components(rawCount, segA, segB, segFlags, ARC_CAR_FORWARD | ARC_CAR_BACKWARD);
    for (let s = 0; s < segA.length; s++) {
      if (footComp.size[footComp.root[segA[s]!]!]! < minIsland) segFlags[s]! &= ~ARC_FOOT;
      if (carComp.size[carComp.root[segA[s]!]!]! < minIsland)
        segFlags[s]! &= ~(ARC_CAR_FORWARD | ARC_CAR_BACKWARD);
    }

    // Renumber the vertices that keep a segment.
    const newIndex = new Int32Array(rawCount).fill(-1);
    let vertexCount = 0;
    let segments = 0;
    for (let s = 0; s < segA.length; s++) {
      if (segFlags[s] === 0) continue;
      segments++;
      for (const v of [segA[s]!, segB[s]!]) if (newIndex[v] === -1) newIndex[v] = vertexCount++;
    }
    const vertexLat = new Float64Array(vertexCount);
    const vertexLon = new Float64Array(vertexCount);
    for (let v = 0; v < rawCount; v++) {
      const n = newIndex[v]!;
      if (n < 0) continue;
      vertexLat[n] = lat[v]!;
      vertexLon[n] = lon[v]!;
    }

    // CSR: two arcs per kept segment.
    const degree = new Int32Array(vertexCount + 1);
    for (let s = 0; s < segA.length; s++) {
      if (segFlags[s] === 0) continue;
      degree[newIndex[segA[s]!]! + 1]!++;
      degree[newIndex[segB[s]!]! + 1]!++;
    }
    for (let v = 0; v < vertexCount; v++) degree[v + 1]! += degree[v]!;
    const arcStart = degree;
    const arcCount = 2 * segments;
    const arcHead = new Int32Array(arcCount);
    const arcMeters = new Float32Array(arcCount);
    const arcFlags = new Uint8Array(arcCount);
    const arcSpeedKmh = new Uint8Array(arcCount);
    const arcName = new Int32Array(arcCount);
    const cursor = arcStart.slice(0, vertexCount);
    const nameIndex = new Map<string, number>();
    const names: string[] = [];
    let maxSpeedKmh = 1;
    for (let s = 0; s < segA.length; s++) {
      const flags = segFlags[s]!;
      if (flags === 0) continue;
      const a = newIndex[segA[s]!]!;
      const b = newIndex[segB[s]!]!;
      const w = this.ways[segWay[s]!]!;
      // Rounded up, so a path is never shorter than the straight line (A* stays admissible).
      const meters = nextFloat32Up(
        haversineMeters(vertexLat[a]!, vertexLon[a]!, vertexLat[b]!, vertexLon[b]!),
      );
      let name = -1;
      if (w.name !== undefined) {
        name = nameIndex.get(w.name) ?? -1;
        if (name < 0) {
          name = names.length;
          names.push(w.name);
          nameIndex.set(w.name, name);
        }
      }
      if (flags & (ARC_CAR_FORWARD | ARC_CAR_BACKWARD))
        maxSpeedKmh = Math.max(maxSpeedKmh, w.speedKmh);
      const reversed =
        (flags & ARC_FOOT) |
        (flags & ARC_CAR_FORWARD ? ARC_CAR_BACKWARD : 0) |
        (flags & ARC_CAR_BACKWARD ? ARC_CAR_FORWARD : 0);
      for (const [tail, head, f] of [
        [a, b, flags],
        [b, a, reversed],
      ] as const) {
        const at = cursor[tail]!++;
        arcHead[at] = head;
        arcMeters[at] = meters;
        arcFlags[at] = f;
        arcSpeedKmh[at] = w.speedKmh;
        arcName[at] = name;
      }
    }

    let minLat = Infinity;
    let minLon = Infinity;
    let maxLat = -Infinity;
    let maxLon = -Infinity;
    for (let v = 0; v < vertexCount; v++) {
      minLat = Math.min(minLat, vertexLat[v]!);
      maxLat = Math.max(maxLat, vertexLat[v]!);
      minLon = Math.min(minLon, vertexLon[v]!);
      maxLon = Math.max(maxLon, vertexLon[v]!);
    }
    return {
      meta: {
        ...meta,
        bbox: { minLat, minLon, maxLat, maxLon },
        counts: {
          vertices: vertexCount,
          segments,
          prunedVertices: countUsed(segA, segB, rawCount) - vertexCount,
        },
      },
      vertexCount,
      vertexLat,
      vertexLon,
      arcStart,
      arcHead,
      arcMeters,
      arcFlags,
      arcSpeedKmh,
      arcName,
      names,
      maxSpeedKmh,
      vertexIndex: vertexIndexOf(vertexLat, vertexLon),
    };
  }
}

/** A spatial index over vertices (lon, lat), as geokdbush wants it. */
export function vertexIndexOf(lat: Float64Array, lon: Float64Array): KDBush {
  const index = new KDBush(Math.max(1, lat.length));
  for (let v = 0; v < lat.length; v++) index.add(lon[v]!, lat[v]!);
  if (lat.length === 0) index.add(0, 0);
  index.finish();
  return index;
}

/** The smallest float32 at or above `x`. */
function nextFloat32Up(x: number): number {
  const f = Math.fround(x);
  if (f >= x) return f;
  const buf = new Float32Array([f]);
  new Int32Array(buf.buffer)[0]! += 1;
  return buf[0]!;
}

function countUsed(segA: number[], segB: number[], n: number): number {
  const used = new Uint8Array(n);
  for (let s = 0; s < segA.length; s++) used[segA[s]!] = used[segB[s]!] = 1;
  return used.reduce((sum, u) => sum + u, 0);
}

/** Undirected components of the segments that have any of `mask` (union-find). */
function components(
  n: number,
  segA: number[],
  segB: number[],
  segFlags: number[],
  mask: number,
): { root: Int32Array; size: Int32Array } {
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (let s = 0; s < segA.length; s++) {
    if ((segFlags[s]! & mask) === 0) continue;
    const ra = find(segA[s]!);
    const rb = find(segB[s]!);
    if (ra !== rb) parent[ra] = rb;
  }
  const root = new Int32Array(n);
  const size = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    root[i] = find(i);
    size[root[i]!]!++;
  }
  return { root, size };
}
