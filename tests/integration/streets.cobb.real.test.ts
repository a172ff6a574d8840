import { existsSync } from 'node:fs';
import polyline from '@mapbox/polyline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapPoint } from '../../src/streets/index.js';
import { FOOT_WALK, haversineMeters, walkMeters } from '../../src/transit/index.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { feedWithoutPlaceholders } from '../helpers/unsetFeed.js';

const OSM = new URL('../../../shared/osm/', import.meta.url).pathname;
const FILES: [string, string, string] = [
  'cobb-county.filtered.osm.pbf',
  'cobblinc-bus-30-only.gtfs.zip',
  'marta-bus-856-only.gtfs.zip',
];
const HAVE = FILES.every((f) => existsSync(OSM + f));
/** A Tuesday inside both feeds' validity (CobbLinc 2021-07-06 → 2022-01-31, MARTA 2021-08-14 → 2021-12-17). */
const DEPART = '2021-10-05T08:00:00-04:00';

interface LegOut {
  mode: string;
  distanceMeters: number;
  durationSeconds: number;
  geometry: string;
  from: { lat: number; lon: number; name: string | null };
  to: { lat: number; lon: number; name: string | null };
  steps: { streetName: string | null; distanceMeters: number; relativeDirection: string }[];
}
const PLAN = `query ($input: PlanInput!) {
  plan(input: $input) {
    messages { code }
    itineraries { walkMeters driveSeconds legs {
      mode distanceMeters durationSeconds geometry
      from { lat lon name } to { lat lon name }
      steps { streetName distanceMeters relativeDirection }
    } }
  }
}`;

