import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSampleParking } from '../../src/parking/sample.js';
import { loadSampleIfEmpty, SAMPLE_FEED_DIR } from '../../src/sample.js';
import { haversineMeters } from '../../src/transit/geo.js';
import { createHarness, type Harness } from '../helpers/harness.js';

interface StopRow {
  stop_id: string;
  stop_lat: string;
  stop_lon: string;
}

describe('sample parking on first start', () => {
  let h: Harness;
  const stops = parse<StopRow>(readFileSync(path.join(SAMPLE_FEED_DIR, 'stops.txt')), {
    columns: true,
  });

  beforeAll(async () => {
    h = createHarness();
    expect(await loadSampleIfEmpty(h.services)).toBe(true);
  });
  afterAll(async () => {
    await h.close();
  });

  it('loads named sample facilities once, beside stops of the sample feed', async () => {
    expect(await loadSampleParking(h.services.parking)).toBe(false);
    type Out = {
      id: string;
      name: string;
      location: { lat: number; lon: number };
      nearbyStops: { id: string; distanceMeters: number }[];
    };
    const res = await h.gql<{ parkingFacilities: Out[] }>(
      `{ parkingFacilities(near: { lat: 40.6, lon: -74.12 }, radiusMeters: 20000) {
          id name location { lat lon } nearbyStops(maxWalkMeters: 400) { id distanceMeters } } }`,
    );
    const facilities = res.body.data!.parkingFacilities;
    expect(facilities.length).toBeGreaterThanOrEqual(3);
    for (const f of facilities) {
      expect(f.id).toMatch(/^sample:/);
      expect(f.name).toMatch(/^Sample /);
      // Walk distance of DESIGN.md §4, computed here from stops.txt.
      const expected = stops
        .map((s) => ({
          id: `si:${s.stop_id}`,
          distanceMeters: Math.ceil(
            haversineMeters(
              f.location.lat,
              f.location.lon,
              Number(s.stop_lat),
              Number(s.stop_lon),
            ) * 1.25,
          ),
        }))
        .filter((s) => s.distanceMeters <= 400);
      expect(expected.length, f.name).toBeGreaterThan(0);
      expect(new Set(f.nearbyStops.map((s) => s.id))).toEqual(new Set(expected.map((s) => s.id)));
      expect(f.nearbyStops.map((s) => s.distanceMeters)).toEqual(
        expected.map((s) => s.distanceMeters).sort((a, b) => a - b),
      );
    }
  });
});
