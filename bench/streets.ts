/**
 * Issue 14's figures (the `streets` section): on the Oslo and Portland extracts of ../shared/osm,
 * import time, graph memory, snapping, a one-to-many 1 km walk search and point-to-point drives
 * across the extract; `plan` on Cobb County (CobbLinc + MARTA) with and without the street graph;
 * and the same figures scaled on paper to a city of 400k segments.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config.js';
import { closeServices, createServices } from '../src/createServices.js';
import { readExtract } from '../src/osm/index.js';
import { plan } from '../src/planner/plan.js';
import { PLAN_DEFAULTS, type PlanQuery } from '../src/planner/query.js';
import { haversineStreetRouter, streetRouter } from '../src/planner/streetRouter.js';
import {
  arcUsable,
  costsToMany,
  graphBytes,
  routeBetween,
  snapPoint,
  StreetGraphBuilder,
  type StreetGraph,
  type StreetMode,
} from '../src/streets/index.js';
import { haversineMeters } from '../src/transit/index.js';
import { feedWithoutPlaceholders } from '../tests/helpers/unsetFeed.js';
import { mulberry32, type Random } from './lib/random.js';
import { progress, Section } from './lib/report.js';
import { summarize, timeEach } from './lib/stats.js';

const OSM = path.resolve(import.meta.dirname, '../../shared/osm');
const EXTRACTS = ['oslo-east-filtered.osm.pbf', 'portland-central-filtered.osm.pbf'];
const SNAPS = 5_000;
const ORIGINS = 500;
const DRIVES = 300;
const PLANS = 200;
const CITY_SEGMENTS = 400_000;
const TARGETS = {
  importPer100k: { max: 3000, label: '≤ 3 s per 100k segments' },
  bytesPerSegment: { max: 100, label: '≤ 100 B per segment' },
  walkP50: { max: 1, label: '≤ 1 ms' },
  driveP50: { max: 5, label: '≤ 5 ms' },
  planRatio: { max: 1.5, label: '≤ 1.5 × without' },
};

function randomVertex(g: StreetGraph, rand: Random, mode: StreetMode): number {
  for (;;) {
    const v = Math.floor(rand() * g.vertexCount);
    for (let a = g.arcStart[v]!; a < g.arcStart[v + 1]!; a++) if (arcUsable(g, a, mode)) return v;
  }
}

async function extractFigures(
  section: Section,
  file: string,
): Promise<{ msPerSegment: number; bytesPerSegment: number; driveP50: number; segments: number }> {
  const short = file.split('-')[0]!;
  progress(`streets: importing ${file}…`);
  const started = performance.now();
  const builder = new StreetGraphBuilder();
  await readExtract(path.join(OSM, file), builder);
  const g = builder.build({ area: short, source: file, importedAtMs: 0 });
  const importMs = performance.now() - started;
  const segments = g.meta.counts.segments;
  section.add(`${short}: segments`, segments, 'count');
  section.add(`${short}: import (parse + build + prune)`, importMs, 'ms');
  section.add(
    `${short}: import per 100k segments`,
    (importMs / segments) * 100_000,
    'ms',
    TARGETS.importPer100k,
  );
  const bytes = graphBytes(g);
  section.add(`${short}: graph memory`, bytes / 1e6, 'MB');
  section.add(`${short}: graph memory per segment`, bytes / segments, 'B', TARGETS.bytesPerSegment);

  const rand = mulberry32(0x5eed_0014);
  const bb = g.meta.bbox;
  const points = Array.from({ length: SNAPS }, () => ({
    lat: bb.minLat + rand() * (bb.maxLat - bb.minLat),
    lon: bb.minLon + rand() * (bb.maxLon - bb.minLon),
  }));
  const snapMs = timeEach(points, (p) => snapPoint(g, p.lat, p.lon, 'WALK'));
  section.add(`${short}: snap a point p50`, summarize(snapMs).p50Ms * 1000, 'µs');

  // One-to-many: from a street point to 60 "stops" (random street points within 1.5 km), 1 km.
  const walkMs: number[] = [];
  for (let i = 0; i < ORIGINS; i++) {
    const v = randomVertex(g, rand, 'WALK');
    const from = snapPoint(g, g.vertexLat[v]!, g.vertexLon[v]!, 'WALK')!;
    const targets = [];
    for (let k = 0; k < 60; k++) {
      const lat = from.lat + (rand() - 0.5) * 0.027;
      const lon = from.lon + (rand() - 0.5) * 0.04;
      targets.push(snapPoint(g, lat, lon, 'WALK'));
    }
    const t0 = performance.now();
    costsToMany(g, from, targets, 'WALK', 1000);
    walkMs.push(performance.now() - t0);
  }
  section.latency(`${short}: one-to-many walk 1 km (60 targets)`, summarize(walkMs), {
    p50: TARGETS.walkP50,
  });

  // Point-to-point drives between random road points at least half the extract's diagonal apart.
  const diagonal = haversineMeters(bb.minLat, bb.minLon, bb.maxLat, bb.maxLon);
  const pairs = [];
  while (pairs.length < DRIVES) {
    const a = randomVertex(g, rand, 'CAR');
    const b = randomVertex(g, rand, 'CAR');
    if (
      haversineMeters(g.vertexLat[a]!, g.vertexLon[a]!, g.vertexLat[b]!, g.vertexLon[b]!) <
      diagonal / 2
    )
      continue;
    pairs.push([
      snapPoint(g, g.vertexLat[a]!, g.vertexLon[a]!, 'CAR')!,
      snapPoint(g, g.vertexLat[b]!, g.vertexLon[b]!, 'CAR')!,
    ] as const);
  }
  const driveMs = timeEach(pairs, ([a, b]) => routeBetween(g, a, b, 'CAR'));
  const drive = summarize(driveMs);
  section.latency(`${short}: point-to-point drive across the extract`, drive, {
    p50: TARGETS.driveP50,
  });
  return {
    msPerSegment: importMs / segments,
    bytesPerSegment: bytes / segments,
    driveP50: drive.p50Ms,
    segments,
  };
}

/** `plan` on Cobb County with and without the street graph (same queries, same timetable feeds). */
async function cobbPlans(section: Section): Promise<void> {
  const runs: Record<'with' | 'without', number[]> = { with: [], without: [] };
  const dataDirs: string[] = [];
  try {
    for (const mode of ['without', 'with'] as const) {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'streets-bench-'));
      dataDirs.push(dataDir);
      const s = createServices({
        ...loadConfig({}),
        dataDir,
        logLevel: 'silent',
        loadSample: false,
      });
      try {
        if (mode === 'with')
          await s.streets.importExtract('cobb', path.join(OSM, 'cobb-county.filtered.osm.pbf'));
        progress(`streets: importing CobbLinc and MARTA (${mode} streets)…`);
        await s.feeds.importFeed(
          'cobblinc',
          await feedWithoutPlaceholders(path.join(OSM, 'cobblinc-bus-30-only.gtfs.zip')),
        );
        await s.feeds.importFeed(
          'marta',
          await feedWithoutPlaceholders(path.join(OSM, 'marta-bus-856-only.gtfs.zip')),
        );
        const net = s.feeds.network!;
        const tt = net.tt;
        const streets = mode === 'with' ? s.streets.network : undefined;
        const rand = mulberry32(0x5eed_c0bb);
        const served = [...tt.servedStops];
        const near = (stop: number) => ({
          lat: tt.stopLat[stop]! + (rand() - 0.5) * 0.008,
          lon: tt.stopLon[stop]! + (rand() - 0.5) * 0.01,
        });
        const time = Date.parse('2021-10-05T07:00:00-04:00') / 1000;
        const queries: PlanQuery[] = Array.from({ length: PLANS }, () => ({
          ...PLAN_DEFAULTS,
          from: near(served[Math.floor(rand() * served.length)]!),
          to: near(served[Math.floor(rand() * served.length)]!),
          time: time + Math.floor(rand() * 8 * 3600),
          arriveBy: false,
        }));
        const car = {
          router: streets
            ? streetRouter(streets, haversineStreetRouter({ circuity: 1.4, speedKmh: 30 }))
            : haversineStreetRouter({ circuity: 1.4, speedKmh: 30 }),
          parking: s.parkingForPlanner,
          parkSeconds: 300,
          maxDriveMeters: 30_000,
          maxFacilities: 50,
          nowSec: time,
        };
        for (const q of queries.slice(0, 20)) plan(net, q, undefined, car, streets);
        runs[mode] = timeEach(queries, (q) => plan(net, q, undefined, car, streets));
      } finally {
        await closeServices(s);
      }
    }
  } finally {
    for (const d of dataDirs) rmSync(d, { recursive: true, force: true });
  }
  const without = summarize(runs.without);
  const withStreets = summarize(runs.with);
  section.latency('cobb: plan without streets', without);
  section.latency('cobb: plan with streets', withStreets);
  section.add(
    'cobb: plan p50 with / without',
    withStreets.p50Ms / without.p50Ms,
    '×',
    TARGETS.planRatio,
  );
}

