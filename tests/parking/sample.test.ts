import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSampleParking } from '../../src/parking/sample.js';
import { SAMPLE_FEED_DIR } from '../../src/sample.js';
import { haversineMeters } from '../../src/transit/geo.js';
import { createHarness, type Harness } from '../helpers/harness.js';

describe('sample parking', () => {
  let h: Harness;
  beforeEach(() => {
    h = createHarness();
  });
  afterEach(() => {
    h.close();
  });

  it('loads named sample facilities once, each within 300 m of a stop of the sample feed', async () => {
    expect(loadSampleParking(h.services.parking)).toBe(true);
    expect(loadSampleParking(h.services.parking)).toBe(false);
    const stops = parse<{ stop_lat: string; stop_lon: string }>(
      readFileSync(path.join(SAMPLE_FEED_DIR, 'stops.txt')),
      { columns: true },
    );
    const res = await h.gql<{
      parkingFacilities: { id: string; name: string; location: { lat: number; lon: number } }[];
    }>(
      `{ parkingFacilities(near: { lat: 40.6, lon: -74.12 }, radiusMeters: 20000) { id name location { lat lon } } }`,
    );
    const facilities = res.body.data!.parkingFacilities;
    expect(facilities.length).toBeGreaterThanOrEqual(3);
    for (const f of facilities) {
      expect(f.id).toMatch(/^sample:/);
      expect(f.name).toMatch(/^Sample /);
      const nearest = Math.min(
        ...stops.map((s) =>
          haversineMeters(f.location.lat, f.location.lon, Number(s.stop_lat), Number(s.stop_lon)),
        ),
      );
      expect(nearest, f.name).toBeLessThan(300);
    }
  });
});
