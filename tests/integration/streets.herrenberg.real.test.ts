import { existsSync, readFileSync } from 'node:fs';
import polyline from '@mapbox/polyline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parkApiLots } from '../../src/parking/index.js';
import { snapPoint } from '../../src/streets/index.js';
import { haversineMeters } from '../../src/transit/index.js';
import { createHarness, type Harness } from '../helpers/harness.js';
import { feedWithoutPlaceholders } from '../helpers/unsetFeed.js';

const SHARED = new URL('../../../shared/', import.meta.url).pathname;
const EXTRACT = `${SHARED}osm/herrenberg-minimal.osm.pbf`;
const LOTS = `${SHARED}parkapi-herrenberg.json`;
const FEEDS = [`${SHARED}osm/vvs-bus-751-only.gtfs.zip`, `${SHARED}osm/vvs-bus-764-only.gtfs.zip`];
const HAVE = [EXTRACT, LOTS, ...FEEDS].every((f) => existsSync(f));

interface LegOut {
  mode: string;
  distanceMeters: number;
  durationSeconds: number;
  geometry: string;
  from: { lat: number; lon: number };
  to: { lat: number; lon: number };
  steps: { streetName: string | null; relativeDirection: string }[];
  parking: { facility: { name: string } } | null;
}

describe.skipIf(!HAVE)('streets end to end: Herrenberg (OSM + ParkAPI lots + VVS)', () => {
  let h: Harness;
  const lotsFeed = () =>
    JSON.parse(readFileSync(LOTS, 'utf8')) as { lots: { name: string; total?: number | null }[] };

  beforeAll(async () => {
    h = createHarness({ nowMs: Date.parse('2020-06-15T12:00:00Z') });
    await h.services.streets.importExtract('herrenberg', EXTRACT);
    for (const [i, zip] of FEEDS.entries())
      await h.services.feeds.importFeed(`vvs${i}`, await feedWithoutPlaceholders(zip));
    const { facilities } = parkApiLots(lotsFeed(), { timezone: 'Europe/Berlin' });
    for (const f of facilities)
      await h.services.parking.upsertFacility({ ...f, operatorId: 'herrenberg' }, undefined);
  });
  afterAll(() => h.close());

  it('maps every ParkAPI lot with coordinates and a total to a facility', () => {
    const mapped = parkApiLots(lotsFeed(), { timezone: 'Europe/Berlin' });
    const withTotal = lotsFeed().lots.filter((l) => (l.total ?? 0) > 0);
    expect(mapped.facilities.map((f) => f.name)).toEqual(withTotal.map((l) => l.name));
    expect(mapped.skipped.every((s) => s.why === 'no total')).toBe(true);
    const pr = mapped.facilities.find((f) => f.name === 'P+R Kalkofenstraße')!;
    expect(pr.kind).toBe('PARK_AND_RIDE');
    expect(mapped.facilities.find((f) => f.name === 'Aischbachstraße')!.openingHours).toBe(
      'Mo-Su 08:00-17:00',
    );
    // Live counts of the feed become reports, for each lot that has one.
    const withFree = (lotsFeed().lots as { name: string; free?: number }[]).filter(
      (l) => l.free !== undefined,
    );
    expect(withFree.length).toBeGreaterThan(0);
    for (const lot of withFree) {
      const f = mapped.facilities.find((x) => x.name === lot.name);
      if (f)
        expect(mapped.reports.find((r) => r.facilityId === f.ownId)?.availableSpaces).toBe(
          lot.free,
        );
    }
  });

  it('driving to a lot follows the roads of Herrenberg, and the walk from the lot the streets', async () => {
    const g = h.services.streets.network.graphs[0]!;
    const garage = { lat: 48.593768, lon: 8.872705 }; // Altstadtgarage in the ParkAPI feed
    const to = snapPoint(g, garage.lat + 0.0015, garage.lon, 'WALK')!;
    // From a road 1.5-3 km from the garage.
    let from: { lat: number; lon: number } | undefined;
    for (let v = 0; v < g.vertexCount && !from; v++) {
      const d = haversineMeters(g.vertexLat[v]!, g.vertexLon[v]!, garage.lat, garage.lon);
      if (d > 1500 && d < 3000 && snapPoint(g, g.vertexLat[v]!, g.vertexLon[v]!, 'CAR', 1))
        from = { lat: g.vertexLat[v]!, lon: g.vertexLon[v]! };
    }
    const res = await h.gql<{ plan: { itineraries: { driveSeconds: number; legs: LegOut[] }[] } }>(
      `query ($input: PlanInput!) { plan(input: $input) { itineraries { driveSeconds legs {
        mode distanceMeters durationSeconds geometry from { lat lon } to { lat lon }
        steps { streetName relativeDirection } parking { facility { name } } } } } }`,
      {
        input: {
          from,
          to: { lat: to.lat, lon: to.lon },
          departAt: '2020-06-16T09:00:00+02:00',
          accessModes: ['CAR'],
          parkingUntil: '2020-06-16T12:00:00+02:00',
        },
      },
    );
    expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
    const it = res.body.data!.plan.itineraries.find((i) => i.legs[0]!.mode === 'CAR')!;
    expect(it).toBeDefined();
    const [car, park, walk] = it.legs as [LegOut, LegOut, LegOut];
    const streets = h.services.streets.network;
    const drive = streets.route('CAR', car.from, car.to)!;
    expect(car.distanceMeters).toBe(drive.meters);
    expect(car.durationSeconds).toBe(drive.seconds);
    expect(it.driveSeconds).toBe(drive.seconds);
    expect(car.distanceMeters).toBeGreaterThan(
      haversineMeters(car.from.lat, car.from.lon, car.to.lat, car.to.lon),
    );
    expect(polyline.decode(car.geometry).length).toBeGreaterThan(5);
    expect(car.steps.filter((s) => s.streetName !== null).length).toBeGreaterThan(1);
    expect(park.parking?.facility.name).toBeTruthy();
    expect(walk.mode).toBe('WALK');
    expect(walk.distanceMeters).toBe(streets.route('WALK', walk.from, walk.to)!.meters);
  });
});
