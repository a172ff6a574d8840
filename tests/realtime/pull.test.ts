import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import postgres from 'postgres';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { closeServices, createServices } from '../../src/createServices.js';
import { DomainError } from '../../src/errors.js';
import {
  RealtimePoller,
  setRealtimeSource,
  type RealtimeSourceInput,
} from '../../src/realtime/index.js';
import { SAMPLE_FEED_DIR } from '../../src/sample.js';
import type { Services } from '../../src/services.js';
import { departuresFrom } from '../../src/transit/departures.js';
import { describeDialects } from '../helpers/dialects.js';
import { eventually } from '../helpers/eventually.js';
import type { Harness } from '../helpers/harness.js';
import { TEST_PG_URL } from '../helpers/pg.js';
import { BOARD, feedMessage, gtfsDate, tripUpdate, type BoardRow } from './rtHelpers.js';
import { importFeedOnce } from '../helpers/feedCache.js';

const NOW_MS = Date.parse('2026-12-01T12:00:00Z');
const NOW_SEC = NOW_MS / 1000;

/** `<code>: <message>` of the DomainError that `run` rejects with. */
async function refusal(run: Promise<unknown>): Promise<string | undefined> {
  try {
    await run;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return `${(error as DomainError).code}: ${(error as DomainError).message}`;
  }
  return undefined;
}