describe.skipIf(!HAVE)('streets end to end: Cobb County (CobbLinc 30 + MARTA 856 + OSM)', () => {
  let h: Harness;
  const streets = () => h.services.streets.network;
  const tt = () => h.services.feeds.network!.tt;

  beforeAll(async () => {
    h = createHarness({ nowMs: Date.parse('2021-10-01T12:00:00Z') });
    await h.services.streets.importExtract('cobb', OSM + FILES[0]);
    await h.services.feeds.importFeed('cobblinc', await feedWithoutPlaceholders(OSM + FILES[1]));
    await h.services.feeds.importFeed('marta', await feedWithoutPlaceholders(OSM + FILES[2]));
  });
  afterAll(() => h.close());

  async function plan(
    input: Record<string, unknown>,
  ): Promise<{ legs: LegOut[]; walkMeters: number; driveSeconds: number }[]> {
    const res = await h.gql<{
      plan: { itineraries: { legs: LegOut[]; walkMeters: number; driveSeconds: number }[] };
    }>(PLAN, { input });
    expect(res.body.errors).toBeUndefined();
    return res.body.data!.plan.itineraries;
  }

  /** Checks a WALK or CAR leg against the street graph: its distance, geometry and steps follow the streets. */
  function followsStreets(leg: LegOut): void {
    const mode = leg.mode === 'CAR' ? 'CAR' : 'WALK';
    const path = streets().route(mode, leg.from, leg.to)!;
    expect(path).toBeDefined();
    expect(leg.distanceMeters).toBe(path.meters);
    expect(leg.distanceMeters).toBeGreaterThanOrEqual(
      Math.floor(haversineMeters(leg.from.lat, leg.from.lon, leg.to.lat, leg.to.lon)),
    );
    const points = polyline.decode(leg.geometry);
    expect(points.length).toBeGreaterThan(2);
    expect(points[0]![0]).toBeCloseTo(leg.from.lat, 5);
    expect(points[points.length - 1]![1]).toBeCloseTo(leg.to.lon, 5);
    expect(leg.steps.length).toBeGreaterThan(0);
    expect(leg.steps[0]!.relativeDirection).toBe('DEPART');
    const stepMeters = leg.steps.reduce((s, st) => s + st.distanceMeters, 0);
    // The steps cover the walk on the streets (rounded per step; the ends off the street are not steps).
    expect(stepMeters).toBeLessThanOrEqual(leg.distanceMeters + leg.steps.length);
    expect(stepMeters).toBeGreaterThan(leg.distanceMeters * 0.5);
  }

  /** A point on a street about `meters` north of stop `s` (a graph vertex). */
  function streetPointNear(s: number, metersNorth: number): { lat: number; lon: number } {
    const g = streets().graphs[0]!;
    const lat = tt().stopLat[s]! + metersNorth / 111_000;
    const lon = tt().stopLon[s]!;
    const snap = snapPoint(g, lat, lon, 'WALK', 3000)!;
    return { lat: snap.lat, lon: snap.lon };
  }

  it('walk legs follow streets: access and egress walks carry street distance, geometry and steps', async () => {
    // From near the first stop of route 30's longest pattern to near its last.
    const t = tt();
    let longest = 0;
    for (let p = 1; p < t.patternCount; p++)
      if (
        t.patternStopStart[p + 1]! - t.patternStopStart[p]! >
        t.patternStopStart[longest + 1]! - t.patternStopStart[longest]!
      )
        longest = p;
    const inGraph = (s: number) =>
      streets().graphFor({ lat: t.stopLat[s]!, lon: t.stopLon[s]! }) !== undefined;
    const stops = [
      ...t.patternStops.subarray(t.patternStopStart[longest], t.patternStopStart[longest + 1]),
    ].filter(inGraph);
    const from = streetPointNear(stops[0]!, 250);
    const to = streetPointNear(stops[stops.length - 1]!, 250);
    const its = await plan({ from, to, departAt: DEPART });
    expect(its.length).toBeGreaterThan(0);
    const walks = its
      .flatMap((it) => it.legs)
      .filter((l) => l.mode === 'WALK' && l.distanceMeters > 0);
    expect(walks.length).toBeGreaterThan(0);
    for (const leg of walks) followsStreets(leg);
    for (const it of its)
      expect(it.walkMeters).toBe(
        it.legs.filter((l) => l.mode === 'WALK').reduce((s, l) => s + l.distanceMeters, 0),
      );
  });

  it('a stop across a barrier is reached by the way round: no 400 m footpath that is longer on foot, and the direct walk goes round', async () => {
    const t = tt();
    // Pairs of served stops that §4's straight line would join (≤ 400 m × 1/1.25) but whose walk is longer.
    let worst: { a: number; b: number; street: number; straight: number } | undefined;
    let checked = 0;
    for (const a of t.servedStops) {
      for (const b of t.servedStops) {
        if (a >= b) continue;
        const pa = { lat: t.stopLat[a]!, lon: t.stopLon[a]! };
        const pb = { lat: t.stopLat[b]!, lon: t.stopLon[b]! };
        if (!streets().graphFor(pa, pb)) continue;
        const straight = walkMeters(pa.lat, pa.lon, pb.lat, pb.lon, t.walkCircuity);
        if (straight > t.maxTransferMeters || straight < 50) continue;
        // Both on the street network (the extract is filtered: some stops are far from its streets).
        const street = streets().walkMetersToMany(pa, [pb], 5000)?.[0];
        if (street === undefined) continue;
        checked++;
        // The compiled footpath is the street distance, or absent when that is over 400 m.
        let foot: number | undefined;
        for (let f = t.footStart[a]!; f < t.footStart[a + 1]!; f++)
          if (t.footTo[f] === b && t.footKind[f] === FOOT_WALK) foot = t.footValue[f]!;
        if (street <= t.maxTransferMeters) expect(foot).toBe(street);
        else expect(foot).toBeUndefined();
        if (!worst || street / straight > worst.street / worst.straight)
          worst = { a, b, street, straight };
      }
    }
    expect(checked).toBeGreaterThan(20);
    // Somewhere in Marietta a straight-line neighbour is much farther on foot.
    expect(worst!.street).toBeGreaterThan(1.5 * worst!.straight);
    const from = { lat: t.stopLat[worst!.a]!, lon: t.stopLon[worst!.a]! };
    const to = { lat: t.stopLat[worst!.b]!, lon: t.stopLon[worst!.b]! };
    const its = await plan({ from, to, departAt: DEPART, transitModes: [], maxWalkMeters: 5000 });
    const direct = its.find((it) => it.legs.length === 1 && it.legs[0]!.mode === 'WALK')!;
    expect(direct.legs[0]!.distanceMeters).toBe(worst!.street);
    followsStreets(direct.legs[0]!);
  });

  it('park and ride drives on roads: the CAR leg follows the street graph, the walk from the lot too', async () => {
    const t = tt();
    // A park-and-ride lot drawn for this test beside a route 30 stop in the middle of the extract.
    // Stops on the street network (within 300 m of a street of the filtered extract).
    const g0 = streets().graphs[0]!;
    const inGraph = [...t.servedStops].filter(
      (s) => snapPoint(g0, t.stopLat[s]!, t.stopLon[s]!, 'WALK') !== undefined,
    );
    const stop = inGraph[Math.floor(inGraph.length / 2)]!;
    const lot = streetPointNear(stop, 120);
    const operator = h.key({ role: 'operator', operatorId: 'cobb-test' });
    const res = await h.gql(
      `mutation ($input: UpsertParkingFacilityInput!) { upsertParkingFacility(input: $input) { facility { id } } }`,
      {
        input: {
          id: 'lot-1',
          name: 'Test Park & Ride',
          location: lot,
          kind: 'PARK_AND_RIDE',
          totalSpaces: 100,
          reservableSpaces: 10,
          price: { currency: 'USD', hourlyRate: 1 },
          timezone: 'America/New_York',
        },
      },
      operator,
    );
    expect(res.body.errors).toBeUndefined();
    // From a road 2-4 km from the lot, on the side away from the far end of the line.
    const g = streets().graphs[0]!;
    const far = inGraph[0] === stop ? inGraph[inGraph.length - 1]! : inGraph[0]!;
    const farPoint = { lat: t.stopLat[far]!, lon: t.stopLon[far]! };
    let startVertex = -1;
    let startScore = -Infinity;
    for (let v = 0; v < g.vertexCount; v++) {
      const toLot = haversineMeters(g.vertexLat[v]!, g.vertexLon[v]!, lot.lat, lot.lon);
      if (toLot < 2000 || toLot > 4000 || !snapPoint(g, g.vertexLat[v]!, g.vertexLon[v]!, 'CAR', 1))
        continue;
      const score = haversineMeters(g.vertexLat[v]!, g.vertexLon[v]!, farPoint.lat, farPoint.lon);
      if (score > startScore) {
        startScore = score;
        startVertex = v;
      }
    }
    const start = { lat: g.vertexLat[startVertex]!, lon: g.vertexLon[startVertex]! };
    const its = await plan({
      from: { lat: start.lat, lon: start.lon },
      to: streetPointNear(far, 100),
      departAt: DEPART,
      accessModes: ['CAR_PARK'],
      parkingUntil: '2021-10-05T18:00:00-04:00',
    });
    const driving = its.find((it) => it.legs.some((l) => l.mode === 'CAR'));
    expect(driving).toBeDefined();
    const car = driving!.legs.find((l) => l.mode === 'CAR')!;
    followsStreets(car);
    const path = streets().route('CAR', car.from, car.to)!;
    expect(car.durationSeconds).toBe(path.seconds);
    expect(driving!.driveSeconds).toBe(path.seconds);
    const lotWalk = driving!.legs[driving!.legs.indexOf(car) + 2];
    if (lotWalk?.mode === 'WALK' && lotWalk.distanceMeters > 0) followsStreets(lotWalk);
  });
});
