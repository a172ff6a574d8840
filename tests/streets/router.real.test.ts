import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readExtract } from '../../src/osm/index.js';
import {
  arcCost,
  arcUsable,
  costsToMany,
  routeBetween,
  routesToMany,
  snapPoint,
  StreetGraphBuilder,
  type StreetGraph,
  type StreetMode,
} from '../../src/streets/index.js';
import { haversineMeters } from '../../src/transit/index.js';
import { mulberry32 } from '../helpers/prng.js';

const OSM = new URL('../../../shared/osm/', import.meta.url).pathname;
const EXTRACTS = ['oslo-east-filtered.osm.pbf', 'portland-central-filtered.osm.pbf'];
const PAIRS_PER_MODE = 100;

/** Plain Dijkstra from vertex `s` to vertex `t` (array scan for the minimum: slow, obviously right). */
function plainDijkstra(g: StreetGraph, s: number, t: number, mode: StreetMode): number {
  const dist = new Map<number, number>([[s, 0]]);
  const done = new Set<number>();
  const open = new Set<number>([s]);
  while (open.size > 0) {
    let v = -1;
    let best = Infinity;
    for (const u of open) {
      if (dist.get(u)! < best) {
        best = dist.get(u)!;
        v = u;
      }
    }
    if (v === t) return best;
    open.delete(v);
    done.add(v);
    for (let a = g.arcStart[v]!; a < g.arcStart[v + 1]!; a++) {
      if (!arcUsable(g, a, mode)) continue;
      const w = g.arcHead[a]!;
      if (done.has(w)) continue;
      const c = best + arcCost(g, a, mode);
      if (c < (dist.get(w) ?? Infinity)) {
        dist.set(w, c);
        open.add(w);
      }
    }
  }
  return Infinity;
}

async function load(file: string): Promise<StreetGraph> {
  const b = new StreetGraphBuilder();
  await readExtract(OSM + file, b);
  return b.build({ area: file, source: file, importedAtMs: 0 });
}

/** A random vertex that `mode` may leave from, placed as a point (on the street, 0 m off). */
function randomVertex(g: StreetGraph, rand: () => number, mode: StreetMode): number {
  for (;;) {
    const v = Math.floor(rand() * g.vertexCount);
    for (let a = g.arcStart[v]!; a < g.arcStart[v + 1]!; a++) if (arcUsable(g, a, mode)) return v;
  }
}

/** The vertex a point placed exactly on a vertex was snapped to. */
function snappedVertex(g: StreetGraph, v: number, mode: StreetMode) {
  const s = snapPoint(g, g.vertexLat[v]!, g.vertexLon[v]!, mode)!;
  expect(s.offMeters).toBeLessThan(1e-6);
  return { snap: s, vertex: s.t < 0.5 ? s.tail : s.head };
}

describe.skipIf(!existsSync(OSM))('street router on real extracts (../shared/osm)', () => {
  for (const file of EXTRACTS) {
    describe(file, () => {
      let graph: StreetGraph;
      beforeAll(async () => {
        graph = await load(file);
      });
      it('imports', () => {
        expect(graph.meta.counts.segments).toBeGreaterThan(40_000);
      });

      for (const mode of ['WALK', 'CAR'] as const) {
        it(`${mode}: A* equals a plain Dijkstra on ${PAIRS_PER_MODE} random pairs; never below the straight line`, () => {
          const g = graph;
          const rand = mulberry32(mode === 'WALK' ? 14 : 41);
          let reached = 0;
          for (let i = 0; i < PAIRS_PER_MODE; i++) {
            const a = snappedVertex(g, randomVertex(g, rand, mode), mode);
            const b = snappedVertex(g, randomVertex(g, rand, mode), mode);
            const expected = plainDijkstra(g, a.vertex, b.vertex, mode);
            const route = routeBetween(g, a.snap, b.snap, mode);
            if (expected === Infinity) {
              expect(route).toBeUndefined();
              continue;
            }
            reached++;
            expect(route!.cost).toBeCloseTo(expected, 6);
            const straight = haversineMeters(a.snap.lat, a.snap.lon, b.snap.lat, b.snap.lon);
            expect(route!.meters).toBeGreaterThanOrEqual(straight - 1e-6);
            if (mode === 'WALK') expect(route!.meters).toBeCloseTo(route!.cost, 6);
          }
          // Pruning keeps the big component: nearly every pair is connected.
          expect(reached).toBeGreaterThan(PAIRS_PER_MODE * 0.9);
        });
      }

      it('one-to-many (1 km walk) agrees with point-to-point for every target', () => {
        const g = graph;
        const rand = mulberry32(7);
        for (let round = 0; round < 5; round++) {
          const from = snappedVertex(g, randomVertex(g, rand, 'WALK'), 'WALK').snap;
          // Targets around the origin: points near random vertices within ~1.5 km.
          const targets = [];
          while (targets.length < 40) {
            const v = randomVertex(g, rand, 'WALK');
            const d = haversineMeters(from.lat, from.lon, g.vertexLat[v]!, g.vertexLon[v]!);
            if (d < 1500 || rand() < 0.01)
              targets.push(snapPoint(g, g.vertexLat[v]! + 0.0001, g.vertexLon[v]!, 'WALK'));
          }
          const many = costsToMany(g, from, targets, 'WALK', 1000);
          targets.forEach((t, i) => {
            const one = t && routeBetween(g, from, t, 'WALK');
            const expected = one && one.cost <= 1000 ? one.cost : Infinity;
            if (expected === Infinity) expect(many[i]).toBe(Infinity);
            else expect(many[i]).toBeCloseTo(expected, 6);
          });
        }
      });

      it('one-to-many drives (to every lot at once) agree with point-to-point in seconds and metres', () => {
        const g = graph;
        const rand = mulberry32(9);
        for (let round = 0; round < 5; round++) {
          const from = snappedVertex(g, randomVertex(g, rand, 'CAR'), 'CAR').snap;
          const targets = Array.from({ length: 30 }, () => {
            const v = randomVertex(g, rand, 'CAR');
            return snapPoint(g, g.vertexLat[v]! + 0.0003, g.vertexLon[v]! + 0.0002, 'CAR');
          });
          const many = routesToMany(g, from, targets, 'CAR', Infinity);
          targets.forEach((t, i) => {
            const one = t && routeBetween(g, from, t, 'CAR');
            if (!one) expect(many[i]).toBeUndefined();
            else {
              expect(many[i]!.cost).toBeCloseTo(one.cost, 6);
              // Equal-time routes may differ in length; the metres are those of a fastest route.
              expect(many[i]!.meters).toBeGreaterThanOrEqual(
                haversineMeters(from.lat, from.lon, t.lat, t.lon) - 1e-6,
              );
              if (Math.abs(many[i]!.cost - one.cost) < 1e-9)
                expect(many[i]!.meters).toBeCloseTo(one.meters, 0);
            }
          });
        }
      });
    });
  }
});
