import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeServices, createServices } from '../../src/createServices.js';
import { fileStreetStore, pgStreetStore, readExtract } from '../../src/osm/index.js';
import {
  encodeStreetGraph,
  snapPoint,
  StreetGraphBuilder,
  type StreetGraph,
  type StreetNetwork,
} from '../../src/streets/index.js';
import { haversineMeters } from '../../src/transit/index.js';
import { maasCli, startChildServer, type ChildServer } from '../hardening/childServer.js';
import { describeDialects } from '../helpers/dialects.js';
import { createDialectHarness, type GqlResult, type Harness } from '../helpers/harness.js';
import { createTestDatabase, TEST_PG_URL, testDialects, type TestDatabase } from '../helpers/pg.js';
import { feedWithoutPlaceholders } from '../helpers/unsetFeed.js';

/**
 * Street graphs kept where the deployment keeps its state (DESIGN.md §9): files under DATA_DIR,
 * or the shared PostgreSQL database, where every replica, each on its own empty data folder,
 * loads them, and an import or removal through any of them (or the CLI) reaches all.
 */
const OSM = new URL('../../../shared/osm/', import.meta.url).pathname;
const EXTRACT = `${OSM}herrenberg-minimal.osm.pbf`;
const FEED = `${OSM}vvs-bus-751-only.gtfs.zip`;
const HAVE = existsSync(EXTRACT) && existsSync(FEED);
/** Inside the VVS buses' validity (2020-02-02 → 2020-12-12). */
const NOW = Date.parse('2020-06-15T12:00:00Z');
/** Altstadtgarage, Herrenberg (in the town centre of the extract). */
const CENTRE = { lat: 48.593768, lon: 8.872705 };

/** A walk of 600-900 m across the centre of Herrenberg, between two points on its streets. */
function walkEnds(g: StreetGraph): { from: { lat: number; lon: number }; to: typeof CENTRE } {
  const to = snapPoint(g, CENTRE.lat, CENTRE.lon, 'WALK')!;
  for (let v = 0; v < g.vertexCount; v++) {
    const from = { lat: g.vertexLat[v]!, lon: g.vertexLon[v]! };
    const d = haversineMeters(from.lat, from.lon, to.lat, to.lon);
    if (d > 600 && d < 900 && snapPoint(g, from.lat, from.lon, 'WALK', 1))
      return { from, to: { lat: to.lat, lon: to.lon } };
  }
  throw new Error('no walk of 600-900 m in the extract');
}

/** Metres of the walk on `streets`, or undefined when it has no graph there. */
function walkMeters(streets: StreetNetwork, ends: ReturnType<typeof walkEnds>) {
  return streets.route('WALK', ends.from, ends.to)?.meters;
}