/** Runs the section (the shared workspace is not used: the extracts and Cobb feeds are its own). */
export async function runStreetsBench(): Promise<Section> {
  const section = new Section('streets (issue 14)');
  const per: Awaited<ReturnType<typeof extractFigures>>[] = [];
  for (const file of EXTRACTS) per.push(await extractFigures(section, file));
  await cobbPlans(section);
  // On paper: import and memory grow linearly with segments; an A* drive across grows about
  // linearly with the segments it settles (n log n with the heap), so × (N / n) · log N / log n.
  const msPerSeg = Math.max(...per.map((p) => p.msPerSegment));
  const bytesPerSeg = Math.max(...per.map((p) => p.bytesPerSegment));
  const big = per.reduce((a, b) => (a.segments > b.segments ? a : b));
  const scale = (CITY_SEGMENTS / big.segments) * (Math.log(CITY_SEGMENTS) / Math.log(big.segments));
  section.add('400k-segment city (on paper): import', (msPerSeg * CITY_SEGMENTS) / 1000, 's');
  section.add(
    '400k-segment city (on paper): graph memory',
    (bytesPerSeg * CITY_SEGMENTS) / 1e6,
    'MB',
  );
  section.add('400k-segment city (on paper): drive across p50', big.driveP50 * scale, 'ms');
  section.note(
    `400k on paper: import ${msPerSeg.toFixed(4)} ms and ${bytesPerSeg.toFixed(0)} B per segment (worst extract); drive p50 of the ${big.segments}-segment extract × ${scale.toFixed(1)} (N/n · log N/log n). Beyond ~10 ms a drive across would want contraction hierarchies.`,
  );
  section.note('The machine is shared with other engineers: latencies are upper bounds.');
  return section;
}