describeDialects('realtime pull', ({ dialect, harness, replica }) => {
  let h: Harness;
  /** Another process on the data folder (SQLite), or another replica on the database. */
  let other: { services: Services; close(): Promise<void> };
  let server: Server;
  let body: Uint8Array = new Uint8Array();
  /** Requests per path served by the local GTFS-RT server. */
  const hits = new Map<string, number>();
  let base = '';
  const pollers: RealtimePoller[] = [];
  const source = (input: Omit<RealtimeSourceInput, 'feedId'>, services = h.services) =>
    setRealtimeSource(services.realtimeSources, { feedId: 'si', ...input }, new Date(NOW_MS));
  const poller = (options: { refreshMs?: number; logger?: pino.Logger } = {}) => {
    const p = new RealtimePoller({
      sources: h.services.realtimeSources,
      realtime: h.services.realtime,
      logger: h.services.logger,
      ...options,
    });
    pollers.push(p);
    return p;
  };

  beforeAll(async () => {
    h = await harness({ nowMs: NOW_MS });
    await importFeedOnce(h, 'si', SAMPLE_FEED_DIR);
    if (dialect === 'postgres') other = await replica({ nowMs: NOW_MS });
    else {
      const services = createServices({ ...h.config }, h.clock);
      other = { services, close: () => closeServices(services) };
    }
    server = createServer((req, res) => {
      const url = req.url ?? '';
      hits.set(url, (hits.get(url) ?? 0) + 1);
      if (!url.startsWith('/tu')) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end(Buffer.from(body));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 120_000);
  afterAll(async () => {
    for (const p of pollers) p.stop();
    await new Promise((resolve) => server.close(resolve));
    await other.close();
    await h.close();
  });

  it('stores, replaces, lists and removes sources, and refuses bad ones with BAD_USER_INPUT', async () => {
    const sources = h.services.realtimeSources;
    const si = await source({ tripUpdatesUrl: `${base}/tu.pb`, intervalSeconds: 15 });
    await setRealtimeSource(
      sources,
      { feedId: 'zz', alertsUrl: `${base}/alerts.pb` },
      new Date(NOW_MS + 1000),
    );
    expect(await sources.list()).toEqual([
      si,
      {
        feedId: 'zz',
        tripUpdatesUrl: null,
        vehiclePositionsUrl: null,
        alertsUrl: `${base}/alerts.pb`,
        intervalSeconds: 30,
        updatedAt: new Date(NOW_MS + 1000),
      },
    ]);
    // Another process (or replica) reads what this one stored.
    expect(await other.services.realtimeSources.list()).toEqual(await sources.list());

    const replaced = await setRealtimeSource(
      sources,
      { feedId: 'si', vehiclePositionsUrl: `${base}/vp.pb` },
      new Date(NOW_MS + 2000),
    );
    expect(replaced).toEqual({
      feedId: 'si',
      tripUpdatesUrl: null,
      vehiclePositionsUrl: `${base}/vp.pb`,
      alertsUrl: null,
      intervalSeconds: 30,
      updatedAt: new Date(NOW_MS + 2000),
    });
    expect((await sources.list())[0]).toEqual(replaced);

    expect(await refusal(source({ tripUpdatesUrl: 'ftp://example.org/tu.pb' }))).toBe(
      'BAD_USER_INPUT: "ftp://example.org/tu.pb" is not an http(s) URL',
    );
    expect(await refusal(source({}))).toMatch(/^BAD_USER_INPUT: give at least one of/);
    for (const intervalSeconds of [4, 7.5])
      expect(await refusal(source({ alertsUrl: `${base}/a.pb`, intervalSeconds }))).toMatch(
        /^BAD_USER_INPUT: --interval must be a whole number of seconds ≥ 5/,
      );
    expect((await sources.list())[0]).toEqual(replaced);

    expect(await sources.remove('zz')).toBe(true);
    expect(await other.services.realtimeSources.remove('zz')).toBe(false);
    expect(await sources.remove('si')).toBe(true);
    expect(await sources.list()).toEqual([]);
  });

  it('stores the source and applies what the URL serves', async () => {
    const net = h.services.feeds.network!;
    let stop = 0;
    let d = departuresFrom(net, 0, NOW_SEC, 1)[0];
    while (!d) d = departuresFrom(net, ++stop, NOW_SEC, 1)[0];
    const tripId = net.tt.tripIds[d.trip]!.slice(3);
    body = feedMessage(
      [
        tripUpdate('1', { tripId, startDate: gtfsDate(d.serviceDay) }, [
          { stopId: net.tt.stopIds[d.stop]!.slice(3), departure: { delay: 240 } },
        ]),
      ],
      NOW_SEC,
    );

    await source({ tripUpdatesUrl: `${base}/tu.pb`, intervalSeconds: 15 });
    expect(await h.services.realtimeSources.list()).toMatchObject([
      { feedId: 'si', intervalSeconds: 15 },
    ]);
    const results = await poller().pollOnce('si');
    expect(results).toEqual([
      { applied: { tripUpdates: 1, vehiclePositions: 0, alerts: 0 }, unknownTrips: 0, refused: [] },
    ]);

    const res = await h.gql<{ departures: BoardRow[] }>(BOARD, {
      stopId: net.tt.stopIds[d.stop],
      first: 10,
    });
    const row = res.body.data!.departures.find((r) => r.trip.id === `si:${tripId}`)!;
    expect(row.realtimeState).toBe('UPDATED');
    expect(row.delaySeconds).toBe(240);
  });

  it('reports a URL that does not serve a FeedMessage and keeps the previous data', async () => {
    const before = h.services.realtime.snapshot;
    await source({ tripUpdatesUrl: `${base}/missing.pb` });
    await expect(poller().pollOnce('si')).rejects.toThrow(/HTTP 404/);
    expect(h.services.realtime.snapshot).toBe(before);
  });

  it('follows, while running, the sources another process adds, replaces and removes', async () => {
    await h.services.realtimeSources.remove('si');
    const p = poller({ refreshMs: 100 });
    p.start();
    await eventually(() => p.polledFeeds().length === 0);

    await source({ tripUpdatesUrl: `${base}/tu-added.pb`, intervalSeconds: 5 }, other.services);
    await eventually(() => (hits.get('/tu-added.pb') ?? 0) > 0);
    expect(p.polledFeeds()).toEqual(['si']);

    await source({ tripUpdatesUrl: `${base}/tu-replaced.pb`, intervalSeconds: 5 }, other.services);
    await eventually(() => (hits.get('/tu-replaced.pb') ?? 0) > 0);

    expect(await other.services.realtimeSources.remove('si')).toBe(true);
    await eventually(() => p.polledFeeds().length === 0);
    p.stop();
  });

  it.runIf(dialect === 'postgres')(
    'keeps running while the database is away, and follows the sources once it is back',
    async () => {
      const lines: string[] = [];
      const logger = pino({ level: 'warn' }, { write: (line: string) => lines.push(line) });
      const p = poller({ refreshMs: 100, logger });
      await source({ tripUpdatesUrl: `${base}/tu-before.pb`, intervalSeconds: 5 });
      p.start();
      await eventually(() => (hits.get('/tu-before.pb') ?? 0) > 0);

      const [{ name } = { name: '' }] = await h.query<{ name: string }>(
        'SELECT current_database() AS name',
      );
      const admin = postgres(TEST_PG_URL!, { max: 1, onnotice: () => undefined });
      try {
        await admin.unsafe(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
        await admin`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = ${name} AND pid <> pg_backend_pid()`;
        await eventually(() =>
          lines.some((l) => l.includes('reading the realtime sources failed')),
        );
        expect(p.polledFeeds()).toEqual(['si']);
      } finally {
        await admin.unsafe(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
        await admin.end({ timeout: 1 });
      }

      // The pool reconnects on the next query.
      await eventually(() =>
        source({ tripUpdatesUrl: `${base}/tu-after.pb`, intervalSeconds: 5 }).then(
          () => true,
          () => false,
        ),
      );
      await eventually(() => (hits.get('/tu-after.pb') ?? 0) > 0);
      p.stop();
    },
    30_000,
  );
});