describe.skipIf(!HAVE)('street graphs in the store', () => {
  let graph: StreetGraph;
  beforeAll(async () => {
    const builder = new StreetGraphBuilder();
    await readExtract(EXTRACT, builder);
    graph = builder.build({
      area: 'contract',
      source: 'herrenberg-minimal.osm.pbf',
      importedAtMs: NOW,
    });
  });

  describeDialects('two processes on one store', ({ dialect, harness, replica }) => {
    let a: Harness;
    let b: Pick<Harness, 'dataDir' | 'services' | 'close'>;
    let stopB: () => void = () => undefined;
    /** Another process on A's store: SQLite, the same data folder; PostgreSQL, a replica on an empty one. */
    const second = async (): Promise<Pick<Harness, 'dataDir' | 'services' | 'close'>> => {
      if (dialect === 'postgres') return replica({ nowMs: NOW });
      const services = createServices({ ...a.config }, a.clock);
      return { dataDir: a.dataDir, services, close: () => closeServices(services) };
    };

    beforeAll(async () => {
      a = await harness({ nowMs: NOW });
      b = await second();
      stopB = await b.services.streets.follow(100);
    });
    afterAll(async () => {
      stopB();
      await b.close();
      await a.close();
    });

    it('keeps a graph whole: written, listed, read back, replaced, removed', async () => {
      // On PostgreSQL in slices of 64 KiB: the graph (~290 KB) takes several statements each way.
      const store =
        dialect === 'postgres'
          ? pgStreetStore(a.services.pg!, { sliceBytes: 64 * 1024 })
          : fileStreetStore(a.dataDir);
      expect(await store.read('contract')).toBeUndefined();
      const first = encodeStreetGraph(graph);
      expect(first.length).toBeGreaterThan(4 * 64 * 1024);
      await store.write(graph.meta, first);
      expect(await store.list()).toEqual([graph.meta]);
      expect(Buffer.from((await store.read('contract'))!).equals(Buffer.from(first))).toBe(true);
      const meta = { ...graph.meta, importedAtMs: NOW + 1000, source: 'again.osm.pbf' };
      const second = encodeStreetGraph({ ...graph, meta });
      expect(second.length).not.toBe(first.length);
      await store.write(meta, second);
      expect(await store.list()).toEqual([meta]);
      expect(Buffer.from((await store.read('contract'))!).equals(Buffer.from(second))).toBe(true);
      expect(await store.remove('contract')).toBe(true);
      expect(await store.remove('contract')).toBe(false);
      expect(await store.list()).toEqual([]);
      expect(await store.read('contract')).toBeUndefined();
    });

    it('an import through one process is served by the other without a restart', async () => {
      const imported = await a.services.streets.importExtract('herrenberg', EXTRACT);
      await vi.waitFor(() => expect(b.services.streets.network.graphs).toHaveLength(1), {
        timeout: 5000,
        interval: 20,
      });
      const [gb] = b.services.streets.network.graphs;
      expect(gb!.meta).toEqual(imported.meta);
      expect(gb!.vertexCount).toBe(a.services.streets.network.graphs[0]!.vertexCount);
      const ends = walkEnds(gb!);
      expect(walkMeters(b.services.streets.network, ends)).toBe(
        walkMeters(a.services.streets.network, ends),
      );
      // With DATABASE_URL the graph lives in the database only, not in B's data folder.
      if (dialect === 'postgres') expect(existsSync(path.join(b.dataDir, 'streets'))).toBe(false);
    });

    it('a bad extract leaves the graph serving in both', async () => {
      const servedA = a.services.streets.network;
      const servedB = b.services.streets.network;
      const truncated = new Uint8Array(readFileSync(EXTRACT).subarray(0, 60_000));
      await expect(a.services.streets.importBytes('herrenberg', truncated)).rejects.toThrow(
        /truncated/,
      );
      await b.services.streets.loadAll();
      expect(a.services.streets.network).toBe(servedA);
      expect(b.services.streets.network).toBe(servedB);
      expect((await b.services.streets.list()).map((m) => m.importedAtMs)).toEqual([NOW]);
    });

    it('a process started later loads the stored graphs', async () => {
      const c = await second();
      try {
        expect(c.services.streets.network.graphs).toEqual([]);
        await c.services.streets.loadAll();
        expect(c.services.streets.network.graphs.map((g) => g.meta)).toEqual(
          a.services.streets.network.graphs.map((g) => g.meta),
        );
      } finally {
        await c.close();
      }
    });

    it('a removal reaches the other process', async () => {
      await a.services.streets.remove('herrenberg');
      await vi.waitFor(() => expect(b.services.streets.network.graphs).toEqual([]), {
        timeout: 5000,
        interval: 20,
      });
      await expect(b.services.streets.remove('herrenberg')).rejects.toThrow(/not loaded/);
    });
  });
});

interface PlannedWalk {
  plan: { itineraries: { legs: { mode: string; distanceMeters: number }[] }[] };
}
const PLAN_WALK = `query ($input: PlanInput!) { plan(input: $input) { itineraries {
  legs { mode distanceMeters } } } }`;

