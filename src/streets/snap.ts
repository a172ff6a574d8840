import { around } from 'geokdbush';
import { haversineMeters } from '../transit/index.js';
import {
  arcUsable,
  arcUsableBackward,
  type ArcIndex,
  type StreetGraph,
  type StreetMode,
  type VertexIndex,
} from './graph.js';

/** A point placed on the nearest usable segment. */
export interface Snap {
  /** The arc the point lies on, from `tail` to `head`. */
  arc: ArcIndex;
  tail: VertexIndex;
  head: VertexIndex;
  /** Where on the arc: 0 at the tail, 1 at the head. */
  t: number;
  /** Straight-line metres from the point to the street. */
  offMeters: number;
  /** The point on the street. */
  lat: number;
  lon: number;
}

/** How far from a street a point may be and still be placed on it, metres; default 300 on foot, 500 by car. */
export const SNAP_MAX_METERS: Readonly<Record<StreetMode, number>> = { WALK: 300, CAR: 500 };
/** Nearest vertices whose segments are tried. */
const CANDIDATE_VERTICES = 24;
/** Segments are rarely longer than this: vertices that far beyond the snap radius are tried, metres. */
const SEGMENT_SLACK_METERS = 400;

/**
 * Places a point on the nearest segment that `mode` may use (either way), or undefined when none
 * is within `maxMeters`: the segments of the nearest such vertices (k-d tree) are projected onto, in a
 * local equirectangular plane.
 */
export function snapPoint(
  g: StreetGraph,
  lat: number,
  lon: number,
  mode: StreetMode,
  maxMeters: number = SNAP_MAX_METERS[mode],
): Snap | undefined {
  if (g.vertexCount === 0) return undefined;
  const near = around(
    g.vertexIndex,
    lon,
    lat,
    CANDIDATE_VERTICES,
    (maxMeters + SEGMENT_SLACK_METERS) / 1000,
    // Only vertices with a segment the mode may use (by car, footpaths are skipped).
    (v: number) => {
      for (let a = g.arcStart[v]!; a < g.arcStart[v + 1]!; a++)
        if (arcUsable(g, a, mode) || arcUsableBackward(g, a, mode)) return true;
      return false;
    },
  );
  const kx = Math.cos((lat * Math.PI) / 180);
  let best: Snap | undefined;
  for (const v of near) {
    for (let a = g.arcStart[v]!; a < g.arcStart[v + 1]!; a++) {
      if (!arcUsable(g, a, mode) && !arcUsableBackward(g, a, mode)) continue;
      const h = g.arcHead[a]!;
      const ax = (g.vertexLon[v]! - lon) * kx;
      const ay = g.vertexLat[v]! - lat;
      const bx = (g.vertexLon[h]! - lon) * kx;
      const by = g.vertexLat[h]! - lat;
      const dx = bx - ax;
      const dy = by - ay;
      const len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
      const pLat = g.vertexLat[v]! + t * (g.vertexLat[h]! - g.vertexLat[v]!);
      const pLon = g.vertexLon[v]! + t * (g.vertexLon[h]! - g.vertexLon[v]!);
      const off = haversineMeters(lat, lon, pLat, pLon);
      if (off > maxMeters || (best && best.offMeters <= off)) continue;
      best = { arc: a, tail: v, head: h, t, offMeters: off, lat: pLat, lon: pLon };
    }
  }
  return best;
}
