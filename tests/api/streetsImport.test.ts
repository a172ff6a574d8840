import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { closeServices, createServices } from '../../src/createServices.js';
import { createHarness, type Harness } from '../helpers/harness.js';

const OSM = new URL('../../../shared/osm/', import.meta.url).pathname;
const HERRENBERG = `${OSM}herrenberg-minimal.osm.pbf`;

describe.skipIf(!existsSync(HERRENBERG))('POST /v1/streets/:area (admin)', () => {
  let h: Harness;
  let admin: string;
  const pbf = () => (existsSync(HERRENBERG) ? readFileSync(HERRENBERG) : Buffer.alloc(0));
  const post = (area: string, body: Uint8Array, key?: string) =>
    h.app.request(`/v1/streets/${area}`, {
      method: 'POST',
      body: new Uint8Array(body),
      headers: {
        'content-type': 'application/octet-stream',
        ...(key ? { authorization: `Bearer ${key}` } : {}),
      },
    });

  beforeAll(() => {
    h = createHarness();
    admin = h.key({ role: 'admin' });
  });
  afterAll(() => h.close());

  it('refuses callers without an admin key: 401 without one, 403 for an agency key', async () => {
    expect((await post('herrenberg', pbf())).status).toBe(401);
    const agency = h.key({ role: 'agency', feedIds: ['vvs'] });
    const res = await post('herrenberg', pbf(), agency);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    expect(await h.services.streets.list()).toEqual([]);
  });

  it('imports the Herrenberg extract: stored under DATA_DIR, served at once', async () => {
    const res = await post('herrenberg', pbf(), admin);
    expect(res.status).toBe(201);
    const body = (await res.json()) as {
      streets: { area: string; counts: { segments: number; vertices: number } };
      memoryBytes: number;
    };
    expect(body.streets.area).toBe('herrenberg');
    expect(body.streets.counts.segments).toBeGreaterThan(5000);
    expect(body.memoryBytes / body.streets.counts.segments).toBeLessThan(100);
    expect(existsSync(`${h.dataDir}/streets/herrenberg.bin`)).toBe(true);
    expect(h.services.streets.network.graphs.map((g) => g.meta.area)).toEqual(['herrenberg']);
  });

  it.each([
    ['empty', new Uint8Array(0), /empty/],
    [
      'not PBF',
      new TextEncoder().encode('stop_id,stop_name\n1,Main St\n'),
      /not an OpenStreetMap extract/,
    ],
    ['truncated', new Uint8Array(readFileSync(HERRENBERG).subarray(0, 60_000)), /truncated/],
  ])(
    'a file that is %s is 400 with a clear message; the previous graph keeps serving',
    async (_what, bytes, message) => {
      const before = h.services.streets.network;
      const res = await post('herrenberg', bytes, admin);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('BAD_USER_INPUT');
      expect(body.error.message).toMatch(message);
      expect(h.services.streets.network).toBe(before);
      expect((await h.services.streets.list()).map((m) => m.area)).toEqual(['herrenberg']);
    },
  );

  it('a bad area name is 400', async () => {
    const res = await post('no%20spaces', pbf(), admin);
    expect(res.status).toBe(400);
  });

  it('a restarted server loads the stored graph', async () => {
    const again = createServices({
      ...loadConfig({}),
      dataDir: h.dataDir,
      logLevel: 'silent',
      loadSample: false,
    });
    try {
      expect(again.streets.network.graphs).toEqual([]);
      await again.streets.loadAll();
      const [g] = again.streets.network.graphs;
      expect(g?.meta.area).toBe('herrenberg');
      expect(g?.vertexCount).toBe(h.services.streets.network.graphs[0]!.vertexCount);
    } finally {
      await closeServices(again);
    }
  });

  it('removes an area', async () => {
    await h.services.streets.remove('herrenberg');
    expect(h.services.streets.network.graphs).toEqual([]);
    expect(existsSync(`${h.dataDir}/streets/herrenberg.bin`)).toBe(false);
    await expect(h.services.streets.remove('herrenberg')).rejects.toThrow(/not loaded/);
  });
});