describe.runIf(HAVE && testDialects().includes('postgres'))(
  'replicas on one PostgreSQL database share the street graphs',
  () => {
    let database: TestDatabase;
    let a: Harness;
    let b: Harness;
    let stopB: () => void = () => undefined;
    let child: ChildServer | undefined;
    const cliDir = mkdtempSync(path.join(os.tmpdir(), 'streets-shared-cli-'));
    const childDir = mkdtempSync(path.join(os.tmpdir(), 'streets-shared-replica-'));
    let ends: ReturnType<typeof walkEnds>;

    /** The direct walk a replica plans between `ends`, through its GraphQL API (B's, or a child's at `url`). */
    const plannedWalk = async (url?: string) => {
      const variables = { input: { ...ends, departAt: '2020-06-16T09:00:00+02:00' } };
      const body = url
        ? ((await (
            await fetch(`${url}/graphql`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ query: PLAN_WALK, variables }),
            })
          ).json()) as GqlResult<PlannedWalk>)
        : (await b.gql<PlannedWalk>(PLAN_WALK, variables)).body;
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      const walk = body.data!.plan.itineraries.find(
        (it) => it.legs.length === 1 && it.legs[0]!.mode === 'WALK',
      );
      return walk!.legs[0]!.distanceMeters;
    };

    beforeAll(async () => {
      database = await createTestDatabase();
      a = await createDialectHarness('postgres', database, { nowMs: NOW });
      await a.services.feeds.importFeed('vvs', await feedWithoutPlaceholders(FEED));
      b = await createDialectHarness('postgres', database, { nowMs: NOW, keep: true });
      await b.services.streets.loadAll();
      await b.services.feeds.syncShared();
      // Polling every minute: within this suite, changes reach B through LISTEN/NOTIFY.
      stopB = await b.services.streets.follow(60_000);
      const builder = new StreetGraphBuilder();
      await readExtract(EXTRACT, builder);
      ends = walkEnds(builder.build({ area: 'x', source: 'x', importedAtMs: NOW }));
    });
    afterAll(async () => {
      stopB();
      await child?.stop();
      await b.close();
      await a.close();
      await database.drop();
      rmSync(cliDir, { recursive: true, force: true });
      rmSync(childDir, { recursive: true, force: true });
    });

    it('the CLI imports into the database; a running replica plans walks on the streets', async () => {
      const straight = await plannedWalk();
      expect(b.services.streets.network.graphs).toEqual([]);
      const out = await maasCli(cliDir, ['streets', 'import', 'herrenberg', EXTRACT], {
        DATABASE_URL: database.url,
        LOG_LEVEL: 'silent',
      });
      const imported = JSON.parse(out.split('\n').at(-1)!) as { area: string };
      expect(imported.area).toBe('herrenberg');
      await vi.waitFor(() => expect(b.services.streets.network.graphs).toHaveLength(1), {
        timeout: 5000,
        interval: 20,
      });
      const onStreets = walkMeters(b.services.streets.network, ends)!;
      expect(onStreets).toBeGreaterThan(
        haversineMeters(ends.from.lat, ends.from.lon, ends.to.lat, ends.to.lon),
      );
      expect(await plannedWalk()).toBe(onStreets);
      expect(onStreets).not.toBe(straight);
      expect(existsSync(path.join(cliDir, 'streets'))).toBe(false);
    });

    it('`maas serve` on an empty data folder has loaded the graphs when it says ready', async () => {
      child = await startChildServer({
        dataDir: childDir,
        env: { DATABASE_URL: database.url, LOAD_SAMPLE: 'false', RATE_LIMIT_PER_MINUTE: '0' },
      });
      // Its first answer after /readyz walks on the streets.
      expect(await plannedWalk(child.url)).toBe(walkMeters(b.services.streets.network, ends));
      expect(existsSync(path.join(childDir, 'streets'))).toBe(false);
    });

    it('while the database is down the replica keeps its graphs; once it is back, changes arrive', async () => {
      stopB();
      stopB = await b.services.streets.follow(100);
      const served = b.services.streets.network;
      const name = new URL(database.url).pathname.slice(1);
      const admin = postgres(TEST_PG_URL!, { max: 1, onnotice: () => undefined });
      try {
        await admin.unsafe(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
        await admin`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ${name}`;
        await expect(b.services.streets.list()).rejects.toThrow();
        // Several failed checks later: the same graphs, and walks still planned on them.
        await new Promise((resolve) => setTimeout(resolve, 500));
        expect(b.services.streets.network).toBe(served);
        expect(await plannedWalk()).toBe(walkMeters(served, ends));
      } finally {
        await admin.unsafe(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
        await admin.end({ timeout: 1 });
      }
      const onStreets = await plannedWalk(child!.url);
      await a.services.streets.remove('herrenberg');
      await vi.waitFor(() => expect(b.services.streets.network.graphs).toEqual([]), {
        timeout: 5000,
        interval: 20,
      });
      await vi.waitFor(async () => expect(await plannedWalk(child!.url)).not.toBe(onStreets), {
        timeout: 10_000,
        interval: 100,
      });
      expect(await plannedWalk(child!.url)).toBe(await plannedWalk());
    });
  },
);
